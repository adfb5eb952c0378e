import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { appRouter } from '../core/app-router.js';
import { actorForApiToken } from '../core/auth/api-tokens.js';
import type { Runtime } from '../core/runtime.js';
import { TRPCError } from '@trpc/server';

/** tRPC over HTTP at /trpc; callers authenticate with `Authorization: Bearer <token>` from `layani token create`. */
export function createTrpcHandler(runtime: Runtime): (req: IncomingMessage, res: ServerResponse) => void {
  return createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    async createContext({ req }) {
      const header = req.headers.authorization ?? '';
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) {
        throw new TRPCError({
          code: 'UNAUTHORIZED',
          message: 'Missing bearer token: send "Authorization: Bearer <token>" (create one with: npx layani token create).',
        });
      }
      const actor = await actorForApiToken(runtime.db, match[1]!);
      if (!actor) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Unknown or revoked API token.' });
      return runtime.contextFor(actor);
    },
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') runtime.log.error({ err: error, path }, 'tRPC procedure failed');
    },
  });
}
