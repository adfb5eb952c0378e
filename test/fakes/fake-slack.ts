/**
 * Fake Slack platform for tests: a Web API at `{url}/api/<method>` that the
 * real `@slack/web-api` WebClient and Bolt talk to (`slackApiUrl: url + '/api/'`),
 * plus the side channels those clients use:
 *
 *   POST {url}/upload/v1/<file_id>           upload_url from files.getUploadURLExternal
 *   POST {url}/response/<id>                 response_url from interactivity / slash commands
 *   GET  {url}/files-pri/<team>-<file>/<name> url_private downloads (needs the bot token,
 *                                              otherwise redirects to an HTML sign-in page, like Slack)
 *
 * and an "inbound" side: builders for Events API / interactivity / slash command
 * payloads and `signedRequest()` that POSTs them to the app with a valid (or
 * deliberately forged) `X-Slack-Signature`.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import {
  FakeHttpServer,
  bearerToken,
  dropConnection,
  parseBody,
  postRaw,
  sendJson,
  sendText,
} from './http-util.js';

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

export type SlackFailure = 'ratelimited' | 'network-down' | (string & {});

export interface SlackCall {
  method: string;
  /** parameters as Slack parsed them; JSON-encoded form fields (blocks, view, files, …) are decoded */
  params: Record<string, unknown>;
  at: number;
  token: string | undefined;
  encoding: 'form' | 'json' | 'multipart' | 'query' | 'raw';
  injected?: string;
}

export interface SlackUserSpec {
  id: string;
  name?: string;
  real_name?: string;
  display_name?: string;
  email?: string;
  title?: string;
  tz?: string;
  is_bot?: boolean;
  deleted?: boolean;
}

export interface SlackChannelSpec {
  id: string;
  name?: string;
  is_private?: boolean;
  /** member user ids (the bot is added automatically unless botIsMember is false) */
  members?: string[];
  botIsMember?: boolean;
  topic?: string;
  purpose?: string;
}

export interface SlackMessage {
  type: 'message';
  ts: string;
  text?: string;
  user?: string;
  bot_id?: string;
  app_id?: string;
  team?: string;
  blocks?: unknown[];
  attachments?: unknown[];
  thread_ts?: string;
  reply_count?: number;
  reply_users?: string[];
  latest_reply?: string;
  files?: Array<Record<string, unknown>>;
  subtype?: string;
  edited?: { user: string; ts: string };
  metadata?: unknown;
  [k: string]: unknown;
}

export interface SlackEphemeral {
  channel: string;
  user: string;
  text?: string;
  blocks?: unknown[];
  thread_ts?: string;
  message_ts: string;
  via: 'chat.postEphemeral' | 'response_url';
}

export interface SlackUpload {
  file_id: string;
  filename: string;
  declared_length: number;
  bytes: Buffer | undefined;
  completed: boolean;
  title?: string;
  channel_id?: string;
  thread_ts?: string;
  initial_comment?: string;
}

/** A request for the app, produced by the payload builders. */
export type SlackInbound =
  | { kind: 'json'; body: Record<string, unknown> }
  | { kind: 'form'; fields: Record<string, string>; payload?: Record<string, unknown> };

export interface SignedRequestOptions {
  signingSecret: string;
  /** seconds since epoch used in the signature (default: now) — pass an old value to test staleness */
  timestamp?: number;
  /** sign with a wrong secret */
  forgeSignature?: boolean;
  /** Slack's redelivery headers */
  retryNum?: number;
  retryReason?: string;
  headers?: Record<string, string>;
}

export interface SignedResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** body parsed as JSON when possible */
  json: unknown;
}

export interface FakeSlackOptions {
  /** tokens accepted by the Web API (default `['xoxb-test-token']`) */
  tokens?: string[];
  teamId?: string;
  teamDomain?: string;
  teamName?: string;
  botUserId?: string;
  botUserName?: string;
  botId?: string;
  appId?: string;
  /** default for signedRequest() */
  signingSecret?: string;
  users?: SlackUserSpec[];
  channels?: SlackChannelSpec[];
  /** unknown channel ids → channel_not_found (default false: unknown ids are created on first use) */
  strictChannels?: boolean;
  /** accept any trigger_id in views.open (default false: only ids issued by the builders, for 3 s) */
  acceptAnyTriggerId?: boolean;
}

// ---------------------------------------------------------------------------
// Signing (exported for tests that craft their own requests)
// ---------------------------------------------------------------------------

export function slackSignature(signingSecret: string, timestamp: number | string, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

export function encodeInbound(body: SlackInbound | Record<string, unknown>): { raw: string; contentType: string } {
  if (isInbound(body)) {
    if (body.kind === 'json') return { raw: JSON.stringify(body.body), contentType: 'application/json' };
    return { raw: new URLSearchParams(body.fields).toString(), contentType: 'application/x-www-form-urlencoded' };
  }
  return { raw: JSON.stringify(body), contentType: 'application/json' };
}

function isInbound(b: unknown): b is SlackInbound {
  return (
    typeof b === 'object' &&
    b !== null &&
    (((b as SlackInbound).kind === 'json' && 'body' in b) || ((b as SlackInbound).kind === 'form' && 'fields' in b))
  );
}

/**
 * POST a Slack-originated request to the app with the real signing scheme:
 * `X-Slack-Signature: v0=hex(HMAC-SHA256(secret, "v0:{ts}:{rawBody}"))`.
 */
export async function signedRequest(
  appUrl: string,
  body: SlackInbound | Record<string, unknown>,
  opts: SignedRequestOptions,
): Promise<SignedResponse> {
  const { raw, contentType } = encodeInbound(body);
  const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const secret = opts.forgeSignature ? `${opts.signingSecret}-forged` : opts.signingSecret;
  const headers: Record<string, string> = {
    'content-type': contentType,
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': slackSignature(secret, ts, raw),
    ...opts.headers,
  };
  if (opts.retryNum !== undefined) headers['x-slack-retry-num'] = String(opts.retryNum);
  if (opts.retryReason !== undefined) headers['x-slack-retry-reason'] = opts.retryReason;
  const r = await postRaw(appUrl, raw, headers);
  let json: unknown;
  try {
    json = r.body ? JSON.parse(r.body) : undefined;
  } catch {
    json = undefined;
  }
  return { status: r.status, headers: r.headers, body: r.body, json };
}

// ---------------------------------------------------------------------------
// Internals
// ---------------------------------------------------------------------------

class SlackError extends Error {
  constructor(
    readonly error: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(error);
  }
}

type Params = Record<string, unknown>;

interface ChannelState {
  id: string;
  name: string;
  is_private: boolean;
  is_im: boolean;
  im_user?: string;
  members: string[];
  topic: string;
  purpose: string;
  created: number;
  messages: SlackMessage[];
}

const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'files', 'metadata', 'unfurls', 'user_auth_blocks']);
const clone = <T>(v: T): T => structuredClone(v);
const nowSec = (): number => Math.floor(Date.now() / 1000);

