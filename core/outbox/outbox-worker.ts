import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock/clock.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../logging/logger.js';
import { DeliveryRefused, NotReadyYet, RetryLater } from './delivery-errors.js';
import { quietHoursEnd } from '../scheduling/quiet-hours.js';
import { onEnqueued } from './enqueue.js';
import { outboxIntentSchema, type OutboxChannel, type OutboxIntent } from './outbox-intent.js';

export interface DeliveryItem {
  id: string;
  attempts: number;
  /**
   * The adapter calls this right before the platform request leaves (after any rate-limit wait). If the process
   * dies before the outcome is stored, the message is known to be in doubt rather than merely unsent.
   */
  markDispatched(): Promise<void>;
}

/** Delivers one intent on its platform; returns the platform's id for what it sent, when there is one. */
export type DeliveryHandler = (intent: OutboxIntent, item: DeliveryItem) => Promise<string | void>;

/**
 * A message whose request left but whose outcome was never stored (the process died) may have arrived. A broadcast
 * copy is then counted as sent: a second copy to thousands of people is worse than the rare copy lost in the
 * instant between recording the dispatch and the request leaving, and "perlu konfirmasi" broadcasts nudge anyone
 * who has not confirmed anyway. Everything else (a reply someone waits for) is sent again.
 */
const assumedSentWhenInDoubt = new Set<string>(['telegram.broadcast']);

export interface OutboxWorkerOptions {
  db: Db;
  clock: Clock;
  log: Logger;
  handlers: Partial<Record<OutboxChannel, DeliveryHandler>>;
  pollMs?: number;
  batchSize?: number;
  concurrency?: number;
  /** How long a claimed message stays reserved for this instance if it dies mid-delivery. */
  leaseMs?: number;
}

const maxBackoffSeconds = 300;

/**
 * Sends what the outbox holds: oldest first, one message per order key at a time, with backoff on failure.
 * Several instances may run against one database: a message is claimed with a conditional update (a lease),
 * so only one instance delivers it; a lease left by a crashed instance expires and the message is retried.
 */
