import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Runtime } from '../core/runtime.js';
import { createTrpcHandler } from './trpc-handler.js';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Extra routes the chat adapters mount (Slack events, Telegram webhook), matched by exact path. */
export interface HttpRoutes {
  [path: string]: RouteHandler;
}

export function createHttpServer(runtime: Runtime, routes: HttpRoutes = {}): Server {
  const trpc = createTrpcHandler(runtime);
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/healthz' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok' }));
      return;
    }
    if (path === '/trpc' || path.startsWith('/trpc/')) {
      trpc(req, res);
      return;
    }
    const route = routes[path];
    if (route) {
      Promise.resolve(route(req, res)).catch((err: unknown) => {
        runtime.log.error({ err, path }, 'route failed');
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not found' }));
  });
}
