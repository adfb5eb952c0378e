import pg from 'pg';
import { parseDatabaseUrl } from '../db/database-url.js';
import { directSql } from '../db/direct-sql.js';
import type { Runtime } from '../runtime.js';
import { broadcastDueChannel, ownNotificationTag } from './broadcast-events.js';

/** How often SQLite is asked whether another process committed (a read of a counter in memory, no I/O). */
const sqliteCheckMs = 1000;
const reconnectMs = 5000;

/**
 * Calls `wake` when another process says a broadcast is due now, so the server does not wait for its minute tick:
 * - PostgreSQL: a connection of its own LISTENs on the channel notifyBroadcastDue NOTIFYs (reconnecting if the
 *   server drops it; the minute tick covers the gap).
 * - SQLite: only one server runs, and the CLI writes to the same file. SQLite's data_version tells, without reading
 *   the database, that another connection committed; the server then runs its scheduler pass, which starts what is
 *   due. Other processes' commits are rare (an operator's command), so this costs one pass per command at most.
 * Returns a function that stops watching.
 */
export async function watchForDueBroadcasts(runtime: Runtime, wake: () => void): Promise<() => Promise<void>> {
  return runtime.dbKind === 'postgresql' ? listenOnPostgres(runtime, wake) : watchSqliteCommits(runtime, wake);
}

async function listenOnPostgres(runtime: Runtime, wake: () => void): Promise<() => Promise<void>> {
  const { target } = parseDatabaseUrl(runtime.config.DATABASE_URL);
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: target });
    next.on('notification', (message) => {
      if (message.channel === broadcastDueChannel && message.payload !== ownNotificationTag) wake();
    });
    next.on('error', (error) => {
      runtime.log.warn({ reason: error.message }, 'the connection waiting for broadcasts was lost; reconnecting');
      reconnect();
    });
    next.on('end', () => reconnect());
    try {
      await next.connect();
      await next.query(`LISTEN ${broadcastDueChannel}`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    if (stopped) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    // Anything created while no one was listening starts now.
    wake();
  };

  function reconnect(): void {
    if (stopped || retry) return;
    const lost = client;
    client = null;
    void lost?.end().catch(() => undefined);
    retry = setTimeout(() => {
      retry = null;
      connect().catch((error: unknown) => {
        runtime.log.warn({ reason: error instanceof Error ? error.message : String(error) }, 'cannot listen for broadcasts yet; retrying');
        reconnect();
      });
    }, reconnectMs);
  }

  await connect().catch((error: unknown) => {
    runtime.log.warn({ reason: error instanceof Error ? error.message : String(error) }, 'cannot listen for broadcasts yet; retrying');
    reconnect();
  });
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const current = client;
    client = null;
    await current?.end().catch(() => undefined);
  };
}

async function watchSqliteCommits(runtime: Runtime, wake: () => void): Promise<() => Promise<void>> {
  const sql = directSql(runtime.db);
  const version = async () => (await sql.query<{ data_version: number }>('PRAGMA data_version'))[0]?.data_version ?? 0;
  let last = await version();
  let checking: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (checking) return;
    checking = version()
      .then((current) => {
        if (current !== last) {
          last = current;
          wake();
        }
      })
      .catch(() => undefined)
      .finally(() => {
        checking = null;
      });
  }, sqliteCheckMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await checking;
  };
}
