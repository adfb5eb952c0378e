import type { Db, TransactionClient } from '../db/client.js';
import type { SqlRunner, SqlStatement } from '../db/direct-sql.js';
import { newId } from '../db/ids.js';
import { outboxIntentSchema, type OutboxChannel, type OutboxIntentInput } from './outbox-intent.js';

export interface EnqueueOptions {
  /** Messages sharing a key are delivered in the order they were stored (one ticket's thread, one chat). */
  orderKey?: string;
  notBefore?: Date;
}

/** Told which channels got new messages (none given: any channel). */
type Listener = (channels: ReadonlySet<OutboxChannel> | null) => void;
const listeners = new Set<Listener>();

/** Lets the in-process worker wake up at once instead of waiting for its next poll. */
export function onEnqueued(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const isSqlRunner = (target: Db | TransactionClient | SqlRunner): target is SqlRunner => 'execute' in target && 'kind' in target;

/**
 * Wakes the in-process workers of the channels given (every worker when none are given); call it once the messages
 * are committed. Naming the channels spares the other channels' workers a claim that would find nothing.
 */
export function notifyEnqueued(...channels: OutboxChannel[]): void {
  const woken = channels.length > 0 ? new Set(channels) : null;
  // Deferred: the caller's transaction commits first.
  setImmediate(() => listeners.forEach((listener) => listener(woken)));
}

function outboxRow(intent: OutboxIntentInput, options: EnqueueOptions) {
  const parsed = outboxIntentSchema.parse(intent);
  // The id and time are set here rather than by Prisma's defaults, so messages stored either way share one order.
  return {
    id: newId(),
    channel: parsed.channel,
    kind: parsed.kind,
    payload: JSON.stringify(parsed),
    orderKey: options.orderKey ?? null,
    // Due at once whatever the clock says; only retries and deliberate delays set a later time.
    nextAttemptAt: options.notBefore ?? new Date(0),
    createdAt: new Date(),
  };
}

/**
 * The INSERT that stores a message for delivery, for writing it together with the change it reports in one
 * direct SQL transaction or `atomically`. Call notifyEnqueued() after it committed.
 */
export function outboxInsert(intent: OutboxIntentInput, options: EnqueueOptions = {}): SqlStatement & { id: string } {
  const row = outboxRow(intent, options);
  return {
    sql: `INSERT INTO "OutboxMessage" ("id", "channel", "kind", "payload", "orderKey", "status", "attempts", "nextAttemptAt", "createdAt")
          VALUES ($1, $2, $3, $4, $5, 'pending', 0, $6, $7)`,
    params: [row.id, row.channel, row.kind, row.payload, row.orderKey, row.nextAttemptAt, row.createdAt],
    id: row.id,
  };
}

/**
 * Stores a message for delivery. Call it inside the transaction that makes the change the message reports, so
 * a message is never lost and never sent for a change that rolled back: a Prisma transaction client, or the
 * runner of a direct SQL transaction.
 */
export async function enqueue(db: Db | TransactionClient | SqlRunner, intent: OutboxIntentInput, options: EnqueueOptions = {}): Promise<string> {
  let id: string;
  if (isSqlRunner(db)) {
    const insert = outboxInsert(intent, options);
    await db.execute(insert.sql, insert.params);
    id = insert.id;
  } else {
    ({ id } = await db.outboxMessage.create({ data: outboxRow(intent, options), select: { id: true } }));
  }
  notifyEnqueued(intent.channel);
  return id;
}
