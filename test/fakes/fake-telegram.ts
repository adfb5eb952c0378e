/**
 * Fake Telegram Bot API server for tests.
 *
 * Speaks the real wire protocol (`{root}/bot<token>/<method>` with JSON,
 * form-urlencoded or multipart bodies; `{root}/file/bot<token>/<path>` for
 * downloads) so the real grammY client can be pointed at it with
 * `new Bot(token, { client: { apiRoot: fake.url } })`.
 *
 * Besides answering API calls it models the bits of server state bots trip
 * over in production: getUpdates offsets/confirmation and 409 conflicts,
 * webhook delivery with the secret-token header, per-chat message ids,
 * "message is not modified", parse_mode validation, callback-query expiry,
 * BUTTON_DATA_INVALID, blocked users, and Telegram's flood limits.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BotCommand, Chat, Message, Update, User, UserFromGetMe } from 'grammy/types';
import {
  FakeHttpServer,
  SlidingWindow,
  dropConnection,
  parseBody,
  postRaw,
  sendJson,
  sendText,
  sleep,
  type UploadedPart,
} from './http-util.js';
import { applyParseMode } from './telegram-markup.js';

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

export type TelegramFailure =
  | 'network-down'
  | { error_code: 429; retry_after: number; description?: string }
  | { error_code: number; description: string; parameters?: Record<string, unknown> };

/** A file that arrived in a multipart upload (grammY `InputFile`). */
export interface UploadedFile {
  filename: string;
  contentType: string | undefined;
  bytes: Buffer;
}

export interface TelegramCall {
  method: string;
  /**
   * Parameters as the Bot API understood them. Form/multipart values are
   * coerced back to JSON types for well-known keys (chat_id → number,
   * reply_markup → object, …); uploaded files appear as `UploadedFile`.
   */
  params: Record<string, unknown>;
  at: number;
  /** how the body was encoded on the wire */
  encoding: 'json' | 'form' | 'multipart' | 'query' | 'webhook-reply';
  /** set when the call was answered by failNext()/setOutage()/rate limiter instead of the API */
  injected?: string;
}

export type UserLike = number | (Partial<User> & { id: number });

export interface RateLimitConfig {
  /** messages per second into one chat (Telegram: ~1) */
  perChatPerSecond?: number;
  /** messages per minute into one group/supergroup (Telegram: 20) */
  groupPerMinute?: number;
  /** messages per second overall (Telegram: 30) */
  globalPerSecond?: number;
}

export interface FakeTelegramOptions {
  /** bot token accepted in URLs (default `123456789:TEST-fake-telegram-token`) */
  token?: string;
  /** overrides for getMe */
  bot?: Partial<UserFromGetMe>;
  /** enable the flood limiter from the start */
  rateLimit?: boolean | RateLimitConfig;
  /**
   * Real Telegram refuses to message a user who never wrote to the bot
   * ("Forbidden: bot can't initiate conversation with a user"). Off by default.
   */
  requireStart?: boolean;
  /** webhook delivery attempts per update before it is dropped (default 3) */
  webhookMaxAttempts?: number;
}

export interface StoredFile {
  file_id: string;
  file_unique_id: string;
  file_path: string;
  bytes: Buffer;
  kind: 'photo' | 'document';
  file_name?: string;
  mime_type?: string;
  /** for files "sent by URL" (never downloaded: there is no internet here) */
  source_url?: string;
}

export interface WebhookDelivery {
  update_id: number;
  attempt: number;
  status: number | 'error';
  error?: string;
  at: number;
}

// ---------------------------------------------------------------------------
// Internals
// ---------------------------------------------------------------------------

class ApiError extends Error {
  constructor(
    readonly error_code: number,
    readonly description: string,
    readonly parameters?: Record<string, unknown>,
  ) {
    super(description);
  }
}

const bad = (description: string): ApiError => new ApiError(400, `Bad Request: ${description}`);

const INT_KEYS = new Set([
  'chat_id', 'from_chat_id', 'message_id', 'reply_to_message_id', 'offset', 'limit', 'timeout', 'user_id',
  'message_thread_id', 'cache_time', 'max_connections', 'duration', 'width', 'height',
]);
const BOOL_KEYS = new Set([
  'disable_notification', 'protect_content', 'show_alert', 'drop_pending_updates', 'disable_web_page_preview',
  'has_spoiler', 'disable_content_type_detection', 'allow_sending_without_reply', 'show_caption_above_media',
]);
const JSON_KEYS = new Set([
  'reply_markup', 'entities', 'caption_entities', 'allowed_updates', 'commands', 'scope', 'link_preview_options',
  'reply_parameters', 'media',
]);
const SENDING_METHODS = new Set([
  'sendmessage', 'sendphoto', 'senddocument', 'copymessage', 'forwardmessage', 'sendmediagroup', 'sendvideo',
  'sendaudio', 'sendvoice', 'sendsticker', 'sendanimation', 'sendlocation', 'sendcontact', 'sendpoll',
]);
const DEFAULT_ALLOWED = (type: string): boolean =>
  !['chat_member', 'message_reaction', 'message_reaction_count'].includes(type);
const CHAT_ACTIONS = new Set([
  'typing', 'upload_photo', 'record_video', 'upload_video', 'record_voice', 'upload_voice', 'upload_document',
  'choose_sticker', 'find_location', 'record_video_note', 'upload_video_note',
]);
const MIME_BY_EXT: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  zip: 'application/zip',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

/** 1×1 JPEG used when a test does not care about the picture. */
export const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);

interface ChatState {
  chat: Chat;
  nextMessageId: number;
  messages: Map<number, { msg: Message; fromBot: boolean }>;
  blocked: boolean;
  userStarted: boolean;
}

interface PollWaiter {
  res: ServerResponse;
  offset: number;
  limit: number;
  timer: NodeJS.Timeout;
}

