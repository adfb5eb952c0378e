import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Logger } from '../logging/logger.js';
import type { SiasnSettings } from './siasn-settings.js';
/**
 * The one way LAYANI talks to SIASN. Read only: it only ever sends GET to the API (and POST to the two token
 * endpoints). Every API call carries both tokens BKN requires: the gateway's client-credentials token
 * (`Authorization: Bearer …`) and the operator's SSO token (`Auth: bearer …`). Both are cached until shortly before
 * they expire; a 401 gets fresh tokens once and then fails loudly. Calls are spaced to the configured rate; 429, 5xx,
 * timeouts and network errors are retried with exponential backoff (or the server's Retry-After).
 * Tokens, secrets and answer bodies are never logged: SIASN answers are personal data.
 */

export type SiasnErrorKind = 'auth' | 'unavailable' | 'unexpected';

export class SiasnError extends Error {
  override name = 'SiasnError';
  constructor(
    message: string,
    readonly kind: SiasnErrorKind,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface SiasnAnswer {
  status: number;
  /** Parsed JSON, or null when the body was not JSON. */
  body: unknown;
}

interface CachedToken {
  value: string;
  expiresAt: number;
}

export interface SiasnClientOptions {
  log: Logger;
  /** Milliseconds since the epoch; tests move it to expire tokens without waiting. */
  now?: () => number;
}

export interface SiasnCallCounts {
  api: number;
  gatewayTokens: number;
  ssoTokens: number;
  retries: number;
  /** Why calls were retried ("HTTP 503", "ECONNRESET", …), for the benchmark and debugging. */
  retryReasons: Record<string, number>;
  reauthentications: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class SiasnClient {
  private gateway: CachedToken | null = null;
  private sso: CachedToken | null = null;
  private pendingGateway: Promise<CachedToken> | null = null;
  private pendingSso: Promise<CachedToken> | null = null;
  private readonly pace: Pace;
  private readonly agents = { http: new HttpAgent({ keepAlive: true, maxSockets: 64 }), https: new HttpsAgent({ keepAlive: true, maxSockets: 64 }) };
  private readonly now: () => number;
  readonly counts: SiasnCallCounts = { api: 0, gatewayTokens: 0, ssoTokens: 0, retries: 0, retryReasons: {}, reauthentications: 0 };

  constructor(
    private readonly settings: SiasnSettings,
    private readonly options: SiasnClientOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.pace = new Pace(settings.requestsPerSecond);
  }

  /** How many API calls may be in flight at once: enough to keep the configured rate with answers taking up to half a second. */
  get parallelism(): number {
    return Math.min(64, Math.max(4, Math.ceil(this.settings.requestsPerSecond / 2)));
  }

  /** GET `path` (relative to SIASN_API_URL, e.g. "pns/data-utama/1986…"). Any HTTP answer but 401/429/5xx is returned. */
  async get(path: string, query: Record<string, string> = {}): Promise<SiasnAnswer> {
    const url = new URL(path.replace(/^\/+/, ''), this.settings.apiUrl);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    let reauthenticated = false;
    for (let attempt = 0; ; ) {
      const [gateway, sso] = await Promise.all([this.gatewayToken(), this.ssoToken()]);
      await this.pace.take();
      this.counts.api += 1;
      const outcome = await this.fetch(url, {
        headers: { authorization: `Bearer ${gateway.value}`, auth: `bearer ${sso.value}`, accept: 'application/json' },
      });
      if ('status' in outcome && outcome.status === 401) {
        if (reauthenticated) {
          throw new SiasnError(
            'SIASN menolak token yang baru diambil (HTTP 401). Periksa bahwa akun operator SIASN (SIASN_SSO_USERNAME) masih aktif dan berhak atas layanan ini, dan bahwa SIASN_CONSUMER_KEY untuk instansi ini.',
            'auth',
            401,
          );
        }
        // Tokens can be revoked before they expire (a password change, a gateway restart): fetch both again, once.
        reauthenticated = true;
        this.counts.reauthentications += 1;
        this.gateway = null;
        this.sso = null;
        continue;
      }
      const retryable = !('status' in outcome) || outcome.status === 429 || outcome.status >= 500;
      if (!retryable) return outcome as SiasnAnswer;
      if (attempt >= this.settings.maxRetries) {
        const what = 'status' in outcome ? `HTTP ${outcome.status}` : outcome.error;
        throw new SiasnError(`SIASN tidak dapat dihubungi setelah ${attempt + 1} percobaan (${what}). Coba lagi nanti; periksa SIASN_API_URL dan koneksi mesin ini.`, 'unavailable', 'status' in outcome ? outcome.status : undefined);
      }
      this.counts.retries += 1;
      const reason = 'status' in outcome ? `HTTP ${outcome.status}` : outcome.error;
      this.counts.retryReasons[reason] = (this.counts.retryReasons[reason] ?? 0) + 1;
      await sleep(this.backoff(attempt, 'retryAfterMs' in outcome ? outcome.retryAfterMs : null));
      attempt += 1;
    }
  }

  /** Closes the kept-alive connections (the CLI exits only when none are left open). */
  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  /** Fetches both tokens now (for `layani doctor`): throws SiasnError naming which credential was refused. */
  async checkCredentials(): Promise<void> {
    this.gateway = null;
    this.sso = null;
    await this.gatewayToken();
    await this.ssoToken();
  }

  private backoff(attempt: number, retryAfterMs: number | null): number {
    if (retryAfterMs !== null) return Math.min(retryAfterMs, 60_000);
    const base = this.settings.backoffBaseMs * 2 ** attempt;
    return base / 2 + Math.random() * (base / 2);
  }

  /**
   * One HTTP exchange over node:http(s) with keep-alive agents. Not fetch(): at a hundred requests a second its web
   * streams allocate enough to add tens of megabytes to a long sync's peak memory.
   */
  private fetch(
    target: URL | string,
    init: { method?: string; headers: Record<string, string>; body?: string },
    onFreshSocket = false,
  ): Promise<(SiasnAnswer & { retryAfterMs: number | null }) | { error: string }> {
    const url = typeof target === 'string' ? new URL(target) : target;
    const secure = url.protocol === 'https:';
    return new Promise((resolve) => {
      const request = (secure ? httpsRequest : httpRequest)(
        url,
        {
          method: init.method ?? 'GET',
          headers: init.body === undefined ? init.headers : { ...init.headers, 'content-length': Buffer.byteLength(init.body) },
          agent: secure ? this.agents.https : this.agents.http,
          timeout: this.settings.timeoutMs,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', (error) => resolve({ error: (error as NodeJS.ErrnoException).code ?? error.message }));
          response.on('end', () => {
            let body: unknown = null;
            try {
              const text = Buffer.concat(chunks).toString('utf8');
              body = text ? JSON.parse(text) : null;
            } catch {
              body = null;
            }
            const retryAfter = Number(response.headers['retry-after']);
            resolve({ status: response.statusCode ?? 0, body, retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null });
          });
        },
      );
      request.on('timeout', () => {
        request.destroy();
        resolve({ error: `tidak ada jawaban dalam ${this.settings.timeoutMs / 1000} detik` });
      });
      request.on('error', (error) => {
        const code = (error as NodeJS.ErrnoException).code;
        // The server closed a kept-alive connection just as it was reused: nothing reached it, so send again at once
        // on a new connection (Node's documented remedy) instead of waiting out a backoff.
        if (code === 'ECONNRESET' && request.reusedSocket && !onFreshSocket) resolve(this.fetch(url, init, true));
        else resolve({ error: code ?? error.message });
      });
      request.end(init.body);
    });
  }

  private fresh(token: CachedToken | null): token is CachedToken {
    return token !== null && token.expiresAt > this.now();
  }

  private gatewayToken(): Promise<CachedToken> {
    if (this.fresh(this.gateway)) return Promise.resolve(this.gateway);
    this.pendingGateway ??= this.requestToken('gateway', this.settings.gatewayTokenUrl, new URLSearchParams({ grant_type: 'client_credentials' }), {
      authorization: `Basic ${Buffer.from(`${this.settings.consumerKey}:${this.settings.consumerSecret}`).toString('base64')}`,
    })
      .then((token) => (this.gateway = token))
      .finally(() => (this.pendingGateway = null));
    return this.pendingGateway;
  }

  private ssoToken(): Promise<CachedToken> {
    if (this.fresh(this.sso)) return Promise.resolve(this.sso);
    this.pendingSso ??= this.requestToken(
      'sso',
      this.settings.ssoTokenUrl,
      new URLSearchParams({ grant_type: 'password', client_id: this.settings.ssoClientId, username: this.settings.ssoUsername, password: this.settings.ssoPassword }),
      {},
    )
      .then((token) => (this.sso = token))
      .finally(() => (this.pendingSso = null));
    return this.pendingSso;
  }

  private async requestToken(which: 'gateway' | 'sso', url: string, form: URLSearchParams, headers: Record<string, string>): Promise<CachedToken> {
    for (let attempt = 0; ; attempt += 1) {
      if (which === 'gateway') this.counts.gatewayTokens += 1;
      else this.counts.ssoTokens += 1;
      const outcome = await this.fetch(url, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
      });
      if ('status' in outcome && outcome.status < 500 && outcome.status !== 429) {
        const body = outcome.body as { access_token?: unknown; expires_in?: unknown } | null;
        if (outcome.status === 200 && typeof body?.access_token === 'string' && body.access_token) {
          const seconds = Number(body.expires_in) > 0 ? Number(body.expires_in) : 300;
          // Renew a little early: a token that expires while a request is on its way earns a 401.
          const margin = Math.min(60, seconds / 10) * 1000;
          return { value: body.access_token, expiresAt: this.now() + seconds * 1000 - margin };
        }
        if (outcome.status === 400 || outcome.status === 401 || outcome.status === 403) {
          throw new SiasnError(
            which === 'gateway'
              ? `Gateway SIASN menolak SIASN_CONSUMER_KEY/SIASN_CONSUMER_SECRET (HTTP ${outcome.status}). Salin ulang consumer key dan secret yang diterbitkan BKN untuk instansi ini.`
              : `SSO SIASN menolak akun operator (HTTP ${outcome.status}). Periksa SIASN_SSO_CLIENT_ID, SIASN_SSO_USERNAME dan SIASN_SSO_PASSWORD (kata sandi mungkin sudah diganti atau kedaluwarsa).`,
            'auth',
            outcome.status,
          );
        }
        this.options.log.warn({ which, status: outcome.status, shape: shapeOf(outcome.body) }, 'SIASN token endpoint answered in an unexpected shape');
        throw new SiasnError(`Jawaban tak terduga dari ${which === 'gateway' ? 'SIASN_GATEWAY_TOKEN_URL' : 'SIASN_SSO_TOKEN_URL'} (HTTP ${outcome.status}). Periksa alamat itu.`, 'unexpected', outcome.status);
      }
      if (attempt >= this.settings.maxRetries) {
        const what = 'status' in outcome ? `HTTP ${outcome.status}` : outcome.error;
        throw new SiasnError(`${which === 'gateway' ? 'Gateway' : 'SSO'} SIASN tidak dapat dihubungi (${what}). Periksa ${which === 'gateway' ? 'SIASN_GATEWAY_TOKEN_URL' : 'SIASN_SSO_TOKEN_URL'} dan koneksi mesin ini.`, 'unavailable');
      }
      this.counts.retries += 1;
      await sleep(this.backoff(attempt, 'retryAfterMs' in outcome ? outcome.retryAfterMs : null));
    }
  }
}

/**
 * Requests spaced evenly at `perSecond`: each call takes the next free slot. While calls are waiting, slots that
 * went by because the process was busy (timers firing late) may be made up, at most one second's worth, so the rate
 * holds on average; after an idle spell nothing is made up, so a new run never starts with a burst.
 */
class Pace {
  private next = 0;
  private waiting = 0;
  private readonly gapMs: number;

  constructor(perSecond: number) {
    this.gapMs = 1000 / perSecond;
  }

  async take(): Promise<void> {
    const now = performance.now();
    const slot = Math.max(this.next, this.waiting > 0 ? now - 1000 : now);
    this.next = slot + this.gapMs;
    const wait = slot - now;
    if (wait <= 0) return;
    this.waiting += 1;
    try {
      await sleep(wait);
    } finally {
      this.waiting -= 1;
    }
  }
}

/**
 * The outline of an unexpected answer (keys and types, never values), so a log line can say what SIASN sent
 * without repeating anyone's data.
 */
export function shapeOf(value: unknown, depth = 0): unknown {
  if (value === null) return 'null';
  if (Array.isArray(value)) return depth > 1 ? 'array' : [value.length > 0 ? shapeOf(value[0], depth + 1) : 'empty'];
  if (typeof value === 'object') {
    if (depth > 1) return 'object';
    return Object.fromEntries(Object.keys(value as object).slice(0, 40).map((k) => [k, shapeOf((value as Record<string, unknown>)[k], depth + 1)]));
  }
  return typeof value;
}
