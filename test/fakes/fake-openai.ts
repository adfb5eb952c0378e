/**
 * Fake OpenAI-compatible server for tests (`new OpenAI({ apiKey, baseURL: url + '/v1' })`).
 *
 *   POST {url}/v1/chat/completions   (JSON; `stream: true` answered as SSE)
 *   GET  {url}/v1/models, /v1/models/<id>
 *
 * Replies come from a scripted function. Every request body is recorded so a
 * test can assert exactly what the model was shown.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { FakeHttpServer, bearerToken, dropConnection, sendJson } from './http-util.js';

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

export interface ChatMessageIn {
  role: 'system' | 'developer' | 'user' | 'assistant' | 'tool';
  content?: string | Array<{ type: string; text?: string; [k: string]: unknown }> | null;
  name?: string;
  tool_call_id?: string;
  tool_calls?: unknown[];
  [k: string]: unknown;
}

export interface ChatCompletionRequestBody {
  model: string;
  messages: ChatMessageIn[];
  response_format?: { type: 'text' | 'json_object' | 'json_schema'; json_schema?: { name: string; schema?: unknown; strict?: boolean } };
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  tools?: unknown[];
  temperature?: number;
  max_tokens?: number;
  max_completion_tokens?: number;
  [k: string]: unknown;
}

export interface RecordedOpenAIRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: ChatCompletionRequestBody | undefined;
  at: number;
  injected?: string;
}

export interface ScriptedError {
  status: number;
  error: { message: string; type?: string; code?: string | null; param?: string | null };
  headers?: Record<string, string>;
}

export interface ScriptedContent {
  content: string | null;
  delayMs?: number;
  finish_reason?: 'stop' | 'length' | 'tool_calls' | 'content_filter';
  tool_calls?: Array<{ name: string; arguments: string | Record<string, unknown>; id?: string }>;
  refusal?: string;
  usage?: { prompt_tokens: number; completion_tokens: number };
}

export type ScriptedReply = string | ScriptedContent | ScriptedError | 'network-down';

export type ReplyFn = (request: ChatCompletionRequestBody) => ScriptedReply | Promise<ScriptedReply>;

export interface FakeOpenAIOptions {
  /** accepted API keys (default `['sk-test-key']`) */
  apiKeys?: string[];
  models?: string[];
  reply?: ReplyFn;
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

const isError = (r: ScriptedReply): r is ScriptedError => typeof r === 'object' && r !== null && 'status' in r;

/** Plain text of a message (string content or the text parts of an array). */
export function messageText(m: ChatMessageIn | undefined): string {
  if (!m || m.content === null || m.content === undefined) return '';
  if (typeof m.content === 'string') return m.content;
  return m.content.map((p) => (typeof p.text === 'string' ? p.text : '')).join('');
}

const approxTokens = (s: string): number => Math.max(1, Math.ceil(s.length / 4));

// ---------------------------------------------------------------------------
// The fake
// ---------------------------------------------------------------------------

export class FakeOpenAI {
  readonly apiKeys: string[];
  readonly models: string[];
  /** every request that reached the server, in arrival order */
  readonly requests: RecordedOpenAIRequest[] = [];

  private readonly http: FakeHttpServer;
  private replyFn: ReplyFn;
  private readonly queued: ScriptedReply[] = [];
  private outage = false;
  private counter = 0;
  private readonly pending = new Set<NodeJS.Timeout>();

  constructor(opts: FakeOpenAIOptions = {}) {
    this.apiKeys = opts.apiKeys ?? ['sk-test-key'];
    this.models = opts.models ?? ['gpt-4o-mini', 'gpt-4.1-mini', 'text-embedding-3-small'];
    this.replyFn = opts.reply ?? ((req) => `fake reply to: ${messageText(req.messages.at(-1))}`);
    this.http = new FakeHttpServer((req, res, body) => this.handle(req, res, body), 'fake-openai');
  }

  /** `url` is the server root; give the client `baseURL: url + '/v1'`. */
  start(): Promise<{ url: string }> {
    return this.http.start();
  }

  async stop(): Promise<void> {
    for (const t of this.pending) clearTimeout(t);
    this.pending.clear();
    await this.http.stop();
  }

  get url(): string {
    return this.http.url;
  }

  get baseURL(): string {
    return `${this.url}/v1`;
  }

