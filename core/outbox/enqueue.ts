import type { Db, TransactionClient } from '../db/client.js';
import type { SqlRunner } from '../db/direct-sql.js';
import { newId } from '../db/ids.js';
import { outboxIntentSchema, type OutboxIntent } from './outbox-intent.js';

export interface EnqueueOptions {
  /** Messages sharing a key are delivered in the order they were stored (one ticket's thread, one chat). */
  orderKey?: string;
  notBefore?: Date;
}

type Listener = () => void;
const listeners = new Set<Listener>();

/** Lets the in-process worker wake up at once instead of waiting for its next poll. */
export function onEnqueued(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const isSqlRunner = (target: Db | TransactionClient | SqlRunner): target is SqlRunner => 'execute' in target && 'kind' in target;

/**
 * Stores a message for delivery. Call it inside the transaction that makes the change the message reports, so
 * a message is never lost and never sent for a change that rolled back: a Prisma transaction client, or the
 * runner of a direct SQL transaction.
 */
export async function enqueue(db: Db | TransactionClient | SqlRunner, intent: OutboxIntent, options: EnqueueOptions = {}): Promise<void> {
  const parsed = outboxIntentSchema.parse(intent);
  // The id and time are set here rather than by Prisma's defaults, so messages stored either way share one order.
  const row = {
    id: newId(),
    channel: parsed.channel,
    kind: parsed.kind,
    payload: JSON.stringify(parsed),
    orderKey: options.orderKey ?? null,
    // Due at once whatever the clock says; only retries and deliberate delays set a later time.
    nextAttemptAt: options.notBefore ?? new Date(0),
    createdAt: new Date(),
  };
  if (isSqlRunner(db)) {
    await db.execute(
      `INSERT INTO "OutboxMessage" ("id", "channel", "kind", "payload", "orderKey", "status", "attempts", "nextAttemptAt", "createdAt")
       VALUES ($1, $2, $3, $4, $5, 'pending', 0, $6, $7)`,
      [row.id, row.channel, row.kind, row.payload, row.orderKey, row.nextAttemptAt, row.createdAt],
    );
  } else {
    await db.outboxMessage.create({ data: row });
  }
  // Deferred: the caller's transaction commits first.
  setImmediate(() => listeners.forEach((listener) => listener()));
}
