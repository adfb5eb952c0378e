import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.js';
import { directSql } from '../db/direct-sql.js';
import type { Logger } from '../logging/logger.js';

/** Carried by this process's notifications, so it does not wake twice for what it already handled itself. */
export const ownNotificationTag = randomUUID();

type Listener = () => void;
const listeners = new Set<Listener>();

/** The PostgreSQL channel on which any process (the CLI, another instance) wakes the running servers. */
export const broadcastDueChannel = 'layani_broadcast_due';

/** Lets a running app start a "send now" broadcast at once instead of at the next minute tick. */
export function onBroadcastDue(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Wakes this process's listeners (see onBroadcastDue), once the current transaction has committed. */
function wakeLocalListeners(): void {
  setImmediate(() => listeners.forEach((listener) => listener()));
}

/**
 * Says a broadcast is due now, after the transaction that stored it has committed. This process's scheduler wakes
 * at once; on PostgreSQL a NOTIFY wakes every server on the database too, so a broadcast created by the CLI (another
 * process) or on another instance goes out at once. On SQLite the server notices another process's commit itself
 * (see watchForDueBroadcasts). Never fails the caller: the minute tick still starts the broadcast if the wake is lost.
 */
export async function notifyBroadcastDue(db: Db, log: Logger): Promise<void> {
  wakeLocalListeners();
  const sql = directSql(db);
  if (sql.kind !== 'postgresql') return;
  try {
    await sql.query(`SELECT pg_notify($1, $2)`, [broadcastDueChannel, ownNotificationTag]);
  } catch (error) {
    log.warn({ reason: error instanceof Error ? error.message : String(error) }, 'waking the other servers failed; the broadcast starts at the next minute tick');
  }
}