  /** Replace the reply function (used when the queue from `replyOnce` is empty). */
  setReply(fn: ReplyFn): void {
    this.replyFn = fn;
  }

  /** Queue one-shot replies consumed (FIFO) before the reply function is consulted. */
  replyOnce(...replies: ScriptedReply[]): void {
    this.queued.push(...replies);
  }

  /** Shorthand: the next completion fails with this HTTP error (or a connection reset). */
  failNext(failure: ScriptedError | 'network-down'): void {
    this.queued.unshift(failure);
  }

  setOutage(on: boolean): void {
    this.outage = on;
  }

  /** Bodies of chat completion requests that were answered (or failed by script), in order. */
  get completions(): ChatCompletionRequestBody[] {
    return this.requests.filter((r) => r.path === '/v1/chat/completions' && r.body).map((r) => r.body!);
  }

  lastCompletion(): ChatCompletionRequestBody | undefined {
    return this.completions.at(-1);
  }

  // ---- HTTP ------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse, raw: Buffer): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/\/+$/, '');
    let body: ChatCompletionRequestBody | undefined;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8')) as ChatCompletionRequestBody;
      } catch {
        this.requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body: undefined, at: Date.now() });
        return this.error(res, { status: 400, error: { message: 'We could not parse the JSON body of your request.', type: 'invalid_request_error' } });
      }
    }
    const record: RecordedOpenAIRequest = { method: req.method ?? 'GET', path, headers: req.headers, body, at: Date.now() };
    this.requests.push(record);

    if (this.outage) {
      record.injected = 'outage';
      return dropConnection(res);
    }

    const key = bearerToken(req.headers);
    if (!key || !this.apiKeys.includes(key)) {
      return this.error(res, {
        status: 401,
        error: {
          message: key
            ? `Incorrect API key provided: ${key.slice(0, 3)}***${key.slice(-4)}. You can find your API key at https://platform.openai.com/account/api-keys.`
            : "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
          type: 'invalid_request_error',
          code: key ? 'invalid_api_key' : null,
        },
      });
    }

    if (req.method === 'GET' && path === '/v1/models') {
      return sendJson(res, 200, { object: 'list', data: this.models.map((id) => this.modelObject(id)) });
    }
    const model = /^\/v1\/models\/(.+)$/.exec(path);
    if (req.method === 'GET' && model) {
      const id = decodeURIComponent(model[1]!);
      if (!this.models.includes(id)) {
        return this.error(res, { status: 404, error: { message: `The model '${id}' does not exist`, type: 'invalid_request_error', code: 'model_not_found', param: 'model' } });
      }
      return sendJson(res, 200, this.modelObject(id));
    }
    if (req.method === 'POST' && path === '/v1/chat/completions') return this.chatCompletion(req, res, record);
    return this.error(res, { status: 404, error: { message: `Invalid URL (${req.method} ${path})`, type: 'invalid_request_error' } });
  }

  private async chatCompletion(req: IncomingMessage, res: ServerResponse, record: RecordedOpenAIRequest): Promise<void> {
    const body = record.body;
    const invalid = (message: string, param: string | null = null): Promise<void> =>
      Promise.resolve(this.error(res, { status: 400, error: { message, type: 'invalid_request_error', param, code: null } }));
    if (!body) return invalid('you must provide a model parameter', 'model');
    if (typeof body.model !== 'string' || body.model === '') return invalid('you must provide a model parameter', 'model');
    if (!Array.isArray(body.messages) || body.messages.length === 0) {
      return invalid("Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", 'messages');
    }
    const rf = body.response_format;
    if (rf?.type === 'json_object') {
      const mentionsJson = body.messages.some((m) => /json/i.test(messageText(m)));
      if (!mentionsJson) {
        return invalid("'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.", 'messages');
      }
    }
    if (rf?.type === 'json_schema' && (!rf.json_schema || typeof rf.json_schema.name !== 'string')) {
      return invalid("Missing required parameter: 'response_format.json_schema.name'.", 'response_format.json_schema.name');
    }

    const scripted = this.queued.length > 0 ? this.queued.shift()! : await this.replyFn(body);
    if (scripted === 'network-down') {
      record.injected = 'network-down';
      return dropConnection(res);
    }
    if (isError(scripted)) {
      record.injected = `status:${scripted.status}`;
      return this.error(res, scripted);
    }
    const reply: ScriptedContent = typeof scripted === 'string' ? { content: scripted } : scripted;
    if (reply.delayMs) {
      const aborted = await this.delay(reply.delayMs, res);
      if (aborted) return;
    }

    const id = `chatcmpl-fake${String(++this.counter).padStart(6, '0')}`;
    const created = Math.floor(Date.now() / 1000);
    const toolCalls = reply.tool_calls?.map((t, i) => ({
      id: t.id ?? `call_fake_${this.counter}_${i}`,
      type: 'function' as const,
      function: { name: t.name, arguments: typeof t.arguments === 'string' ? t.arguments : JSON.stringify(t.arguments) },
    }));
    const finish = reply.finish_reason ?? (toolCalls?.length ? 'tool_calls' : 'stop');
    const promptTokens = reply.usage?.prompt_tokens ?? approxTokens(body.messages.map(messageText).join('\n'));
    const completionTokens = reply.usage?.completion_tokens ?? approxTokens(reply.content ?? '');
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    };

    if (body.stream) return this.stream(req, res, { id, created, model: body.model, reply, toolCalls, finish, usage, includeUsage: body.stream_options?.include_usage === true });

    sendJson(
      res,
      200,
      {
        id,
        object: 'chat.completion',
        created,
        model: body.model,
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content: reply.content,
              refusal: reply.refusal ?? null,
              annotations: [],
              ...(toolCalls?.length ? { tool_calls: toolCalls } : {}),
            },
            logprobs: null,
            finish_reason: finish,
          },
        ],
        usage,
        service_tier: 'default',
        system_fingerprint: 'fp_fake',
      },
      { 'x-request-id': `req_fake_${this.counter}`, 'openai-processing-ms': String(reply.delayMs ?? 1) },
    );
  }

  private stream(
    _req: IncomingMessage,
    res: ServerResponse,
    s: {
      id: string;
      created: number;
      model: string;
      reply: ScriptedContent;
      toolCalls: Array<{ id: string; type: 'function'; function: { name: string; arguments: string } }> | undefined;
      finish: string;
      usage: Record<string, unknown>;
      includeUsage: boolean;
    },
  ): void {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-request-id': `req_fake_${this.counter}` });
    const chunk = (delta: Record<string, unknown>, finish: string | null, extra: Record<string, unknown> = {}): void => {
      const c = {
        id: s.id,
        object: 'chat.completion.chunk',
        created: s.created,
        model: s.model,
        system_fingerprint: 'fp_fake',
        choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
        ...(s.includeUsage ? { usage: null } : {}),
        ...extra,
      };
      res.write(`data: ${JSON.stringify(c)}\n\n`);
    };
    chunk({ role: 'assistant', content: '', refusal: null }, null);
    const text = s.reply.content ?? '';
    for (let i = 0; i < text.length; i += 16) chunk({ content: text.slice(i, i + 16) }, null);
    s.toolCalls?.forEach((t, index) => chunk({ tool_calls: [{ index, ...t }] }, null));
    chunk({}, s.finish);
    if (s.includeUsage) {
      res.write(
        `data: ${JSON.stringify({ id: s.id, object: 'chat.completion.chunk', created: s.created, model: s.model, system_fingerprint: 'fp_fake', choices: [], usage: s.usage })}\n\n`,
      );
    }
    res.end('data: [DONE]\n\n');
  }

  private delay(ms: number, res: ServerResponse): Promise<boolean> {
    return new Promise((resolve) => {
      const onClose = (): void => {
        clearTimeout(t);
        this.pending.delete(t);
        resolve(true);
      };
      const t = setTimeout(() => {
        this.pending.delete(t);
        res.off('close', onClose);
        resolve(false);
      }, ms);
      this.pending.add(t);
      res.once('close', onClose);
    });
  }

  private error(res: ServerResponse, e: ScriptedError): void {
    sendJson(
      res,
      e.status,
      { error: { message: e.error.message, type: e.error.type ?? 'invalid_request_error', param: e.error.param ?? null, code: e.error.code ?? null } },
      { 'x-request-id': `req_fake_err_${this.counter}`, ...e.headers },
    );
  }

  private modelObject(id: string): Record<string, unknown> {
    return { id, object: 'model', created: 1_700_000_000, owned_by: 'system' };
  }
}