type Params = Record<string, unknown>;

const now = (): number => Math.floor(Date.now() / 1000);
const clone = <T>(v: T): T => structuredClone(v);

function normalizeParams(fields: Record<string, unknown>, files: Record<string, UploadedPart>): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v !== 'string') {
      out[k] = v;
      continue;
    }
    if (v.startsWith('attach://')) {
      const part = files[v.slice('attach://'.length)];
      out[k] = part ? toUploaded(part, k) : v;
    } else if (INT_KEYS.has(k) && /^-?\d+$/.test(v)) out[k] = Number(v);
    else if (BOOL_KEYS.has(k) && (v === 'true' || v === 'false')) out[k] = v === 'true';
    else if (JSON_KEYS.has(k)) {
      try {
        out[k] = JSON.parse(v);
      } catch {
        out[k] = v;
      }
    } else out[k] = v;
  }
  // curl-style uploads: the file part itself is named like the parameter
  for (const [name, part] of Object.entries(files)) {
    if (!(name in out) && !Object.values(fields).includes(`attach://${name}`)) out[name] = toUploaded(part, name);
  }
  return out;
}

function toUploaded(part: UploadedPart, field: string): UploadedFile {
  return { filename: part.filename ?? `${field}.dat`, contentType: part.contentType, bytes: part.data };
}

const isUploaded = (v: unknown): v is UploadedFile =>
  typeof v === 'object' && v !== null && Buffer.isBuffer((v as UploadedFile).bytes);

function utf16Len(s: string): number {
  return s.length; // JS strings are UTF-16 already, which is what Telegram offsets use
}

// ---------------------------------------------------------------------------
// The fake
// ---------------------------------------------------------------------------

export class FakeTelegram {
  readonly token: string;
  readonly botInfo: UserFromGetMe;
  /** every request that reached the fake, in arrival order */
  readonly calls: TelegramCall[] = [];
  readonly deliveries: WebhookDelivery[] = [];
  /** answerCallbackQuery calls that succeeded */
  readonly answeredCallbacks: Array<{ id: string; text?: string; show_alert?: boolean; url?: string }> = [];

  private readonly http: FakeHttpServer;
  private readonly opts: FakeTelegramOptions;
  private readonly chats = new Map<number, ChatState>();
  private readonly users = new Map<number, User>();
  private readonly files = new Map<string, StoredFile>();
  private readonly callbackQueries = new Map<string, { answered: boolean; at: number }>();
  private readonly commands = new Map<string, BotCommand[]>();
  private readonly failures = new Map<string, TelegramFailure[]>();
  private readonly limiter = new SlidingWindow();
  private rateLimit: Required<RateLimitConfig> | undefined;
  private outage: 'reset' | '502' | undefined;

  private queue: Update[] = [];
  private nextUpdateId = 100_000_001;
  private fileCounter = 0;
  private callbackCounter = 0;
  private allowedUpdates: string[] | undefined;
  private waiter: PollWaiter | undefined;

  private webhook:
    | { url: string; secret_token?: string; allowed_updates?: string[]; max_connections?: number; forceDeliver: boolean }
    | undefined;
  private webhookError: { date: number; message: string } | undefined;
  private delivering: Promise<void> | undefined;
  private deliveryAbort = new AbortController();
  private readonly callWaiters = new Set<() => void>();

  constructor(opts: FakeTelegramOptions = {}) {
    this.opts = opts;
    this.token = opts.token ?? '123456789:TEST-fake-telegram-token';
    const id = Number(this.token.split(':')[0]) || 123456789;
    this.botInfo = {
      id,
      is_bot: true,
      first_name: 'LAYANI Test',
      username: 'layani_test_bot',
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      ...opts.bot,
    } as UserFromGetMe;
    if (opts.rateLimit) this.setRateLimit(opts.rateLimit);
    this.http = new FakeHttpServer((req, res, body) => this.handle(req, res, body), 'fake-telegram');
  }

  // ---- lifecycle -----------------------------------------------------------

  /** `url` is the apiRoot for grammY (no trailing slash). */
  async start(): Promise<{ url: string }> {
    this.deliveryAbort = new AbortController();
    return this.http.start();
  }

  async stop(): Promise<void> {
    this.deliveryAbort.abort();
    if (this.waiter) {
      clearTimeout(this.waiter.timer);
      this.waiter = undefined;
    }
    await this.http.stop();
    await this.delivering?.catch(() => undefined);
  }

  get url(): string {
    return this.http.url;
  }

  /** Download URL for a `file_path` returned by getFile. */
  fileUrl(filePath: string): string {
    return `${this.url}/file/bot${this.token}/${filePath}`;
  }

  // ---- inspection ----------------------------------------------------------

  callsTo(method: string): TelegramCall[] {
    const m = method.toLowerCase();
    return this.calls.filter((c) => c.method.toLowerCase() === m);
  }

  /** Messages the bot sent into `chatId`, oldest first, in their current (possibly edited) state. */
  sent(chatId: number | string): Message[] {
    const state = this.chats.get(Number(chatId));
    if (!state) return [];
    return [...state.messages.values()].filter((m) => m.fromBot).map((m) => clone(m.msg));
  }

  /** Last text (or caption) the bot sent into the chat. */
  lastText(chatId: number | string): string | undefined {
    const m = this.sent(chatId).at(-1) as (Message & { text?: string; caption?: string }) | undefined;
    return m?.text ?? m?.caption;
  }

  getMessage(chatId: number, messageId: number): Message | undefined {
    const m = this.chats.get(chatId)?.messages.get(messageId);
    return m ? clone(m.msg) : undefined;
  }

  fileBytes(fileId: string): Buffer | undefined {
    return this.files.get(fileId)?.bytes;
  }

  getStoredFile(fileId: string): StoredFile | undefined {
    return this.files.get(fileId);
  }

