import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ReadinessChecks } from '../core/health/readiness.js';
import { requestIdFrom, withLogContext } from '../core/logging/log-context.js';
import type { Runtime } from '../core/runtime.js';
import { createTrpcHandler } from './trpc-handler.js';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Extra routes the chat adapters mount (Slack events, Telegram webhook), matched by exact path. */
export interface HttpRoutes {
  [path: string]: RouteHandler;
}

const json = (res: ServerResponse, status: number, body: unknown): void =>
  void res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));

/**
 * /healthz (the process is up), /readyz (it can serve: 200 or 503 with each check), /metrics (Prometheus), /trpc
 * and the adapters' routes. Every request runs with a request id (the caller's X-Request-Id or a new one) that is
 * echoed back and carried by every log line written while it is handled.
 */
export function createHttpServer(runtime: Runtime, routes: HttpRoutes = {}, readiness?: ReadinessChecks): Server {
  const trpc = createTrpcHandler(runtime);
  const handle = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    if (path === '/healthz' && req.method === 'GET') return json(res, 200, { status: 'ok' });
    if (path === '/readyz' && req.method === 'GET' && readiness) {
      const result = await readiness.check();
      return json(res, result.ready ? 200 : 503, { status: result.ready ? 'ready' : 'not ready', checks: result.checks });
    }
    if (path === '/metrics' && req.method === 'GET') {
      const body = await runtime.metrics.registry.metrics();
      res.writeHead(200, { 'content-type': runtime.metrics.registry.contentType }).end(body);
      return;
    }
    if (path === '/trpc' || path.startsWith('/trpc/')) return trpc(req, res);
    const route = routes[path];
    if (route) return route(req, res);
    json(res, 404, { error: 'not found' });
  };
  return createServer((req, res) => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    const path = (req.url ?? '/').split('?')[0]!;
    withLogContext({ requestId }, () =>
      handle(req, res, path).catch((err: unknown) => {
        runtime.log.error({ err, path }, 'route failed');
        if (!res.headersSent) res.writeHead(500).end();
      }),
    );
  });
}
