/**
 * Shared plumbing for the local protocol fakes (Telegram, Slack, OpenAI).
 *
 * Every fake is a plain `node:http` server bound to 127.0.0.1 on an ephemeral
 * port. `FakeHttpServer` tracks sockets so `stop()` can tear everything down
 * (the real clients use keep-alive agents: without this a stopped fake would
 * leave half-open sockets and vitest would report hanging handles).
 */
import { createServer, request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void | Promise<void>;

export class FakeHttpServer {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private baseUrl: string | undefined;

  constructor(private readonly handler: Handler, private readonly label: string) {}

  get url(): string {
    if (!this.baseUrl) throw new Error(`${this.label}: not started`);
    return this.baseUrl;
  }

  get running(): boolean {
    return this.server !== undefined;
  }

  async start(): Promise<{ url: string }> {
    if (this.server) return { url: this.url };
    const server = createServer((req, res) => {
      void this.dispatch(req, res);
    });
    // Node 20 defaults (5 s keep-alive) are fine; make sure nothing keeps the loop alive after stop().
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    const { port } = server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    return { url: this.baseUrl };
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    await closed;
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch {
      return; // client went away mid-upload
    }
    try {
      await this.handler(req, res, body);
    } catch (err) {
      if (!res.headersSent && !res.destroyed) {
        sendJson(res, 500, { ok: false, error: 'fake_internal_error', description: String(err) });
      }
      // Surface bugs in the fake itself loudly in test output.
      console.error(`[${this.label}] handler crashed:`, err);
    }
  }
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  payload: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed || res.writableEnded) return;
  const text = JSON.stringify(payload);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string | Buffer,
  contentType = 'text/plain; charset=utf-8',
  headers: Record<string, string> = {},
): void {
  if (res.destroyed || res.writableEnded) return;
  const buf = typeof text === 'string' ? Buffer.from(text) : text;
  res.writeHead(status, { 'content-type': contentType, 'content-length': String(buf.length), ...headers });
  res.end(buf);
}

/** Simulates the network dropping: the TCP connection is reset without any HTTP response. */
export function dropConnection(res: ServerResponse): void {
  res.socket?.resetAndDestroy?.();
  if (!res.socket?.destroyed) res.socket?.destroy();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const auth = headerValue(headers, 'authorization');
  if (!auth) return undefined;
  const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
  return m?.[1];
}

// ---------------------------------------------------------------------------
// Body parsing
// ---------------------------------------------------------------------------

export interface UploadedPart {
  /** form field name */
  name: string;
  filename: string | undefined;
  contentType: string | undefined;
  data: Buffer;
}

export interface ParsedBody {
  kind: 'json' | 'form' | 'multipart' | 'empty' | 'raw';
  /** scalar fields (JSON bodies keep their native types; form/multipart values are strings) */
  fields: Record<string, unknown>;
  /** multipart parts that carried a filename (i.e. file uploads), keyed by field name */
  files: Record<string, UploadedPart>;
  raw: Buffer;
}

export function parseBody(req: IncomingMessage, raw: Buffer): ParsedBody {
  const ctype = (headerValue(req.headers, 'content-type') ?? '').toLowerCase();
  const query = new URL(req.url ?? '/', 'http://x').searchParams;
  const fields: Record<string, unknown> = {};
  for (const [k, v] of query) fields[k] = v;
  const files: Record<string, UploadedPart> = {};
  if (raw.length === 0) {
    const kind = ctype.startsWith('application/json')
      ? 'json'
      : ctype.startsWith('application/x-www-form-urlencoded')
        ? 'form'
        : ctype.startsWith('multipart/form-data')
          ? 'multipart'
          : 'empty';
    return { kind, fields, files, raw };
  }
  if (ctype.startsWith('application/json')) {
    const parsed: unknown = JSON.parse(raw.toString('utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) Object.assign(fields, parsed);
    return { kind: 'json', fields, files, raw };
  }
  if (ctype.startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(raw.toString('utf8'))) fields[k] = v;
    return { kind: 'form', fields, files, raw };
  }
  if (ctype.startsWith('multipart/form-data')) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(headerValue(req.headers, 'content-type') ?? '');
    const b = boundary?.[1] ?? boundary?.[2];
    if (!b) throw new Error('multipart body without boundary');
    for (const part of parseMultipart(raw, b.trim())) {
      if (part.filename !== undefined) files[part.name] = part;
      else fields[part.name] = part.data.toString('utf8');
    }
    return { kind: 'multipart', fields, files, raw };
  }
  return { kind: 'raw', fields, files, raw };
}