// ---------------------------------------------------------------------------
// The fake
// ---------------------------------------------------------------------------

export class FakeSlack {
  readonly teamId: string;
  readonly teamDomain: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly appId: string;
  readonly tokens: string[];
  /** every Web API request (plus `upload_url` pseudo-calls), in arrival order */
  readonly calls: SlackCall[] = [];
  readonly ephemerals: SlackEphemeral[] = [];
  /** bodies POSTed to response_url */
  readonly responses: Array<{ id: string; body: Params; at: number }> = [];
  readonly uploads = new Map<string, SlackUpload>();
  /** modals opened through views.open, in order */
  readonly openedViews: Params[] = [];
  /** Home tabs published through views.publish, by user id */
  readonly homeViews = new Map<string, Params>();

  private readonly http: FakeHttpServer;
  private readonly opts: FakeSlackOptions;
  private readonly channels = new Map<string, ChannelState>();
  private readonly users = new Map<string, SlackUserSpec>();
  private readonly failures = new Map<string, Array<{ failure: SlackFailure; retryAfterSec: number }>>();
  private readonly triggers = new Map<string, { issued: number; used: boolean }>();
  private readonly responseUrls = new Map<string, { channel: string; message_ts?: string; user: string }>();
  private readonly files = new Map<string, { name: string; mimetype: string; bytes: Buffer }>();
  private outage: 'reset' | '503' | undefined;
  private lastTsMicros = 0;
  private counter = 0;

  constructor(opts: FakeSlackOptions = {}) {
    this.opts = opts;
    this.tokens = opts.tokens ?? ['xoxb-test-token'];
    this.teamId = opts.teamId ?? 'T0LAYANI';
    this.teamDomain = opts.teamDomain ?? 'layani-test';
    this.botUserId = opts.botUserId ?? 'U0LAYANIBOT';
    this.botId = opts.botId ?? 'B0LAYANIBOT';
    this.appId = opts.appId ?? 'A0LAYANIAPP';
    this.users.set(this.botUserId, { id: this.botUserId, name: opts.botUserName ?? 'layani', is_bot: true, real_name: 'LAYANI' });
    for (const u of opts.users ?? []) this.addUser(u);
    for (const c of opts.channels ?? []) this.addChannel(c);
    this.http = new FakeHttpServer((req, res, body) => this.handle(req, res, body), 'fake-slack');
  }

  // ---- lifecycle -----------------------------------------------------------

  /** `url` is the server root; give clients `slackApiUrl: url + '/api/'`. */
  start(): Promise<{ url: string }> {
    return this.http.start();
  }

  stop(): Promise<void> {
    return this.http.stop();
  }

  get url(): string {
    return this.http.url;
  }

  /** Value for WebClient/Bolt `slackApiUrl` (must end with a slash). */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  // ---- configuration -------------------------------------------------------

  addUser(u: SlackUserSpec): void {
    this.users.set(u.id, { ...u });
  }

  addChannel(c: SlackChannelSpec): void {
    const members = [...(c.members ?? [])];
    if (c.botIsMember !== false && !members.includes(this.botUserId)) members.push(this.botUserId);
    const existing = this.channels.get(c.id);
    this.channels.set(c.id, {
      id: c.id,
      name: c.name ?? c.id.toLowerCase(),
      is_private: c.is_private ?? c.id.startsWith('G'),
      is_im: c.id.startsWith('D'),
      members,
      topic: c.topic ?? '',
      purpose: c.purpose ?? '',
      created: nowSec() - 86_400,
      messages: existing?.messages ?? [],
    });
  }

  setChannelMembers(channelId: string, members: string[], opts: { includeBot?: boolean } = {}): void {
    const ch = this.channelOrCreate(channelId);
    ch.members = [...members];
    if (opts.includeBot !== false && !ch.members.includes(this.botUserId)) ch.members.push(this.botUserId);
  }

  // ---- inspection ----------------------------------------------------------

