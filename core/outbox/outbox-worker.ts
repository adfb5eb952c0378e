import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock/clock.js';
import type { Db } from '../db/client.js';
import { asDate, directSql, type SqlStatement } from '../db/direct-sql.js';
import { ticketChatMessageInsert } from '../tickets/ticket-chat-messages.js';
import type { Logger } from '../logging/logger.js';
import { quietHoursEnd } from '../scheduling/quiet-hours.js';
import { DeliveryRefused, NotReadyYet, RetryLater } from './delivery-errors.js';
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
  /** Claims only this channel's messages (see OutboxWorkers); all channels when not given. */
  channel?: OutboxChannel;
  pollMs?: number;
  batchSize?: number;
  concurrency?: number;
  /** How long a claimed message stays reserved for this instance if it dies mid-delivery. */
  leaseMs?: number;
}

const maxBackoffSeconds = 300;

interface Claimed {
  id: string;
  channel: string;
  kind: string;
  payload: string;
  attempts: number;
  dispatchedAt: Date | string | number | null;
}

interface Sent {
  id: string;
  ref: string | null;
  /** A chat message about a ticket: its platform message ids are remembered, so a reply to it finds the ticket. */
  ticketChat?: { platform: string; chatId: string; ticketId: string };
}

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
    const mine = this.options.channel;
    this.unsubscribe = onEnqueued((channels) => {
      if (!mine || !channels || channels.has(mine)) this.wake();
    });
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
    const claimed = await this.claim(this.options.clock.now());
    const concurrency = this.options.concurrency ?? 32;
    // A pool rather than chunks: one slow send (a rate-limit wait) must not hold the rest of its chunk back. Each
    // message is recorded as sent as soon as it went, which keeps what a crash leaves in doubt to the sends in flight.
    let next = 0;
    const failures: unknown[] = [];
    const lane = async () => {
      while (next < claimed.length) {
        const item = claimed[next++]!;
        try {
          const sent = await this.deliver(item);
          if (sent) await this.markSent([sent]);
        } catch (error) {
          failures.push(error);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, lane));
    if (failures.length > 0) throw failures[0];
    return claimed.length;
  }

  /**
   * Reserves the oldest due messages for this instance (a lease) in one statement and returns them, oldest first.
   * A message with an order key is taken only when no earlier message of its key is still pending, so a thread
   * reply never overtakes its card and blocked keys never crowd out the rest.
   * Two instances never get the same message: on PostgreSQL the rows are locked as they are chosen (FOR UPDATE
   * re-checks the conditions on a row another instance changed meanwhile; rows being claimed right now are
   * skipped rather than waited for); on SQLite the statement runs under the database's single write lock.
   */
  private async claim(now: Date): Promise<Claimed[]> {
    const sql = directSql(this.options.db);
    const leaseUntil = new Date(now.getTime() + (this.options.leaseMs ?? 60_000));
    const lease = `${this.instanceId}:${leaseUntil.getTime()}`;
    const skipLocked = sql.kind === 'postgresql' ? 'FOR UPDATE SKIP LOCKED' : '';
    const channel = this.options.channel ? 'AND m."channel" = $5' : '';
    const rows = await sql.query<Claimed & { createdAt: Date }>(
      `UPDATE "OutboxMessage" SET "lockedBy" = $1, "lockedUntil" = $2
       WHERE "id" IN (
         SELECT m."id" FROM "OutboxMessage" m
         WHERE m."status" = 'pending' ${channel} AND m."nextAttemptAt" <= $3 AND (m."lockedUntil" IS NULL OR m."lockedUntil" < $3)
           AND (m."orderKey" IS NULL OR NOT EXISTS (
             SELECT 1 FROM "OutboxMessage" e
             WHERE e."orderKey" = m."orderKey" AND e."status" = 'pending'
               AND (e."createdAt" < m."createdAt" OR (e."createdAt" = m."createdAt" AND e."id" < m."id"))))
         ORDER BY m."createdAt", m."id"
         LIMIT $4
         ${skipLocked})
       RETURNING "id", "channel", "kind", "payload", "attempts", "dispatchedAt", "createdAt"`,
      [lease, leaseUntil, now, this.options.batchSize ?? 50, ...(this.options.channel ? [this.options.channel] : [])],
    );
    // RETURNING comes in no particular order.
    rows.sort((a, b) => asDate(a.createdAt)!.getTime() - asDate(b.createdAt)!.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return rows;
  }

  /** Marks delivered messages sent, all in one statement (with the ticket links of chat messages, atomically). */
  private async markSent(sent: Sent[]): Promise<void> {
    if (sent.length === 0) return;
    const params: unknown[] = [this.options.clock.now()];
    const refs = sent.map((item) => `WHEN $${params.push(item.id)} THEN $${params.push(item.ref)}`).join(' ');
    const ids = sent.map((item) => `$${params.push(item.id)}`).join(', ');
    const update: SqlStatement = {
      sql: `UPDATE "OutboxMessage"
       SET "status" = 'sent', "sentAt" = $1, "resultRef" = CASE "id" ${refs} END, "lockedBy" = NULL, "lockedUntil" = NULL,
           "attempts" = "attempts" + 1
       WHERE "id" IN (${ids})`,
      params,
    };
    const links = sent.flatMap((item) =>
      item.ticketChat && item.ref ? item.ref.split(',').map((messageId) => ticketChatMessageInsert({ ...item.ticketChat!, messageId, author: 'bot' })) : [],
    );
    const sql = directSql(this.options.db);
    if (links.length === 0) await sql.execute(update.sql, update.params);
    else await sql.atomically([update, ...links]);
  }

  /** Delivers one message; returns what to record when it was sent, after recording any other outcome itself. */
  private async deliver(item: Claimed): Promise<Sent | null> {
    const { clock, log } = this.options;
    const sql = directSql(this.options.db);
    const update = (set: string, values: unknown[]) =>
      sql.execute(`UPDATE "OutboxMessage" SET ${set}, "lockedBy" = NULL, "lockedUntil" = NULL, "dispatchedAt" = NULL WHERE "id" = $1`, [item.id, ...values]);
    const release = (nextAttemptAt: Date, attempts: number, lastError: string) =>
      update('"nextAttemptAt" = $2, "attempts" = $3, "lastError" = $4', [nextAttemptAt, attempts, lastError]);
    const dispatchedAt = asDate(item.dispatchedAt);
    if (dispatchedAt && assumedSentWhenInDoubt.has(item.kind)) {
      log.warn({ outboxId: item.id, kind: item.kind }, 'delivery outcome unknown after a restart; counted as sent, not sent twice');
      await sql.execute(
        `UPDATE "OutboxMessage" SET "status" = 'sent', "sentAt" = $2, "lastError" = $3, "lockedBy" = NULL, "lockedUntil" = NULL WHERE "id" = $1`,
        [item.id, dispatchedAt, 'unconfirmed: the process stopped while the platform was receiving it'],
      );
      return null;
    }
    const handler = this.options.handlers[item.channel as OutboxChannel];
    if (!handler) {
      // The adapter is not configured (yet): keep the message until it is.
      await release(new Date(clock.now().getTime() + 60_000), item.attempts, `no ${item.channel} adapter running`);
      return null;
    }
    try {
      const intent = outboxIntentSchema.parse(JSON.parse(item.payload));
      const quietUntil = 'holdInQuietHours' in intent && intent.holdInQuietHours ? quietHoursEnd(clock.now()) : null;
      if (quietUntil) {
        await update('"nextAttemptAt" = $2, "lastError" = NULL', [quietUntil]);
        return null;
      }
      const markDispatched = async () => {
        await sql.execute(`UPDATE "OutboxMessage" SET "dispatchedAt" = $2 WHERE "id" = $1`, [item.id, clock.now()]);
      };
      const ref = await handler(intent, { id: item.id, attempts: item.attempts, markDispatched });
      const ticketId = 'ticketId' in intent ? intent.ticketId : null;
      const ticketChat = ticketId && 'chatId' in intent ? { platform: intent.channel, chatId: intent.chatId, ticketId } : undefined;
      return { id: item.id, ref: ref ?? null, ticketChat };
    } catch (error) {
      const now = clock.now().getTime();
      if (error instanceof RetryLater) {
        await release(new Date(now + error.seconds * 1000), item.attempts, error.message);
      } else if (error instanceof NotReadyYet) {
        // Usually ready within a second (the card is being posted); if the earlier step is stuck, ask less often.
        const wait = Math.min(30_000, 1000 * 2 ** Math.min(item.attempts, 5));
        await release(new Date(now + wait), item.attempts + 1, error.message);
      } else if (error instanceof DeliveryRefused) {
        log.warn({ outboxId: item.id, status: error.status, reason: error.message }, 'delivery refused for good');
        await update('"status" = $2, "lastError" = $3, "attempts" = $4', [error.status, error.message, item.attempts + 1]);
      } else {
        const attempts = item.attempts + 1;
        const backoff = Math.min(maxBackoffSeconds, 2 ** Math.min(attempts, 9)) * (0.75 + Math.random() * 0.5);
        const reason = error instanceof Error ? error.message : String(error);
        log.warn({ outboxId: item.id, attempts, retryInSeconds: Math.round(backoff), reason }, 'delivery failed, will retry');
        await release(new Date(now + backoff * 1000), attempts, reason.slice(0, 500));
      }
      return null;
    }
  }
}