/**
 * Minimal RFC 7578 parser. Deliberately tolerant: grammY writes part headers in
 * lower case without a space after the colon and leaves `filename=` unquoted
 * (`content-disposition:form-data;name="x";filename=report.pdf`), while
 * form-data (used by @slack/web-api) writes the canonical quoted form.
 */
export function parseMultipart(raw: Buffer, boundary: string): UploadedPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: UploadedPart[] = [];
  let pos = raw.indexOf(delimiter);
  if (pos < 0) return parts;
  while (true) {
    pos += delimiter.length;
    // closing delimiter?
    if (raw[pos] === 0x2d && raw[pos + 1] === 0x2d) break;
    // skip CRLF after delimiter
    if (raw[pos] === 0x0d && raw[pos + 1] === 0x0a) pos += 2;
    const headerEnd = raw.indexOf('\r\n\r\n', pos);
    if (headerEnd < 0) break;
    const headerText = raw.subarray(pos, headerEnd).toString('utf8');
    const next = raw.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
    if (next < 0) break;
    const data = raw.subarray(headerEnd + 4, next);
    const headers: Record<string, string> = {};
    for (const line of headerText.split('\r\n')) {
      const idx = line.indexOf(':');
      if (idx < 0) continue;
      headers[line.slice(0, idx).trim().toLowerCase()] = line.slice(idx + 1).trim();
    }
    const disp = headers['content-disposition'] ?? '';
    const name = /(?:^|;)\s*name=(?:"([^"]*)"|([^;]*))/i.exec(disp);
    let filename: string | undefined;
    const fnStar = /filename\*=(?:UTF-8|utf-8)''([^;]+)/.exec(disp);
    if (fnStar?.[1]) filename = decodeURIComponent(fnStar[1]);
    else {
      const fn = /;\s*filename=(?:"([^"]*)"|(.*))$/i.exec(disp);
      if (fn) filename = fn[1] ?? fn[2]?.trim();
    }
    parts.push({
      name: (name?.[1] ?? name?.[2] ?? '').trim(),
      filename,
      contentType: headers['content-type'],
      data: Buffer.from(data),
    });
    pos = next + 2; // now at delimiter
  }
  return parts;
}

// ---------------------------------------------------------------------------
// Outbound requests from a fake to the app under test (webhooks, Slack events)
// ---------------------------------------------------------------------------

export interface OutboundResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** POST without connection reuse, so no client socket outlives the request. */
export function postRaw(
  url: string,
  body: string | Buffer,
  headers: Record<string, string>,
  timeoutMs = 10_000,
  signal?: AbortSignal,
): Promise<OutboundResponse> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const buf = typeof body === 'string' ? Buffer.from(body) : body;
    const req = httpRequest(
      {
        method: 'POST',
        hostname: u.hostname,
        port: u.port,
        path: `${u.pathname}${u.search}`,
        agent: false,
        headers: { ...headers, 'content-length': String(buf.length), connection: 'close' },
        timeout: timeoutMs,
        signal,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`POST ${url} timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(buf);
  });
}

/** Sliding-window counters used by the optional rate limiters. */
export class SlidingWindow {
  private readonly hits = new Map<string, number[]>();

  /** ms until one more hit under `key` would be allowed (0 = allowed now). Does not record anything. */
  waitMs(key: string, limit: number, windowMs: number, now = Date.now()): number {
    const list = (this.hits.get(key) ?? []).filter((t) => now - t < windowMs);
    this.hits.set(key, list);
    if (list.length < limit) return 0;
    return windowMs - (now - (list[0] ?? now));
  }

  hit(key: string, now = Date.now()): void {
    const list = this.hits.get(key) ?? [];
    list.push(now);
    this.hits.set(key, list);
  }

  reset(): void {
    this.hits.clear();
  }
}