  callsTo(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Messages the bot posted into `channel` (thread replies included), oldest first, current state. */
  sent(channel: string): SlackMessage[] {
    return clone(this.channels.get(channel)?.messages.filter((m) => m.bot_id === this.botId) ?? []);
  }

  /** All messages in a channel (users' messages injected via messageEvent included). */
  history(channel: string): SlackMessage[] {
    return clone(this.channels.get(channel)?.messages ?? []);
  }

  /** Replies in a thread (parent excluded). */
  thread(channel: string, threadTs: string): SlackMessage[] {
    return clone(
      this.channels.get(channel)?.messages.filter((m) => m.thread_ts === threadTs && m.ts !== threadTs) ?? [],
    );
  }

  /** Bytes of a file (uploaded via filesUploadV2 or injected with messageEvent). */
  fileBytes(fileId: string): Buffer | undefined {
    return this.files.get(fileId)?.bytes ?? this.uploads.get(fileId)?.bytes;
  }

  waitForCall(method: string, predicate: (c: SlackCall) => boolean = () => true, timeoutMs = 3000): Promise<SlackCall> {
    const deadline = Date.now() + timeoutMs;
    return new Promise((resolve, reject) => {
      const tick = (): void => {
        const c = this.calls.find((x) => x.method === method && !x.injected && predicate(x));
        if (c) return resolve(c);
        if (Date.now() > deadline) return reject(new Error(`fake-slack: no ${method} call within ${timeoutMs} ms`));
        setTimeout(tick, 5);
      };
      tick();
    });
  }

  // ---- failure injection ---------------------------------------------------

  /**
   * The next call of `method` ('*' = any; 'upload_url' = the upload POST) fails:
   * 'ratelimited' → HTTP 429 + `Retry-After: retryAfterSec` (default 1);
   * 'network-down' → connection reset; any other string → `{ ok:false, error }`.
   */
  failNext(method: string, failure: SlackFailure, opts: { times?: number; retryAfterSec?: number } = {}): void {
    const list = this.failures.get(method) ?? [];
    for (let i = 0; i < (opts.times ?? 1); i++) list.push({ failure, retryAfterSec: opts.retryAfterSec ?? 1 });
    this.failures.set(method, list);
  }

  /** While on, every request gets a TCP reset (default) or an HTTP 503 page. */
  setOutage(on: boolean, mode: 'reset' | '503' = 'reset'): void {
    this.outage = on ? mode : undefined;
  }

  // ---- inbound payload builders ----------------------------------------------

  /** Wrap any event in an Events API `event_callback` envelope. */
  eventCallback(event: Record<string, unknown>): SlackInbound {
    const eventTs = typeof event.event_ts === 'string' ? event.event_ts : this.nextTs();
    return {
      kind: 'json',
      body: {
        token: 'fake-verification-token',
        team_id: this.teamId,
        context_team_id: this.teamId,
        context_enterprise_id: null,
        api_app_id: this.appId,
        event: { event_ts: eventTs, ...event },
        type: 'event_callback',
        event_id: `Ev${String(++this.counter).padStart(9, '0')}`,
        event_time: nowSec(),
        authorizations: [
          { enterprise_id: null, team_id: this.teamId, user_id: this.botUserId, is_bot: true, is_enterprise_install: false },
        ],
        is_ext_shared_channel: false,
        event_context: `4-fake-${this.counter}`,
      },
    };
  }

  /**
   * A user posts a message (recorded in the channel history too). Files are
   * stored and get `url_private` links served by this fake.
   */
  messageEvent(m: {
    channel: string;
    user: string;
    text: string;
    thread_ts?: string;
    ts?: string;
    files?: Array<{ name: string; bytes: Buffer; mimetype?: string; title?: string }>;
    channel_type?: 'channel' | 'group' | 'im' | 'mpim';
  }): SlackInbound {
    const ts = m.ts ?? this.nextTs();
    const ch = this.channelOrCreate(m.channel);
    const event: SlackMessage & Record<string, unknown> = {
      type: 'message',
      text: m.text,
      user: m.user,
      ts,
      team: this.teamId,
      client_msg_id: randomUUID(),
      blocks: [
        {
          type: 'rich_text',
          block_id: this.id('b'),
          elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: m.text }] }],
        },
      ],
      channel: m.channel,
      event_ts: ts,
      channel_type: m.channel_type ?? (ch.is_im ? 'im' : ch.is_private ? 'group' : 'channel'),
    };
    if (m.thread_ts !== undefined) event.thread_ts = m.thread_ts;
    if (m.files?.length) {
      event.subtype = 'file_share';
      event.upload = false;
      event.display_as_bot = false;
      event.files = m.files.map((f) => {
        const id = this.id('F');
        const mimetype = f.mimetype ?? 'application/octet-stream';
        this.files.set(id, { name: f.name, mimetype, bytes: Buffer.from(f.bytes) });
        return this.fileObject(id, f.name, f.title ?? f.name, mimetype, f.bytes.length, m.user);
      });
    }
    const stored: SlackMessage = { ...event };
    delete stored.channel;
    delete stored.event_ts;
    delete stored.channel_type;
    ch.messages.push(stored);
    if (m.thread_ts) this.bumpThread(ch, m.thread_ts, ts, m.user);
    return this.eventCallback(event);
  }

  /** A user clicks a button (interactivity payload, form-encoded `payload=`). */
  blockAction(a: {
    user: string;
    channel: string;
    message_ts: string;
    action_id: string;
    value?: string;
    block_id?: string;
    text?: string;
  }): SlackInbound {
    const ch = this.channelOrCreate(a.channel);
    const message = ch.messages.find((msg) => msg.ts === a.message_ts);
    const payload: Record<string, unknown> = {
      type: 'block_actions',
      user: { id: a.user, username: this.userName(a.user), name: this.userName(a.user), team_id: this.teamId },
      api_app_id: this.appId,
      token: 'fake-verification-token',
      container: { type: 'message', message_ts: a.message_ts, channel_id: a.channel, is_ephemeral: false },
      trigger_id: this.issueTrigger(),
      team: { id: this.teamId, domain: this.teamDomain },
      enterprise: null,
      is_enterprise_install: false,
      channel: { id: a.channel, name: ch.name },
      state: { values: {} },
      response_url: this.issueResponseUrl(a.channel, a.user, a.message_ts),
      actions: [
        {
          action_id: a.action_id,
          block_id: a.block_id ?? this.id('b'),
          text: { type: 'plain_text', text: a.text ?? a.action_id, emoji: true },
          ...(a.value !== undefined ? { value: a.value } : {}),
          type: 'button',
          action_ts: this.nextTs(),
        },
      ],
    };
    if (message) payload.message = clone(message);
    return { kind: 'form', fields: { payload: JSON.stringify(payload) }, payload };
  }

  /** A user submits a modal (view_submission). `values` is `{ block_id: { action_id: value } }`. */
  viewSubmission(v: {
    user: string;
    callback_id: string;
    values: Record<string, Record<string, unknown>>;
    private_metadata?: string;
    view_id?: string;
  }): SlackInbound {
    const payload: Record<string, unknown> = {
      type: 'view_submission',
      team: { id: this.teamId, domain: this.teamDomain },
      user: { id: v.user, username: this.userName(v.user), name: this.userName(v.user), team_id: this.teamId },
      api_app_id: this.appId,
      token: 'fake-verification-token',
      trigger_id: this.issueTrigger(),
      view: {
        id: v.view_id ?? this.id('V'),
        team_id: this.teamId,
        type: 'modal',
        callback_id: v.callback_id,
        private_metadata: v.private_metadata ?? '',
        state: { values: v.values },
        hash: `${nowSec()}.fakehash`,
        app_id: this.appId,
        bot_id: this.botId,
      },
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
    };
    return { kind: 'form', fields: { payload: JSON.stringify(payload) }, payload };
  }

  /** A slash command invocation (form-encoded fields, as Slack sends them). */
  slashCommand(c: { user_id: string; channel_id: string; command: string; text?: string }): SlackInbound {
    const ch = this.channelOrCreate(c.channel_id);
    return {
      kind: 'form',
      fields: {
        token: 'fake-verification-token',
        team_id: this.teamId,
        team_domain: this.teamDomain,
        channel_id: c.channel_id,
        channel_name: ch.is_im ? 'directmessage' : ch.name,
        user_id: c.user_id,
        user_name: this.userName(c.user_id),
        command: c.command,
        text: c.text ?? '',
        api_app_id: this.appId,
        is_enterprise_install: 'false',
        response_url: this.issueResponseUrl(c.channel_id, c.user_id),
        trigger_id: this.issueTrigger(),
      },
    };
  }

  /** `signedRequest` with this fake's default signing secret. */
  signedRequest(
    appUrl: string,
    body: SlackInbound | Record<string, unknown>,
    opts: Partial<SignedRequestOptions> = {},
  ): Promise<SignedResponse> {
    const signingSecret = opts.signingSecret ?? this.opts.signingSecret;
    if (!signingSecret) throw new Error('fake-slack: signingSecret required');
    return signedRequest(appUrl, body, { ...opts, signingSecret });
  }

  // ---- HTTP layer -------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse, raw: Buffer): Promise<void> {
    const u = new URL(req.url ?? '/', 'http://x');
    const path = u.pathname;

    if (this.outage) {
      if (path.startsWith('/api/')) this.record(path.slice(5), {}, undefined, 'query', `outage:${this.outage}`);
      if (this.outage === 'reset') dropConnection(res);
      else sendText(res, 503, '<html><body><h1>503 Service Unavailable</h1></body></html>', 'text/html');
      return;
    }

    const api = /^\/api\/([A-Za-z0-9_.]+)$/.exec(path);
    if (api) return this.handleApi(req, res, raw, api[1]!);
    const upload = /^\/upload\/v1\/([A-Za-z0-9]+)$/.exec(path);
    if (upload && req.method === 'POST') return this.handleUpload(req, res, raw, upload[1]!);
    const response = /^\/response\/([A-Za-z0-9]+)$/.exec(path);
    if (response && req.method === 'POST') return this.handleResponseUrl(req, res, raw, response[1]!);
    const pri = /^\/files-pri\/[A-Z0-9]+-([A-Z0-9]+)\/(?:download\/)?(.+)$/.exec(path);
    if (pri && req.method === 'GET') return this.handleFileDownload(req, res, pri[1]!);
    if (path === '/signin') {
      sendText(res, 200, '<!DOCTYPE html><html><head><title>Slack</title></head><body>Sign in to Slack</body></html>', 'text/html; charset=utf-8');
      return;
    }
    sendText(res, 404, 'Not Found');
  }

  private async handleApi(req: IncomingMessage, res: ServerResponse, raw: Buffer, method: string): Promise<void> {
    let parsed;
    try {
      parsed = parseBody(req, raw);
    } catch {
      this.record(method, {}, undefined, 'raw');
      sendJson(res, 200, { ok: false, error: 'invalid_json' });
      return;
    }
    const params: Params = {};
    for (const [k, v] of Object.entries(parsed.fields)) {
      if (typeof v === 'string' && JSON_FIELDS.has(k)) {
        try {
          params[k] = JSON.parse(v);
        } catch {
          params[k] = v; // keep as string, method-level validation reports it
        }
      } else params[k] = v;
    }
    const token = bearerToken(req.headers) ?? (typeof params.token === 'string' ? params.token : undefined);
    delete params.token;
    const encoding: SlackCall['encoding'] =
      parsed.kind === 'empty' ? 'query' : parsed.kind === 'raw' ? 'raw' : parsed.kind;

    const failure = this.takeFailure(method);
    if (failure) {
      this.record(method, params, token, encoding, failure.failure);
      this.answerFailure(res, failure);
      return;
    }
    this.record(method, params, token, encoding);

    if (!token) return sendJson(res, 200, { ok: false, error: 'not_authed' });
    if (!this.tokens.includes(token)) return sendJson(res, 200, { ok: false, error: 'invalid_auth' });

    try {
      const result = this.dispatch(method, params);
      sendJson(res, 200, { ok: true, ...result }, { 'x-oauth-scopes': 'chat:write,users:read,users:read.email,channels:read,groups:read,im:write,files:write,commands' });
    } catch (e) {
      if (e instanceof SlackError) return sendJson(res, 200, { ok: false, error: e.error, ...e.extra });
      throw e;
    }
  }

  private record(method: string, params: Params, token: string | undefined, encoding: SlackCall['encoding'], injected?: string): void {
    const call: SlackCall = { method, params, at: Date.now(), token, encoding };
    if (injected) call.injected = injected;
    this.calls.push(call);
  }

  private takeFailure(method: string): { failure: SlackFailure; retryAfterSec: number } | undefined {
    for (const key of [method, '*']) {
      const list = this.failures.get(key);
      if (list?.length) return list.shift();
    }
    return undefined;
  }

  private answerFailure(res: ServerResponse, f: { failure: SlackFailure; retryAfterSec: number }): void {
    if (f.failure === 'network-down') return dropConnection(res);
    if (f.failure === 'ratelimited') {
      return sendJson(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(f.retryAfterSec) });
    }
    sendJson(res, 200, { ok: false, error: f.failure });
  }

  private handleUpload(req: IncomingMessage, res: ServerResponse, raw: Buffer, fileId: string): void {
    const failure = this.takeFailure('upload_url');
    const up = this.uploads.get(fileId);
    let bytes = raw;
    let encoding: SlackCall['encoding'] = 'raw';
    try {
      const parsed = parseBody(req, raw);
      const part = Object.values(parsed.files)[0];
      if (part) {
        bytes = part.data;
        encoding = 'multipart';
      } else if (parsed.kind === 'form' && typeof parsed.fields.body === 'string') {
        bytes = Buffer.from(parsed.fields.body);
        encoding = 'form';
      }
    } catch {
      // raw body
    }
    this.record('upload_url', { file_id: fileId, bytes }, bearerToken(req.headers), encoding, failure?.failure);
    if (failure) return this.answerFailure(res, failure);
    if (!up) return sendText(res, 404, 'upload_not_found');
    up.bytes = Buffer.from(bytes);
    sendText(res, 200, `OK - ${bytes.length}`);
  }

  private handleResponseUrl(_req: IncomingMessage, res: ServerResponse, raw: Buffer, id: string): void {
    const target = this.responseUrls.get(id);
    if (!target) return sendText(res, 404, 'expired_url');
    let body: Params;
    try {
      body = JSON.parse(raw.toString('utf8') || '{}') as Params;
    } catch {
      return sendText(res, 400, 'invalid_payload');
    }
    this.responses.push({ id, body, at: Date.now() });
    const ch = this.channelOrCreate(target.channel);
    const blocks = Array.isArray(body.blocks) ? (body.blocks as unknown[]) : undefined;
    const text = typeof body.text === 'string' ? body.text : undefined;
    const original = target.message_ts ? ch.messages.find((m) => m.ts === target.message_ts) : undefined;
    if (body.delete_original === true || body.delete_original === 'true') {
      if (original) ch.messages.splice(ch.messages.indexOf(original), 1);
    } else if ((body.replace_original === true || body.replace_original === 'true') && original) {
      if (text !== undefined) original.text = text;
      if (blocks) original.blocks = blocks;
      else delete original.blocks;
    } else if (body.response_type === 'in_channel') {
      this.storeBotMessage(ch, { text, blocks, thread_ts: typeof body.thread_ts === 'string' ? body.thread_ts : undefined });
    } else {
      this.ephemerals.push({
        channel: target.channel,
        user: target.user,
        ...(text !== undefined ? { text } : {}),
        ...(blocks ? { blocks } : {}),
        message_ts: this.nextTs(),
        via: 'response_url',
      });
    }
    sendJson(res, 200, { ok: true });
  }

  private handleFileDownload(req: IncomingMessage, res: ServerResponse, fileId: string): void {
    const token = bearerToken(req.headers);
    if (!token || !this.tokens.includes(token)) {
      // Slack answers unauthenticated url_private fetches with a redirect to an HTML sign-in page.
      res.writeHead(302, { location: `${this.url}/signin?redir=${encodeURIComponent(req.url ?? '/')}` });
      res.end();
      return;
    }
    const f = this.files.get(fileId);
    const up = this.uploads.get(fileId);
    const bytes = f?.bytes ?? up?.bytes;
    if (!bytes) return sendText(res, 404, 'file_not_found');
    sendText(res, 200, bytes, f?.mimetype ?? 'application/octet-stream');
  }

  // ---- Web API methods ------------------------------------------------------------

  private dispatch(method: string, p: Params): Params {
    switch (method) {
      case 'api.test':
        return { args: p };
      case 'auth.test':
        return {
          url: `https://${this.teamDomain}.slack.com/`,
          team: this.opts.teamName ?? 'LAYANI Test',
          user: this.users.get(this.botUserId)?.name ?? 'layani',
          team_id: this.teamId,
          user_id: this.botUserId,
          bot_id: this.botId,
          is_enterprise_install: false,
        };
      case 'chat.postMessage':
        return this.postMessage(p);
      case 'chat.update':
        return this.chatUpdate(p);
      case 'chat.postEphemeral':
        return this.postEphemeral(p);
      case 'conversations.members':
        return this.conversationsMembers(p);
      case 'conversations.info':
        return { channel: this.channelInfo(this.resolveChannel(p.channel), p.include_num_members) };
      case 'conversations.open':
        return this.conversationsOpen(p);
      case 'users.info':
        return { user: this.userInfo(this.requireUser(p.user)) };
      case 'users.lookupByEmail': {
        const u = [...this.users.values()].find((x) => x.email && x.email === p.email);
        if (!u) throw new SlackError('users_not_found');
        return { user: this.userInfo(u) };
      }
      case 'files.getUploadURLExternal':
        return this.getUploadUrl(p);
      case 'files.completeUploadExternal':
        return this.completeUpload(p);
      case 'views.open':
        return this.viewsOpen(p);
      case 'views.publish':
        return this.viewsPublish(p);
      default:
        throw new SlackError('unknown_method', { req_method: method });
    }
  }

  private postMessage(p: Params): Params {
    const ch = this.resolveChannel(p.channel, { forPosting: true });
    const { text, blocks, attachments } = this.messageContent(p);
    const threadTs = typeof p.thread_ts === 'string' && p.thread_ts !== '' ? p.thread_ts : undefined;
    const msg = this.storeBotMessage(ch, { text, blocks, attachments, thread_ts: threadTs, metadata: p.metadata });
    if (threadTs && (p.reply_broadcast === true || p.reply_broadcast === 'true')) msg.subtype = 'thread_broadcast';
    return { channel: ch.id, ts: msg.ts, message: clone(msg) };
  }

  private chatUpdate(p: Params): Params {
    const ch = this.resolveChannel(p.channel);
    const msg = ch.messages.find((m) => m.ts === p.ts);
    if (!msg) throw new SlackError('message_not_found');
    if (msg.bot_id !== this.botId) throw new SlackError('cant_update_message');
    const { text, blocks, attachments } = this.messageContent(p);
    if (text !== undefined) msg.text = text;
    if (blocks !== undefined) msg.blocks = blocks;
    if (attachments !== undefined) msg.attachments = attachments;
    msg.edited = { user: this.botUserId, ts: this.nextTs() };
    return { channel: ch.id, ts: msg.ts, text: msg.text ?? '', message: clone(msg) };
  }

  private postEphemeral(p: Params): Params {
    const ch = this.resolveChannel(p.channel, { forPosting: true });
    const user = typeof p.user === 'string' ? p.user : '';
    if (!user) throw new SlackError('user_not_found');
    if (!ch.is_im && !ch.members.includes(user)) throw new SlackError('user_not_in_channel');
    const { text, blocks } = this.messageContent(p);
    const message_ts = this.nextTs();
    this.ephemerals.push({
      channel: ch.id,
      user,
      ...(text !== undefined ? { text } : {}),
      ...(blocks ? { blocks } : {}),
      ...(typeof p.thread_ts === 'string' ? { thread_ts: p.thread_ts } : {}),
      message_ts,
      via: 'chat.postEphemeral',
    });
    return { message_ts };
  }

  private conversationsMembers(p: Params): Params {
    const ch = this.resolveChannel(p.channel);
    const limit = Math.min(1000, Math.max(1, Number(p.limit ?? 100) || 100));
    let start = 0;
    if (typeof p.cursor === 'string' && p.cursor !== '') {
      const decoded = Buffer.from(p.cursor, 'base64').toString('utf8');
      const m = /^user:(.+)$/.exec(decoded);
      start = m ? ch.members.indexOf(m[1]!) : -1;
      if (start < 0) throw new SlackError('invalid_cursor');
    }
    const page = ch.members.slice(start, start + limit);
    const next = ch.members[start + limit];
    return {
      members: page,
      response_metadata: { next_cursor: next ? Buffer.from(`user:${next}`).toString('base64') : '' },
    };
  }

  private conversationsOpen(p: Params): Params {
    const users = String(p.users ?? '').split(',').filter(Boolean);
    if (users.length === 0) throw new SlackError('users_list_not_supplied');
    if (users.length > 1) throw new SlackError('not_supported', { detail: 'fake: only 1:1 DMs' });
    const user = this.requireUser(users[0]);
    const ch = this.dmChannel(user.id);
    return { channel: { id: ch.id } };
  }

  private getUploadUrl(p: Params): Params {
    const filename = typeof p.filename === 'string' ? p.filename : '';
    const length = Number(p.length);
    if (!filename || !Number.isInteger(length) || length <= 0) throw new SlackError('invalid_arguments');
    const file_id = this.id('F');
    const upload: SlackUpload = { file_id, filename, declared_length: length, bytes: undefined, completed: false };
    this.uploads.set(file_id, upload);
    return { upload_url: `${this.url}/upload/v1/${file_id}`, file_id };
  }

  private completeUpload(p: Params): Params {
    const files = p.files;
    if (!Array.isArray(files) || files.length === 0) throw new SlackError('invalid_arguments');
    const channelId =
      typeof p.channel_id === 'string' && p.channel_id !== ''
        ? p.channel_id
        : typeof p.channels === 'string' && p.channels !== ''
          ? p.channels.split(',')[0]
          : undefined;
    const ch = channelId ? this.resolveChannel(channelId, { forPosting: true }) : undefined;
    const threadTs = typeof p.thread_ts === 'string' && p.thread_ts !== '' ? p.thread_ts : undefined;
    const out: Array<Record<string, unknown>> = [];
    for (const entry of files as Array<{ id?: string; title?: string }>) {
      const up = entry?.id ? this.uploads.get(entry.id) : undefined;
      if (!up || !up.bytes) throw new SlackError('file_not_found');
      up.completed = true;
      if (entry.title !== undefined) up.title = entry.title;
      if (ch) up.channel_id = ch.id;
      if (threadTs) up.thread_ts = threadTs;
      if (typeof p.initial_comment === 'string') up.initial_comment = p.initial_comment;
      const mimetype = guessMime(up.filename);
      this.files.set(up.file_id, { name: up.filename, mimetype, bytes: up.bytes });
      out.push(this.fileObject(up.file_id, up.filename, up.title ?? up.filename, mimetype, up.bytes.length, this.botUserId));
    }
    if (ch) {
      const msg = this.storeBotMessage(ch, {
        text: typeof p.initial_comment === 'string' ? p.initial_comment : '',
        thread_ts: threadTs,
        files: out,
      });
      msg.subtype = 'file_share';
      for (const f of out) {
        f.shares = {
          [ch.is_private ? 'private' : 'public']: {
            [ch.id]: [{ ts: msg.ts, channel_name: ch.name, team_id: this.teamId, ...(threadTs ? { thread_ts: threadTs } : {}) }],
          },
        };
        f.channels = [ch.id];
      }
    }
    return { files: out };
  }

  private viewsOpen(p: Params): Params {
    const triggerId = typeof p.trigger_id === 'string' ? p.trigger_id : '';
    if (!triggerId) throw new SlackError('invalid_arguments', { response_metadata: { messages: ['[ERROR] missing required field: trigger_id'] } });
    if (!this.opts.acceptAnyTriggerId) {
      const t = this.triggers.get(triggerId);
      if (!t) throw new SlackError('invalid_trigger_id');
      if (t.used) throw new SlackError('exchanged_trigger_id');
      if (Date.now() - t.issued > 3000) throw new SlackError('expired_trigger_id');
      t.used = true;
    }
    const view = this.validateView(p.view, 'modal');
    this.openedViews.push(view);
    return { view };
  }

  private viewsPublish(p: Params): Params {
    const userId = typeof p.user_id === 'string' ? p.user_id : '';
    if (!userId) throw new SlackError('invalid_arguments', { response_metadata: { messages: ['[ERROR] missing required field: user_id'] } });
    const view = this.validateView(p.view, 'home');
    this.homeViews.set(userId, view);
    return { view };
  }

  private validateView(raw: unknown, expected: 'modal' | 'home'): Params {
    const invalid = (msg: string): SlackError =>
      new SlackError('invalid_arguments', { response_metadata: { messages: [`[ERROR] ${msg}`] } });
    if (typeof raw === 'string') throw invalid('failed to parse view json [json-pointer:/view]');
    if (!raw || typeof raw !== 'object') throw invalid('missing required field: view');
    const v = raw as Params;
    if (v.type !== expected) throw invalid(`must be ${expected} [json-pointer:/view/type]`);
    if (expected === 'modal') {
      const title = v.title as { type?: string; text?: string } | undefined;
      if (!title || title.type !== 'plain_text' || typeof title.text !== 'string') {
        throw invalid('missing required field: title [json-pointer:/view/title]');
      }
      if (title.text.length > 24) throw invalid('must be less than 25 characters [json-pointer:/view/title/text]');
    }
    if (!Array.isArray(v.blocks)) throw invalid('missing required field: blocks [json-pointer:/view/blocks]');
    if (v.blocks.length > 100) throw invalid('must be less than 101 items [json-pointer:/view/blocks]');
    const id = this.id('V');
    return {
      id,
      team_id: this.teamId,
      type: v.type,
      blocks: clone(v.blocks),
      private_metadata: v.private_metadata ?? '',
      callback_id: v.callback_id ?? '',
      state: { values: {} },
      hash: `${nowSec()}.${id.toLowerCase()}`,
      title: v.title,
      clear_on_close: v.clear_on_close ?? false,
      notify_on_close: v.notify_on_close ?? false,
      close: v.close ?? null,
      submit: v.submit ?? null,
      previous_view_id: null,
      root_view_id: id,
      app_id: this.appId,
      external_id: v.external_id ?? '',
      app_installed_team_id: this.teamId,
      bot_id: this.botId,
    };
  }

  // ---- helpers ----------------------------------------------------------------------

  private messageContent(p: Params): { text?: string; blocks?: unknown[]; attachments?: unknown[] } {
    const text = typeof p.text === 'string' && p.text !== '' ? p.text : undefined;
    let blocks: unknown[] | undefined;
    if (p.blocks !== undefined && p.blocks !== '') {
      if (typeof p.blocks === 'string' || !Array.isArray(p.blocks)) throw new SlackError('invalid_blocks_format');
      if (p.blocks.length > 50) throw new SlackError('invalid_blocks', { errors: ['must be less than 51 items [json-pointer:/blocks]'] });
      p.blocks.forEach((b, i) => {
        if (!b || typeof b !== 'object' || typeof (b as Params).type !== 'string') {
          throw new SlackError('invalid_blocks', { errors: [`missing required field: type [json-pointer:/blocks/${i}]`] });
        }
        const t = (b as { text?: { text?: unknown } }).text?.text;
        if ((b as Params).type === 'section' && typeof t === 'string' && t.length > 3000) {
          throw new SlackError('invalid_blocks', { errors: [`must be less than 3001 characters [json-pointer:/blocks/${i}/text/text]`] });
        }
      });
      blocks = p.blocks;
    }
    const attachments = Array.isArray(p.attachments) ? p.attachments : undefined;
    if (text === undefined && !blocks && !attachments) throw new SlackError('no_text');
    if (text !== undefined && text.length > 40_000) throw new SlackError('msg_too_long');
    return {
      ...(text !== undefined ? { text } : {}),
      ...(blocks ? { blocks } : {}),
      ...(attachments ? { attachments } : {}),
    };
  }

  private storeBotMessage(
    ch: ChannelState,
    c: { text?: string; blocks?: unknown[]; attachments?: unknown[]; thread_ts?: string; metadata?: unknown; files?: unknown[] },
  ): SlackMessage {
    const msg: SlackMessage = {
      type: 'message',
      user: this.botUserId,
      bot_id: this.botId,
      app_id: this.appId,
      text: c.text ?? '',
      ts: this.nextTs(),
      team: this.teamId,
      bot_profile: { id: this.botId, app_id: this.appId, name: 'LAYANI', deleted: false, team_id: this.teamId },
    };
    if (c.blocks) msg.blocks = clone(c.blocks);
    if (c.attachments) msg.attachments = clone(c.attachments);
    if (c.files) msg.files = clone(c.files) as Array<Record<string, unknown>>;
    if (c.metadata !== undefined) msg.metadata = clone(c.metadata);
    if (c.thread_ts) {
      msg.thread_ts = c.thread_ts;
      this.bumpThread(ch, c.thread_ts, msg.ts, this.botUserId);
    }
    ch.messages.push(msg);
    return msg;
  }

  private bumpThread(ch: ChannelState, threadTs: string, replyTs: string, user: string): void {
    const parent = ch.messages.find((m) => m.ts === threadTs);
    if (!parent) return;
    parent.thread_ts = threadTs;
    parent.reply_count = (parent.reply_count ?? 0) + 1;
    parent.latest_reply = replyTs;
    parent.reply_users = [...new Set([...(parent.reply_users ?? []), user])];
  }

  private resolveChannel(ref: unknown, opts: { forPosting?: boolean } = {}): ChannelState {
    if (typeof ref !== 'string' || ref === '') throw new SlackError('channel_not_found');
    let ch: ChannelState | undefined;
    if (/^[UW][A-Z0-9]+$/.test(ref) && opts.forPosting) {
      const user = this.users.get(ref);
      if (!user && this.opts.strictChannels) throw new SlackError('channel_not_found');
      return this.dmChannel(ref);
    }
    const name = ref.replace(/^#/, '');
    ch = this.channels.get(ref) ?? [...this.channels.values()].find((c) => c.name === name);
    if (!ch) {
      if (this.opts.strictChannels || ref.startsWith('#') || !/^[CGD][A-Z0-9]+$/.test(ref)) {
        throw new SlackError('channel_not_found');
      }
      ch = this.channelOrCreate(ref);
    }
    if (opts.forPosting && !ch.is_im && !ch.members.includes(this.botUserId)) throw new SlackError('not_in_channel');
    return ch;
  }

  private channelOrCreate(id: string): ChannelState {
    let ch = this.channels.get(id);
    if (!ch) {
      this.addChannel({ id });
      ch = this.channels.get(id)!;
    }
    return ch;
  }

  private dmChannel(userId: string): ChannelState {
    const id = `D${userId.slice(1)}`;
    let ch = this.channels.get(id);
    if (!ch) {
      this.addChannel({ id, members: [userId] });
      ch = this.channels.get(id)!;
      ch.im_user = userId;
    }
    return ch;
  }

  private channelInfo(ch: ChannelState, includeNum: unknown): Params {
    const info: Params = {
      id: ch.id,
      created: ch.created,
      is_archived: false,
      is_org_shared: false,
      is_shared: false,
      context_team_id: this.teamId,
    };
    if (ch.is_im) {
      Object.assign(info, { is_im: true, user: ch.im_user ?? ch.members.find((m) => m !== this.botUserId), is_user_deleted: false });
    } else {
      Object.assign(info, {
        name: ch.name,
        name_normalized: ch.name,
        is_channel: !ch.is_private,
        is_group: false,
        is_im: false,
        is_mpim: false,
        is_private: ch.is_private,
        is_general: false,
        is_member: ch.members.includes(this.botUserId),
        creator: ch.members[0] ?? this.botUserId,
        topic: { value: ch.topic, creator: '', last_set: 0 },
        purpose: { value: ch.purpose, creator: '', last_set: 0 },
      });
      if (includeNum === true || includeNum === 'true') info.num_members = ch.members.length;
    }
    return info;
  }

  private requireUser(id: unknown): SlackUserSpec {
    const u = typeof id === 'string' ? this.users.get(id) : undefined;
    if (!u) throw new SlackError('user_not_found');
    return u;
  }

  private userInfo(u: SlackUserSpec): Params {
    const name = u.name ?? u.id.toLowerCase();
    const realName = u.real_name ?? name;
    return {
      id: u.id,
      team_id: this.teamId,
      name,
      deleted: u.deleted ?? false,
      color: '9f69e7',
      real_name: realName,
      tz: u.tz ?? 'Asia/Jakarta',
      tz_label: 'Western Indonesia Time',
      tz_offset: 25_200,
      profile: {
        title: u.title ?? '',
        phone: '',
        real_name: realName,
        real_name_normalized: realName,
        display_name: u.display_name ?? '',
        display_name_normalized: u.display_name ?? '',
        ...(u.email ? { email: u.email } : {}),
        status_text: '',
        status_emoji: '',
        image_72: `https://avatars.example/${u.id}_72.png`,
        team: this.teamId,
      },
      is_admin: false,
      is_owner: false,
      is_bot: u.is_bot ?? false,
      is_app_user: false,
      updated: nowSec() - 3600,
    };
  }

  private userName(id: string): string {
    return this.users.get(id)?.name ?? id.toLowerCase();
  }

  private fileObject(id: string, name: string, title: string, mimetype: string, size: number, user: string): Record<string, unknown> {
    const base = `${this.url}/files-pri/${this.teamId}-${id}`;
    return {
      id,
      created: nowSec(),
      timestamp: nowSec(),
      name,
      title,
      mimetype,
      filetype: name.includes('.') ? name.split('.').pop()!.toLowerCase() : 'binary',
      user,
      user_team: this.teamId,
      size,
      mode: 'hosted',
      is_external: false,
      is_public: false,
      url_private: `${base}/${encodeURIComponent(name)}`,
      url_private_download: `${base}/download/${encodeURIComponent(name)}`,
      permalink: `https://${this.teamDomain}.slack.com/files/${user}/${id}/${encodeURIComponent(name)}`,
    };
  }

  private issueTrigger(): string {
    const id = `${Date.now()}.${this.teamId.slice(1)}.${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    this.triggers.set(id, { issued: Date.now(), used: false });
    return id;
  }

  private issueResponseUrl(channel: string, user: string, message_ts?: string): string {
    const id = randomUUID().replace(/-/g, '');
    this.responseUrls.set(id, { channel, user, ...(message_ts ? { message_ts } : {}) });
    return `${this.url}/response/${id}`;
  }

  private id(prefix: string): string {
    return `${prefix}0${(++this.counter).toString(36).toUpperCase().padStart(8, '0')}`;
  }

  /** Slack message timestamps: unique, strictly increasing "seconds.micros". */
  private nextTs(): string {
    let micros = Date.now() * 1000;
    if (micros <= this.lastTsMicros) micros = this.lastTsMicros + 1;
    this.lastTsMicros = micros;
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  }
}

function guessMime(name: string): string {
  const ext = name.split('.').pop()?.toLowerCase() ?? '';
  const map: Record<string, string> = {
    pdf: 'application/pdf',
    txt: 'text/plain',
    csv: 'text/csv',
    json: 'application/json',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  };
  return map[ext] ?? 'application/octet-stream';
}
