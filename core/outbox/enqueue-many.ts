import { randomUUID } from 'node:crypto';
import { bulkInsert } from '../db/bulk-insert.js';
import type { TransactionClient } from '../db/client.js';
import type { DatabaseKind } from '../db/database-url.js';
import { notifyEnqueued, type EnqueueOptions } from './enqueue.js';
import { outboxIntentSchema, type OutboxIntentInput } from './outbox-intent.js';

export interface QueuedIntent {
  intent: OutboxIntentInput;
  options?: EnqueueOptions;
  /** The message's id when the caller must store it first (a reminder occurrence points at its message). */
  id?: string;
}

/**
 * Stores many messages with a few multi-row INSERTs (a broadcast to thousands of people); returns their ids in
 * order. Call it inside the transaction that records what the messages are for, as with `enqueue`.
 */
export async function enqueueMany(tx: TransactionClient, kind: DatabaseKind, items: readonly QueuedIntent[], now: Date): Promise<string[]> {
  const ids = items.map((item) => item.id ?? randomUUID());
  const rows = items.map(({ intent, options }, index) => {
    const parsed = outboxIntentSchema.parse(intent);
    return [ids[index], parsed.channel, parsed.kind, JSON.stringify(parsed), options?.orderKey ?? null, 'pending', 0, options?.notBefore ?? new Date(0), now];
  });
  await bulkInsert(tx, kind, 'OutboxMessage', ['id', 'channel', 'kind', 'payload', 'orderKey', 'status', 'attempts', 'nextAttemptAt', 'createdAt'], rows);
  if (items.length > 0) notifyEnqueued(...new Set(items.map((item) => item.intent.channel)));
  return ids;
}