  /** Updates queued but not yet confirmed (polling) or delivered (webhook). */
  pendingUpdates(): Update[] {
    return clone(this.queue);
  }

  commandsFor(scope: unknown = { type: 'default' }, languageCode = ''): BotCommand[] {
    return clone(this.commands.get(this.commandKey(scope, languageCode)) ?? []);
  }

  /**
   * Resolves with the first recorded call (past or future) of `method` that
   * satisfies `predicate`. Handy when the bot reacts asynchronously.
   */
  waitForCall(method: string, predicate: (c: TelegramCall) => boolean = () => true, timeoutMs = 3000): Promise<TelegramCall> {
    const find = (): TelegramCall | undefined =>
      this.callsTo(method).find((c) => !c.injected && predicate(c));
    const hit = find();
    if (hit) return Promise.resolve(hit);
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const c = find();
        if (!c) return;
        clearTimeout(timer);
        this.callWaiters.delete(check);
        resolve(c);
      };
      const timer = setTimeout(() => {
        this.callWaiters.delete(check);
        reject(new Error(`fake-telegram: no ${method} call within ${timeoutMs} ms`));
      }, timeoutMs);
      this.callWaiters.add(check);
    });
  }

  // ---- state setup -----------------------------------------------------------

  addChat(chat: Chat): void {
    const state = this.chatState(chat.id);
    state.chat = clone(chat);
  }

  /** The user blocked the bot: every send into their private chat gets 403. */
  setBlocked(chatId: number, blocked = true): void {
    this.chatState(chatId).blocked = blocked;
  }

  /** Store bytes as if previously uploaded; returns the file record (for file_id reuse tests). */
  storeFile(bytes: Buffer, meta: { kind?: 'photo' | 'document'; file_name?: string; mime_type?: string } = {}): StoredFile {
    return this.saveFile(bytes, meta.kind ?? 'document', meta.file_name, meta.mime_type);
  }

  // ---- failure injection ---------------------------------------------------

  /**
   * The next call of `method` ('*' = any method) fails as described instead of
   * being executed. `times` queues the same failure repeatedly.
   */
  failNext(method: string, failure: TelegramFailure, opts: { times?: number } = {}): void {
    const key = method.toLowerCase();
    const list = this.failures.get(key) ?? [];
    for (let i = 0; i < (opts.times ?? 1); i++) list.push(failure);
    this.failures.set(key, list);
  }

  /** While on, every request is answered with a TCP reset (default) or an nginx-style 502 page. */
  setOutage(on: boolean, mode: 'reset' | '502' = 'reset'): void {
    this.outage = on ? mode : undefined;
    if (on && this.waiter) {
      const w = this.waiter;
      this.waiter = undefined;
      clearTimeout(w.timer);
      this.answerOutage(w.res, mode);
    }
  }

  /** Enforce Telegram's flood limits (per chat 1/s, groups 20/min, global 30/s) on sending methods. */
  setRateLimit(on: boolean | RateLimitConfig): void {
    this.limiter.reset();
    if (!on) {
      this.rateLimit = undefined;
      return;
    }
    const cfg = on === true ? {} : on;
    this.rateLimit = {
      perChatPerSecond: cfg.perChatPerSecond ?? 1,
      groupPerMinute: cfg.groupPerMinute ?? 20,
      globalPerSecond: cfg.globalPerSecond ?? 30,
    };
  }

  // ---- update injection --------------------------------------------------------

  /** Queue (or deliver, in webhook mode) an update; `update_id` is assigned automatically. */
  pushUpdate(update: Omit<Update, 'update_id'> & { update_id?: number }): Update {
    const full = { ...update, update_id: update.update_id ?? this.nextUpdateId++ } as Update;
    if (full.update_id >= this.nextUpdateId) this.nextUpdateId = full.update_id + 1;
    this.queue.push(full);
    this.wakePoller();
    this.kickDelivery();
    return clone(full);
  }

  /** A user writes `text` to the bot (private chat unless `opts.chat` is given). `/commands` get a bot_command entity. */
  userSends(from: UserLike, text: string, opts: { chat?: Chat; reply_to_message_id?: number } = {}): Update {
    const user = this.user(from);
    const content: Params = { text };
    const cmd = /^\/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?/.exec(text);
    if (cmd) content.entities = [{ type: 'bot_command', offset: 0, length: utf16Len(cmd[0]) }];
    const message = this.userMessage(user, opts.chat, content, opts.reply_to_message_id);
    return this.pushUpdate({ message } as Omit<Update, 'update_id'>);
  }

  userSendsPhoto(from: UserLike, opts: { bytes?: Buffer; caption?: string; chat?: Chat } = {}): Update {
    const user = this.user(from);
    const sizes = this.photoSizes(this.saveFile(opts.bytes ?? TINY_JPEG, 'photo', undefined, 'image/jpeg'));
    const content: Params = { photo: sizes };
    if (opts.caption !== undefined) content.caption = opts.caption;
    return this.pushUpdate({ message: this.userMessage(user, opts.chat, content) } as Omit<Update, 'update_id'>);
  }

  userSendsDocument(
    from: UserLike,
    opts: { bytes: Buffer; file_name: string; mime_type?: string; caption?: string; chat?: Chat },
  ): Update {
    const user = this.user(from);
    const file = this.saveFile(opts.bytes, 'document', opts.file_name, opts.mime_type);
    const content: Params = { document: this.documentOf(file) };
    if (opts.caption !== undefined) content.caption = opts.caption;
    return this.pushUpdate({ message: this.userMessage(user, opts.chat, content) } as Omit<Update, 'update_id'>);
  }

  /**
   * A user taps an inline button with `data` under the bot's message `messageId`
   * (in the user's private chat unless `opts.chatId`). The callback query id is
   * `update.callback_query.id`.
   */
  userPressesButton(from: UserLike, messageId: number, data: string, opts: { chatId?: number } = {}): Update {
    const user = this.user(from);
    const chatId = opts.chatId ?? user.id;
    const stored = this.chats.get(chatId)?.messages.get(messageId);
    if (!stored) throw new Error(`fake-telegram: no message ${messageId} in chat ${chatId}`);
    const id = `${BigInt(this.botInfo.id) * 1000n + BigInt(++this.callbackCounter)}`;
    this.callbackQueries.set(id, { answered: false, at: Date.now() });
    return this.pushUpdate({
      callback_query: {
        id,
        from: user,
        message: clone(stored.msg),
        chat_instance: `${-Math.abs(chatId) * 7}`,
        data,
      },
    } as Omit<Update, 'update_id'>);
  }

  /**
   * Webhook mode: injected updates are POSTed to `url` with
   * `X-Telegram-Bot-Api-Secret-Token: secret`. Pass `null` to go back to polling.
   * (Webhooks the app registers itself via setWebhook are also delivered when
   * they point at a loopback address.)
   */
  webhookTarget(url: string | null, secret?: string): void {
    if (url === null) {
      this.webhook = undefined;
      return;
    }
    this.webhook = { url, secret_token: secret, forceDeliver: true };
    this.kickDelivery();
  }

  /** Resolves once every queued update has been delivered to the webhook (or dropped). */
  async webhookIdle(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.delivering || (this.webhookDeliverable() && this.queue.length > 0)) {
      if (Date.now() > deadline) throw new Error('fake-telegram: webhook deliveries still pending');
      await (this.delivering ?? sleep(5));
    }
  }

  // ---- HTTP layer ----------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const api = /^\/bot([^/]+)\/(?:test\/)?([A-Za-z0-9_]+)\/?$/.exec(path);
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(path);

    if (this.outage) {
      if (api) this.record(api[2]!, {}, 'json', `outage:${this.outage}`);
      this.answerOutage(res, this.outage);
      return;
    }
    if (file) {
      this.serveFile(res, file[1]!, decodeURIComponent(file[2]!));
      return;
    }
    if (!api) {
      sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    const [, token, method] = api as unknown as [string, string, string];
    let parsed;
    try {
      parsed = parseBody(req, body);
    } catch (e) {
      sendJson(res, 400, { ok: false, error_code: 400, description: `Bad Request: ${String(e)}` });
      return;
    }
    const params = normalizeParams(parsed.fields, parsed.files);
    const encoding: TelegramCall['encoding'] =
      parsed.kind === 'empty' || parsed.kind === 'raw' ? 'query' : parsed.kind;

    if (token !== this.token) {
      this.record(method, params, encoding, 'unauthorized');
      sendJson(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      return;
    }

    const failure = this.takeFailure(method);
    if (failure) {
      this.record(method, params, encoding, typeof failure === 'string' ? failure : `error_code:${failure.error_code}`);
      this.answerFailure(res, failure);
      return;
    }

    if (method.toLowerCase() === 'getupdates') {
      this.record(method, params, encoding);
      this.getUpdates(res, params);
      return;
    }

    const limited = this.checkRateLimit(method, params);
    if (limited) {
      this.record(method, params, encoding, 'rate-limited');
      sendJson(res, 429, limited);
      return;
    }

    this.record(method, params, encoding);
    const out = this.execute(method, params);
    sendJson(res, out.ok ? 200 : out.error_code, out);
  }

  private execute(method: string, params: Params): Params & ({ ok: true } | { ok: false; error_code: number }) {
    try {
      const result = this.dispatch(method, params);
      if (result && typeof result === 'object' && 'description' in result && 'result' in result) {
        return { ok: true, ...(result as Params) };
      }
      return { ok: true, result };
    } catch (e) {
      if (e instanceof ApiError) {
        return {
          ok: false,
          error_code: e.error_code,
          description: e.description,
          ...(e.parameters ? { parameters: e.parameters } : {}),
        };
      }
      throw e;
    }
  }

  private record(method: string, params: Params, encoding: TelegramCall['encoding'], injected?: string): void {
    const call: TelegramCall = { method, params, at: Date.now(), encoding };
    if (injected) call.injected = injected;
    this.calls.push(call);
    for (const w of [...this.callWaiters]) w();
  }

  private takeFailure(method: string): TelegramFailure | undefined {
    for (const key of [method.toLowerCase(), '*']) {
      const list = this.failures.get(key);
      if (list?.length) return list.shift();
    }
    return undefined;
  }

  private answerFailure(res: ServerResponse, failure: TelegramFailure): void {
    if (failure === 'network-down') {
      dropConnection(res);
      return;
    }
    if (failure.error_code === 429 && 'retry_after' in failure) {
      sendJson(res, 429, {
        ok: false,
        error_code: 429,
        description: failure.description ?? `Too Many Requests: retry after ${failure.retry_after}`,
        parameters: { retry_after: failure.retry_after },
      });
      return;
    }
    const f = failure as { error_code: number; description: string; parameters?: Params };
    sendJson(res, f.error_code, {
      ok: false,
      error_code: f.error_code,
      description: f.description,
      ...(f.parameters ? { parameters: f.parameters } : {}),
    });
  }

  private answerOutage(res: ServerResponse, mode: 'reset' | '502'): void {
    if (mode === 'reset') dropConnection(res);
    else
      sendText(
        res,
        502,
        '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n',
        'text/html',
      );
  }

  private serveFile(res: ServerResponse, token: string, filePath: string): void {
    if (token !== this.token) {
      sendJson(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      return;
    }
    const file = [...this.files.values()].find((f) => f.file_path === filePath);
    if (!file) {
      sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    sendText(res, 200, file.bytes, file.mime_type ?? 'application/octet-stream');
  }

  private checkRateLimit(method: string, params: Params): Params | undefined {
    if (!this.rateLimit || !SENDING_METHODS.has(method.toLowerCase())) return undefined;
    const chatId = Number(params.chat_id);
    const checks: Array<[string, number, number]> = [
      ['global', this.rateLimit.globalPerSecond, 1000],
      [`chat:${chatId}`, this.rateLimit.perChatPerSecond, 1000],
    ];
    if (chatId < 0) checks.push([`group:${chatId}`, this.rateLimit.groupPerMinute, 60_000]);
    // check every window first so a rejected call does not consume quota in the others
    const t = Date.now();
    for (const [key, limit, windowMs] of checks) {
      const waitMs = this.limiter.waitMs(key, limit, windowMs, t);
      if (waitMs > 0) {
        const retry = Math.max(1, Math.ceil(waitMs / 1000));
        return {
          ok: false,
          error_code: 429,
          description: `Too Many Requests: retry after ${retry}`,
          parameters: { retry_after: retry },
        };
      }
    }
    for (const [key] of checks) this.limiter.hit(key, t);
    return undefined;
  }

  // ---- getUpdates -------------------------------------------------------------

  private getUpdates(res: ServerResponse, params: Params): void {
    if (this.webhook) {
      sendJson(res, 409, {
        ok: false,
        error_code: 409,
        description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      });
      return;
    }
    if (this.waiter) {
      const old = this.waiter;
      this.waiter = undefined;
      clearTimeout(old.timer);
      sendJson(old.res, 409, {
        ok: false,
        error_code: 409,
        description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
      });
    }
    const offset = typeof params.offset === 'number' ? params.offset : 0;
    const limit = Math.min(100, Math.max(1, typeof params.limit === 'number' ? params.limit : 100));
    const timeout = typeof params.timeout === 'number' ? params.timeout : 0;
    if (Array.isArray(params.allowed_updates)) this.allowedUpdates = params.allowed_updates as string[];

    // confirmation: everything below offset is forgotten; negative offset keeps the last |offset| updates
    if (offset > 0) this.queue = this.queue.filter((u) => u.update_id >= offset);
    else if (offset < 0) this.queue = this.queue.slice(offset);

    const ready = this.selectUpdates(limit);
    if (ready.length > 0 || timeout <= 0) {
      sendJson(res, 200, { ok: true, result: ready });
      return;
    }
    const waiter: PollWaiter = {
      res,
      offset,
      limit,
      timer: setTimeout(() => {
        if (this.waiter === waiter) this.waiter = undefined;
        sendJson(res, 200, { ok: true, result: [] });
      }, timeout * 1000),
    };
    this.waiter = waiter;
    res.on('close', () => {
      if (this.waiter === waiter) {
        clearTimeout(waiter.timer);
        this.waiter = undefined;
      }
    });
  }

  private selectUpdates(limit: number): Update[] {
    const allowed = this.allowedUpdates && this.allowedUpdates.length > 0 ? new Set(this.allowedUpdates) : undefined;
    return clone(
      this.queue
        .filter((u) => {
          const type = Object.keys(u).find((k) => k !== 'update_id') ?? '';
          return allowed ? allowed.has(type) : DEFAULT_ALLOWED(type);
        })
        .slice(0, limit),
    );
  }

  private wakePoller(): void {
    const w = this.waiter;
    if (!w) return;
    const ready = this.selectUpdates(w.limit);
    if (ready.length === 0) return;
    this.waiter = undefined;
    clearTimeout(w.timer);
    sendJson(w.res, 200, { ok: true, result: ready });
  }

  // ---- webhook delivery ---------------------------------------------------------

  private webhookDeliverable(): boolean {
    if (!this.webhook || !this.http.running) return false;
    if (this.webhook.forceDeliver) return true;
    try {
      const host = new URL(this.webhook.url).hostname;
      return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
    } catch {
      return false;
    }
  }

  private kickDelivery(): void {
    if (this.delivering || !this.webhookDeliverable() || this.queue.length === 0) return;
    this.delivering = this.deliverLoop().finally(() => {
      this.delivering = undefined;
      // updates pushed while the last POST was in flight
      if (this.queue.length > 0) this.kickDelivery();
    });
  }

  private async deliverLoop(): Promise<void> {
    const maxAttempts = this.opts.webhookMaxAttempts ?? 3;
    while (this.webhookDeliverable() && this.queue.length > 0 && !this.deliveryAbort.signal.aborted) {
      const update = this.queue[0]!;
      const hook = this.webhook!;
      let delivered = false;
      for (let attempt = 1; attempt <= maxAttempts && !delivered; attempt++) {
        if (this.deliveryAbort.signal.aborted) return;
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (hook.secret_token) headers['x-telegram-bot-api-secret-token'] = hook.secret_token;
        try {
          const r = await postRaw(hook.url, JSON.stringify(update), headers, 10_000, this.deliveryAbort.signal);
          this.deliveries.push({ update_id: update.update_id, attempt, status: r.status, at: Date.now() });
          if (r.status >= 200 && r.status < 300) {
            delivered = true;
            this.handleWebhookReply(r.body);
          } else {
            this.webhookError = { date: now(), message: `Wrong response from the webhook: ${r.status}` };
          }
        } catch (e) {
          if (this.deliveryAbort.signal.aborted) return;
          const message = (e as NodeJS.ErrnoException).code === 'ECONNREFUSED' ? 'Connection refused' : String(e);
          this.deliveries.push({ update_id: update.update_id, attempt, status: 'error', error: message, at: Date.now() });
          this.webhookError = { date: now(), message };
        }
        if (!delivered && attempt < maxAttempts) await sleep(20 * attempt);
      }
      if (this.queue[0] === update) this.queue.shift();
    }
  }

  /** grammY can answer a webhook request with an API call in the response body ("webhook reply"). */
  private handleWebhookReply(body: string): void {
    if (!body) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return;
    }
    if (!parsed || typeof parsed !== 'object' || typeof (parsed as Params).method !== 'string') return;
    const { method, ...params } = parsed as Params & { method: string };
    this.record(method, params, 'webhook-reply');
    this.execute(method, params);
  }

  // ---- API methods ----------------------------------------------------------------

  private dispatch(method: string, p: Params): unknown {
    switch (method.toLowerCase()) {
      case 'getme':
        return this.botInfo;
      case 'logout':
      case 'close':
        return true;
      case 'setwebhook':
        return this.setWebhook(p);
      case 'deletewebhook': {
        const had = this.webhook !== undefined;
        this.webhook = undefined;
        if (p.drop_pending_updates === true) this.queue = [];
        return { result: true, description: had ? 'Webhook was deleted' : 'Webhook is already deleted' };
      }
      case 'getwebhookinfo':
        return {
          url: this.webhook?.url ?? '',
          has_custom_certificate: false,
          pending_update_count: this.queue.length,
          ...(this.webhook?.max_connections ? { max_connections: this.webhook.max_connections } : {}),
          ...(this.webhook?.allowed_updates ? { allowed_updates: this.webhook.allowed_updates } : {}),
          ...(this.webhookError
            ? { last_error_date: this.webhookError.date, last_error_message: this.webhookError.message }
            : {}),
        };
      case 'setmycommands':
        return this.setMyCommands(p);
      case 'getmycommands':
        return this.commands.get(this.commandKey(p.scope, p.language_code)) ?? [];
      case 'deletemycommands':
        this.commands.delete(this.commandKey(p.scope, p.language_code));
        return true;
      case 'sendmessage':
        return this.sendMessage(p);
      case 'editmessagetext':
        return this.editMessageText(p);
      case 'editmessagereplymarkup':
        return this.editMessageReplyMarkup(p);
      case 'deletemessage': {
        const state = this.requireChat(p.chat_id);
        if (!state.messages.delete(Number(p.message_id))) throw bad('message to delete not found');
        return true;
      }
      case 'answercallbackquery':
        return this.answerCallbackQuery(p);
      case 'sendphoto':
        return this.sendMedia(p, 'photo');
      case 'senddocument':
        return this.sendMedia(p, 'document');
      case 'getfile':
        return this.getFile(p);
      case 'copymessage':
        return this.copyMessage(p);
      case 'sendchataction': {
        this.requireChat(p.chat_id);
        if (!CHAT_ACTIONS.has(String(p.action))) throw bad('wrong parameter action in request');
        return true;
      }
      default:
        throw new ApiError(404, 'Not Found');
    }
  }

  private setWebhook(p: Params): unknown {
    const url = typeof p.url === 'string' ? p.url : '';
    if (url === '') {
      this.webhook = undefined;
      return { result: true, description: 'Webhook was deleted' };
    }
    if (!/^https?:\/\//.test(url)) throw bad('bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443');
    if (p.secret_token !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(String(p.secret_token))) {
      throw bad('secret token contains unallowed characters');
    }
    if (p.drop_pending_updates === true) this.queue = [];
    this.webhook = {
      url,
      secret_token: p.secret_token === undefined ? undefined : String(p.secret_token),
      allowed_updates: Array.isArray(p.allowed_updates) ? (p.allowed_updates as string[]) : undefined,
      max_connections: typeof p.max_connections === 'number' ? p.max_connections : undefined,
      forceDeliver: false,
    };
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = undefined;
      clearTimeout(w.timer);
      sendJson(w.res, 409, {
        ok: false,
        error_code: 409,
        description: 'Conflict: terminated by setWebhook request',
      });
    }
    this.kickDelivery();
    return { result: true, description: 'Webhook was set' };
  }

  private commandKey(scope: unknown, languageCode: unknown): string {
    const s = scope && typeof scope === 'object' ? scope : { type: 'default' };
    return `${JSON.stringify(s)}|${typeof languageCode === 'string' ? languageCode : ''}`;
  }

  private setMyCommands(p: Params): true {
    if (!Array.isArray(p.commands)) throw bad('parameter "commands" is required');
    if (p.commands.length > 100) throw bad('too many commands');
    for (const c of p.commands as BotCommand[]) {
      if (typeof c?.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(c.command)) throw bad('BOT_COMMAND_INVALID');
      if (typeof c.description !== 'string' || c.description.length < 1 || c.description.length > 256) {
        throw bad('command description must be non-empty');
      }
    }
    this.commands.set(this.commandKey(p.scope, p.language_code), clone(p.commands as BotCommand[]));
    return true;
  }

  // ---- messages --------------------------------------------------------------------------

  private sendMessage(p: Params): Message {
    const state = this.sendableChat(p.chat_id);
    if (typeof p.text !== 'string' || p.text.trim() === '') throw bad('message text is empty');
    const parsed = applyParseMode(p.text, p.parse_mode);
    if (!parsed.ok) throw new ApiError(400, parsed.description);
    if (parsed.text.length > 4096) throw bad('message is too long');
    const content: Params = { text: parsed.text };
    if (Array.isArray(p.entities)) content.entities = p.entities;
    return this.botMessage(state, content, p);
  }

  private sendMedia(p: Params, kind: 'photo' | 'document'): Message {
    const state = this.sendableChat(p.chat_id);
    const input = p[kind];
    let file: StoredFile;
    if (isUploaded(input)) {
      if (input.bytes.length === 0) throw bad('file must be non-empty');
      const mime = kind === 'photo' ? 'image/jpeg' : guessMime(input.filename);
      file = this.saveFile(input.bytes, kind, kind === 'document' ? input.filename : undefined, mime);
    } else if (typeof input === 'string' && /^https?:\/\//.test(input)) {
      const name = input.split('/').pop() || `${kind}.dat`;
      file = this.saveFile(Buffer.alloc(0), kind, kind === 'document' ? name : undefined, guessMime(name));
      file.source_url = input;
    } else if (typeof input === 'string' && this.files.has(input)) {
      file = this.files.get(input)!;
      if (file.kind !== kind) throw bad(`type of file mismatch`);
    } else if (input === undefined) {
      throw bad(`there is no ${kind} in the request`);
    } else {
      throw bad('wrong file identifier/HTTP URL specified');
    }
    const content: Params = kind === 'photo' ? { photo: this.photoSizes(file) } : { document: this.documentOf(file) };
    if (typeof p.caption === 'string' && p.caption !== '') {
      const parsed = applyParseMode(p.caption, p.parse_mode);
      if (!parsed.ok) throw new ApiError(400, parsed.description);
      if (parsed.text.length > 1024) throw bad('message caption is too long');
      content.caption = parsed.text;
    }
    return this.botMessage(state, content, p);
  }

  private copyMessage(p: Params): { message_id: number } {
    const source = this.requireChat(p.from_chat_id).messages.get(Number(p.message_id));
    if (!source) throw bad('message to copy not found');
    const state = this.sendableChat(p.chat_id);
    const src = source.msg as unknown as Params;
    const content: Params = {};
    for (const k of ['text', 'entities', 'photo', 'document', 'caption', 'caption_entities']) {
      if (src[k] !== undefined) content[k] = clone(src[k]);
    }
    if (typeof p.caption === 'string') {
      const parsed = applyParseMode(p.caption, p.parse_mode);
      if (!parsed.ok) throw new ApiError(400, parsed.description);
      content.caption = parsed.text;
    }
    const msg = this.botMessage(state, content, p);
    return { message_id: msg.message_id };
  }

  private editMessageText(p: Params): Message | true {
    if (p.inline_message_id !== undefined) return true;
    const { stored } = this.editable(p);
    const msg = stored.msg as unknown as Params;
    if (typeof msg.text !== 'string') throw bad('there is no text in the message to edit');
    if (typeof p.text !== 'string' || p.text.trim() === '') throw bad('message text is empty');
    const parsed = applyParseMode(p.text, p.parse_mode);
    if (!parsed.ok) throw new ApiError(400, parsed.description);
    const markup = this.inlineMarkup(p.reply_markup);
    if (parsed.text === msg.text && JSON.stringify(markup) === JSON.stringify(msg.reply_markup)) {
      throw bad(
        'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
      );
    }
    msg.text = parsed.text;
    if (Array.isArray(p.entities)) msg.entities = p.entities;
    else delete msg.entities;
    if (markup) msg.reply_markup = markup;
    else delete msg.reply_markup;
    msg.edit_date = now();
    return clone(stored.msg);
  }

  private editMessageReplyMarkup(p: Params): Message | true {
    if (p.inline_message_id !== undefined) return true;
    const { stored } = this.editable(p);
    const msg = stored.msg as unknown as Params;
    const markup = this.inlineMarkup(p.reply_markup);
    if (JSON.stringify(markup) === JSON.stringify(msg.reply_markup)) {
      throw bad(
        'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
      );
    }
    if (markup) msg.reply_markup = markup;
    else delete msg.reply_markup;
    msg.edit_date = now();
    return clone(stored.msg);
  }

  private editable(p: Params): { state: ChatState; stored: { msg: Message; fromBot: boolean } } {
    const state = this.requireChat(p.chat_id);
    const stored = state.messages.get(Number(p.message_id));
    if (!stored) throw bad('message to edit not found');
    if (!stored.fromBot) throw bad("message can't be edited");
    return { state, stored };
  }

  private answerCallbackQuery(p: Params): true {
    const id = String(p.callback_query_id ?? '');
    const q = this.callbackQueries.get(id);
    if (!q || q.answered) throw bad('query is too old and response timeout expired or query ID is invalid');
    if (typeof p.text === 'string' && p.text.length > 200) throw bad('MESSAGE_TOO_LONG');
    q.answered = true;
    const entry: { id: string; text?: string; show_alert?: boolean; url?: string } = { id };
    if (typeof p.text === 'string') entry.text = p.text;
    if (typeof p.show_alert === 'boolean') entry.show_alert = p.show_alert;
    if (typeof p.url === 'string') entry.url = p.url;
    this.answeredCallbacks.push(entry);
    return true;
  }

  private getFile(p: Params): Params {
    const file = this.files.get(String(p.file_id ?? ''));
    if (!file) throw bad('invalid file_id');
    if (file.bytes.length > 20 * 1024 * 1024) throw bad('file is too big');
    return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.bytes.length, file_path: file.file_path };
  }

  // ---- helpers ----------------------------------------------------------------------------

  private user(from: UserLike): User {
    const base = typeof from === 'number' ? { id: from } : from;
    const known = this.users.get(base.id);
    const user: User = {
      is_bot: false,
      first_name: `User${base.id}`,
      language_code: 'id',
      ...known,
      ...base,
    } as User;
    this.users.set(user.id, user);
    return clone(user);
  }

  private chatState(chatId: number): ChatState {
    let state = this.chats.get(chatId);
    if (!state) {
      const user = this.users.get(chatId);
      const chat: Chat =
        chatId > 0
          ? ({
              id: chatId,
              type: 'private',
              first_name: user?.first_name ?? `User${chatId}`,
              ...(user?.last_name ? { last_name: user.last_name } : {}),
              ...(user?.username ? { username: user.username } : {}),
            } as Chat)
          : ({ id: chatId, type: chatId <= -1_000_000_000_000 ? 'supergroup' : 'group', title: `Chat ${chatId}` } as Chat);
      state = { chat, nextMessageId: 1, messages: new Map(), blocked: false, userStarted: false };
      this.chats.set(chatId, state);
    }
    return state;
  }

  private requireChat(chatId: unknown): ChatState {
    if (chatId === undefined || chatId === null || chatId === '') throw bad('chat_id is empty');
    if (typeof chatId === 'string' && chatId.startsWith('@')) {
      const found = [...this.chats.values()].find(
        (s) => 'username' in s.chat && `@${(s.chat as { username?: string }).username}` === chatId,
      );
      if (!found) throw bad('chat not found');
      return found;
    }
    const id = Number(chatId);
    if (!Number.isInteger(id) || id === 0) throw bad('chat not found');
    return this.chatState(id);
  }

  private sendableChat(chatId: unknown): ChatState {
    const state = this.requireChat(chatId);
    if (state.chat.type === 'private') {
      if (state.blocked) throw new ApiError(403, 'Forbidden: bot was blocked by the user');
      if (this.opts.requireStart && !state.userStarted) {
        throw new ApiError(403, "Forbidden: bot can't initiate conversation with a user");
      }
    }
    return state;
  }

  private inlineMarkup(markup: unknown): Params | undefined {
    if (markup === undefined || markup === null) return undefined;
    if (typeof markup !== 'object') throw bad("can't parse reply keyboard markup JSON object");
    const kb = (markup as Params).inline_keyboard;
    if (!Array.isArray(kb)) return undefined; // reply keyboards are not part of the Message object
    for (const row of kb) {
      if (!Array.isArray(row)) throw bad("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
      for (const b of row as Params[]) {
        if (typeof b?.text !== 'string' || b.text === '') throw bad('text buttons are unallowed in the inline keyboard');
        if (b.callback_data !== undefined) {
          const n = Buffer.byteLength(String(b.callback_data), 'utf8');
          if (n < 1 || n > 64) throw bad('BUTTON_DATA_INVALID');
        }
      }
    }
    return clone(markup as Params);
  }

  private botMessage(state: ChatState, content: Params, p: Params): Message {
    const message: Params = {
      message_id: state.nextMessageId++,
      from: clone(this.botInfo),
      chat: clone(state.chat),
      date: now(),
      ...content,
    };
    // getMe-only fields never appear on Message.from
    for (const k of [
      'can_join_groups', 'can_read_all_group_messages', 'supports_inline_queries', 'can_connect_to_business',
      'has_main_web_app',
    ]) {
      delete (message.from as Params)[k];
    }
    if (typeof p.message_thread_id === 'number') message.message_thread_id = p.message_thread_id;
    const replyTo =
      (p.reply_parameters as { message_id?: number; allow_sending_without_reply?: boolean } | undefined) ??
      (p.reply_to_message_id !== undefined
        ? { message_id: Number(p.reply_to_message_id), allow_sending_without_reply: p.allow_sending_without_reply === true }
        : undefined);
    if (replyTo?.message_id !== undefined) {
      const target = state.messages.get(replyTo.message_id);
      if (target) {
        const r = clone(target.msg) as unknown as Params;
        delete r.reply_to_message;
        message.reply_to_message = r;
      } else if (!replyTo.allow_sending_without_reply) {
        throw bad('message to be replied not found');
      }
    }
    const markup = this.inlineMarkup(p.reply_markup);
    if (markup) message.reply_markup = markup;
    state.messages.set(message.message_id as number, { msg: message as unknown as Message, fromBot: true });
    return clone(message as unknown as Message);
  }

  private userMessage(user: User, chat: Chat | undefined, content: Params, replyTo?: number): Message {
    const state = chat ? this.chatState(chat.id) : this.chatState(user.id);
    if (chat) state.chat = clone(chat);
    if (state.chat.type === 'private') {
      state.userStarted = true;
      state.blocked = false;
    }
    const message: Params = {
      message_id: state.nextMessageId++,
      from: user,
      chat: clone(state.chat),
      date: now(),
      ...content,
    };
    if (replyTo !== undefined) {
      const target = state.messages.get(replyTo);
      if (target) message.reply_to_message = clone(target.msg);
    }
    state.messages.set(message.message_id as number, { msg: message as unknown as Message, fromBot: false });
    return clone(message as unknown as Message);
  }

  private saveFile(bytes: Buffer, kind: 'photo' | 'document', fileName?: string, mime?: string): StoredFile {
    const n = ++this.fileCounter;
    const prefix = kind === 'photo' ? 'AgACAgUAAxkBAAI' : 'BQACAgUAAxkBAAI';
    const ext = kind === 'photo' ? 'jpg' : (fileName?.split('.').pop() ?? 'dat');
    const file: StoredFile = {
      file_id: `${prefix}${String(n).padStart(6, '0')}${'x'.repeat(40)}`.slice(0, 60),
      file_unique_id: `AQAD${String(n).padStart(6, '0')}`,
      file_path: `${kind === 'photo' ? 'photos' : 'documents'}/file_${n}.${ext}`,
      bytes: Buffer.from(bytes),
      kind,
    };
    if (fileName !== undefined) file.file_name = fileName;
    if (mime !== undefined) file.mime_type = mime;
    this.files.set(file.file_id, file);
    return file;
  }

  /** Telegram returns several thumbnails; each size has its own file_id (here they share the bytes). */
  private photoSizes(original: StoredFile): Params[] {
    const dims: Array<[number, number]> = [[90, 90], [320, 320], [800, 800]];
    return dims.map(([w, h], i) => {
      const f =
        i === dims.length - 1
          ? original
          : this.saveFile(original.bytes, 'photo', undefined, original.mime_type);
      return { file_id: f.file_id, file_unique_id: f.file_unique_id, file_size: f.bytes.length, width: w, height: h };
    });
  }

  private documentOf(file: StoredFile): Params {
    const doc: Params = { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.bytes.length };
    if (file.file_name !== undefined) doc.file_name = file.file_name;
    if (file.mime_type !== undefined) doc.mime_type = file.mime_type;
    return doc;
  }
}

function guessMime(name: string): string {
  const ext = name.split('.').pop()?.toLowerCase() ?? '';
  return MIME_BY_EXT[ext] ?? 'application/octet-stream';
}