export class OutboxWorker {
  readonly instanceId = randomUUID();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private wakeRequested = false;
  private stopped = true;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly options: OutboxWorkerOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribe = onEnqueued(() => this.wake());
    this.schedule(0);
  }

  /** Stops polling and waits for deliveries in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) this.wakeRequested = true;
    else this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.loop().finally(() => {
        this.running = null;
      });
    }, ms);
  }

  private async loop(): Promise<void> {
    let delivered = 0;
    do {
      this.wakeRequested = false;
      try {
        delivered = await this.runOnce();
      } catch (err) {
        this.options.log.error({ err }, 'outbox pass failed');
        delivered = 0;
      }
    } while (!this.stopped && (delivered > 0 || this.wakeRequested));
    if (!this.stopped) this.schedule(this.options.pollMs ?? 500);
  }

  /** One pass: claims due messages and delivers them. Returns how many were handled. */
  async runOnce(): Promise<number> {
    const { db, clock } = this.options;
    const now = clock.now();
    const batchSize = this.options.batchSize ?? 50;
    // Look further than one batch: messages queued behind an earlier one of the same key (a thread reply behind
    // its card) are not deliverable yet, and must not crowd out the rest.
    const due = await db.outboxMessage.findMany({
      where: { status: 'pending', nextAttemptAt: { lte: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: batchSize * 10,
      select: { id: true, orderKey: true, channel: true, kind: true, payload: true, attempts: true, dispatchedAt: true },
    });
    const keys = [...new Set(due.map((item) => item.orderKey).filter((key): key is string => key !== null))];
    const heads = new Set<string>();
    for (let start = 0; start < keys.length; start += 500) {
      const firstOfKey = await db.outboxMessage.findMany({
        where: { status: 'pending', orderKey: { in: keys.slice(start, start + 500) } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        distinct: ['orderKey'],
        select: { id: true },
      });
      for (const head of firstOfKey) heads.add(head.id);
    }
    const wanted = due.filter((item) => item.orderKey === null || heads.has(item.id)).slice(0, batchSize);
    const claimed = await this.claim(wanted, now);
    const concurrency = this.options.concurrency ?? 32;
    // A pool rather than chunks: one slow send (a rate-limit wait) must not hold the rest of its chunk back.
    let next = 0;
    const lane = async () => {
      while (next < claimed.length) await this.deliver(claimed[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, lane));
    return claimed.length;
  }

  /** Reserves messages for this instance with one conditional update; returns those it got. */
  private async claim<T extends { id: string }>(items: T[], now: Date): Promise<T[]> {
    if (items.length === 0) return [];
    const leaseUntil = new Date(now.getTime() + (this.options.leaseMs ?? 60_000));
    const lease = `${this.instanceId}:${leaseUntil.getTime()}`;
    const ids = items.map((item) => item.id);
    await this.options.db.outboxMessage.updateMany({
      where: { id: { in: ids }, status: 'pending', OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      data: { lockedBy: lease, lockedUntil: leaseUntil },
    });
    const mine = await this.options.db.outboxMessage.findMany({ where: { id: { in: ids }, lockedBy: lease }, select: { id: true } });
    const got = new Set(mine.map((row) => row.id));
    return items.filter((item) => got.has(item.id));
  }

  private async deliver(item: { id: string; channel: string; kind: string; payload: string; attempts: number; dispatchedAt: Date | null }): Promise<void> {
    const { db, clock, log } = this.options;
    const handler = this.options.handlers[item.channel as OutboxChannel];
    const release = (data: { nextAttemptAt: Date; attempts?: number; lastError?: string | null }) =>
      db.outboxMessage.update({ where: { id: item.id }, data: { ...data, lockedBy: null, lockedUntil: null, dispatchedAt: null } });
    if (item.dispatchedAt && assumedSentWhenInDoubt.has(item.kind)) {
      log.warn({ outboxId: item.id, kind: item.kind }, 'delivery outcome unknown after a restart; counted as sent, not sent twice');
      await db.outboxMessage.update({
        where: { id: item.id },
        data: { status: 'sent', sentAt: item.dispatchedAt, lastError: 'unconfirmed: the process stopped while the platform was receiving it', lockedBy: null, lockedUntil: null },
      });
      return;
    }
    const markDispatched = async () => {
      await db.outboxMessage.update({ where: { id: item.id }, data: { dispatchedAt: clock.now() } });
    };
    if (!handler) {
      // The adapter is not configured (yet): keep the message until it is.
      await release({ nextAttemptAt: new Date(clock.now().getTime() + 60_000), lastError: `no ${item.channel} adapter running` });
      return;
    }
    try {
      const intent = outboxIntentSchema.parse(JSON.parse(item.payload));
      const quietUntil = 'holdInQuietHours' in intent && intent.holdInQuietHours ? quietHoursEnd(clock.now()) : null;
      if (quietUntil) {
        await release({ nextAttemptAt: quietUntil, lastError: null });
        return;
      }
      const ref = await handler(intent, { id: item.id, attempts: item.attempts, markDispatched });
      await db.outboxMessage.update({
        where: { id: item.id },
        data: { status: 'sent', sentAt: clock.now(), resultRef: ref ?? null, lockedBy: null, lockedUntil: null, attempts: item.attempts + 1 },
      });
    } catch (error) {
      const now = clock.now().getTime();
      if (error instanceof RetryLater) {
        await release({ nextAttemptAt: new Date(now + error.seconds * 1000), lastError: error.message });
      } else if (error instanceof NotReadyYet) {
        // Usually ready within a second (the card is being posted); if the earlier step is stuck, ask less often.
        const wait = Math.min(30_000, 1000 * 2 ** Math.min(item.attempts, 5));
        await release({ nextAttemptAt: new Date(now + wait), attempts: item.attempts + 1, lastError: error.message });
      } else if (error instanceof DeliveryRefused) {
        log.warn({ outboxId: item.id, status: error.status, reason: error.message }, 'delivery refused for good');
        await db.outboxMessage.update({
          where: { id: item.id },
          data: { status: error.status, lastError: error.message, lockedBy: null, lockedUntil: null, dispatchedAt: null, attempts: item.attempts + 1 },
        });
      } else {
        const attempts = item.attempts + 1;
        const backoff = Math.min(maxBackoffSeconds, 2 ** Math.min(attempts, 9)) * (0.75 + Math.random() * 0.5);
        const reason = error instanceof Error ? error.message : String(error);
        log.warn({ outboxId: item.id, attempts, retryInSeconds: Math.round(backoff), reason }, 'delivery failed, will retry');
        await release({ nextAttemptAt: new Date(now + backoff * 1000), attempts, lastError: reason.slice(0, 500) });
      }
    }
  }
}
