/**
 * One cheap authenticated call to each outside service, the way an operator would check it by hand: Telegram
 * getMe, Slack auth.test, the LLM server's model list. Used by `layani doctor` and by /readyz when a platform has
 * not been heard from lately. Nothing here logs or returns a token.
 */

export type ProbeOutcome =
  /** It answered and accepted the credentials. */
  | 'ok'
  /** It answered and refused the credentials (wrong or revoked token or key). */
  | 'rejected'
  /** No answer: DNS, connection refused, timeout, a proxy's 5xx. */
  | 'unreachable'
  /** It answered, but not the way the service should (wrong URL, another program on that port, missing model). */
  | 'unexpected';

export interface ProbeResult {
  outcome: ProbeOutcome;
  /** What happened, as the service or the network said it: the bot's username, Slack's error code, HTTP 401, ECONNREFUSED, TIMEOUT. */
  detail: string;
  /** The LLM server answered but does not offer the configured model; these are the ones it has. */
  modelsOffered?: string[];
}

/** A service that takes longer than this to answer one tiny call counts as unreachable. */
export const probeTimeoutMs = 5000;

async function call(url: string, init: RequestInit = {}): Promise<{ status: number; body: unknown } | { error: string }> {
  try {
    const response = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(probeTimeoutMs) });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    return { status: response.status, body };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    if ((error as Error).name === 'TimeoutError') return { error: 'TIMEOUT' };
    return { error: cause?.code ?? cause?.message ?? (error as Error).message };
  }
}

export async function probeTelegram(apiRoot: string, token: string): Promise<ProbeResult> {
  const answer = await call(`${apiRoot.replace(/\/+$/, '')}/bot${token}/getMe`);
  if ('error' in answer) return { outcome: 'unreachable', detail: answer.error };
  const body = answer.body as { ok?: boolean; result?: { username?: string }; description?: string } | null;
  if (answer.status === 200 && body?.ok) return { outcome: 'ok', detail: `@${body.result?.username ?? '?'}` };
  if (answer.status === 401 || answer.status === 404) return { outcome: 'rejected', detail: `HTTP ${answer.status} ${body?.description ?? ''}`.trim() };
  if (answer.status >= 500) return { outcome: 'unreachable', detail: `HTTP ${answer.status}` };
  return { outcome: 'unexpected', detail: `HTTP ${answer.status}${body ? '' : ', not a Bot API answer'}` };
}

const slackAuthErrors = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'not_allowed_token_type']);

export async function probeSlack(apiUrl: string, token: string): Promise<ProbeResult> {
  const base = apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`;
  const answer = await call(`${base}auth.test`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  if ('error' in answer) return { outcome: 'unreachable', detail: answer.error };
  if (answer.status >= 500) return { outcome: 'unreachable', detail: `HTTP ${answer.status}` };
  const body = answer.body as { ok?: boolean; error?: string; team?: string; user?: string } | null;
  if (answer.status === 200 && body?.ok) return { outcome: 'ok', detail: `${body.user ?? '?'} in ${body.team ?? '?'}` };
  if (body?.error && slackAuthErrors.has(body.error)) return { outcome: 'rejected', detail: body.error };
  return { outcome: 'unexpected', detail: body?.error ?? `HTTP ${answer.status}${body ? '' : ', not a Slack API answer'}` };
}

/** `model` must be in the server's list: a typo there would make every LLM answer fail over to extractive ones. */
export async function probeLlm(baseUrl: string, apiKey: string | undefined, model: string): Promise<ProbeResult> {
  const answer = await call(`${baseUrl.replace(/\/+$/, '')}/models`, { headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {} });
  if ('error' in answer) return { outcome: 'unreachable', detail: answer.error };
  if (answer.status === 401 || answer.status === 403) return { outcome: 'rejected', detail: `HTTP ${answer.status}` };
  if (answer.status >= 500) return { outcome: 'unreachable', detail: `HTTP ${answer.status}` };
  const body = answer.body as { data?: Array<{ id?: string }> } | null;
  if (answer.status !== 200 || !Array.isArray(body?.data)) return { outcome: 'unexpected', detail: `HTTP ${answer.status}, not a model list` };
  const ids = body.data.map((m) => m.id).filter((id): id is string => typeof id === 'string');
  if (!ids.includes(model)) return { outcome: 'unexpected', detail: `model ${model} not offered`, modelsOffered: ids };
  return { outcome: 'ok', detail: `model ${model} available` };
}

export const defaultOpenAiBaseUrl = 'https://api.openai.com/v1';

export interface TelegramWebhookInfo {
  url: string;
  pendingUpdates: number;
  /** Telegram's last failure to deliver an update to the webhook, when there was one. */
  lastError: { at: Date; message: string } | null;
}

/** What Telegram itself knows about the webhook: only it can tell that it cannot reach LAYANI. */
export async function telegramWebhookInfo(apiRoot: string, token: string): Promise<TelegramWebhookInfo | null> {
  const answer = await call(`${apiRoot.replace(/\/+$/, '')}/bot${token}/getWebhookInfo`);
  if ('error' in answer || answer.status !== 200) return null;
  const result = (answer.body as { result?: { url?: string; pending_update_count?: number; last_error_date?: number; last_error_message?: string } } | null)?.result;
  if (!result) return null;
  return {
    url: result.url ?? '',
    pendingUpdates: result.pending_update_count ?? 0,
    lastError: result.last_error_date ? { at: new Date(result.last_error_date * 1000), message: result.last_error_message ?? '' } : null,
  };
}
