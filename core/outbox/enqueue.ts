import type { Db, TransactionClient } from '../db/client.js';
import { outboxIntentSchema, type OutboxIntentInput } from './outbox-intent.js';

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

/**
 * Stores a message for delivery. Call it inside the transaction that makes the change the message reports, so
 * a message is never lost and never sent for a change that rolled back.
 */
export async function enqueue(db: Db | TransactionClient, intent: OutboxIntentInput, options: EnqueueOptions = {}): Promise<string> {
  const parsed = outboxIntentSchema.parse(intent);
  const { id } = await db.outboxMessage.create({
    select: { id: true },
    data: {
      channel: parsed.channel,
      kind: parsed.kind,
      payload: JSON.stringify(parsed),
      orderKey: options.orderKey ?? null,
      // Due at once whatever the clock says; only retries and deliberate delays set a later time.
      nextAttemptAt: options.notBefore ?? new Date(0),
    },
  });
  notifyEnqueued();
  return id;
}

/** Wakes in-process workers; deferred so that the caller's transaction commits first. */
export function notifyEnqueued(): void {
  setImmediate(() => listeners.forEach((listener) => listener()));
}
