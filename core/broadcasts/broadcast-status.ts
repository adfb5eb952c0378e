import { databaseKindOf } from '../db/bulk-insert.js';
import type { Db } from '../db/client.js';
import type { StoredBroadcast } from './broadcast-service.js';

/** Per unit (and "—" for groups and channels): who it was meant for and what became of it. */
export interface DeliveryCounts {
  /** Recipients (people, groups, channels). */
  recipients: number;
  /** Handed to the outbox (a message exists). */
  sent: number;
  /** Telegram or Slack accepted it. */
  delivered: number;
  /** Refused for good (blocked the bot, chat gone). */
  failed: number;
  /** Still queued (rate limits, quiet hours, an outage). */
  pending: number;
  /** No chat to send to: not linked to Telegram, or blocked the bot before. */
  unreachable: number;
  acknowledged: number;
}

export interface BroadcastStatusReport {
  broadcastId: string;
  number: number;
  title: string;
  status: string;
  needsAck: boolean;
  runs: number;
  total: DeliveryCounts;
  byUnit: Array<{ unit: string } & DeliveryCounts>;
}

const emptyCounts = (): DeliveryCounts => ({ recipients: 0, sent: 0, delivered: 0, failed: 0, pending: 0, unreachable: 0, acknowledged: 0 });

/**
 * Counts come straight from the deliveries joined with their outbox messages, so they cannot disagree with what
 * was actually sent. Acknowledgements are counted per employee, whatever chat they pressed the button in.
 */
export async function broadcastStatus(db: Db, broadcast: StoredBroadcast): Promise<BroadcastStatusReport> {
  const p = databaseKindOf(db) === 'postgresql' ? (n: number) => `$${n}` : () => '?';
  const rows = await db.$queryRawUnsafe<Array<{ unit: string | null; skipped: string | null; status: string | null; n: number | bigint }>>(
    `SELECT d."unit" AS unit, d."skipped" AS skipped, o."status" AS status, COUNT(*) AS n
       FROM "BroadcastDelivery" d LEFT JOIN "OutboxMessage" o ON o."id" = d."outboxId"
      WHERE d."broadcastId" = ${p(1)}
      GROUP BY d."unit", d."skipped", o."status"`,
    broadcast.id,
  );
  const acks = await db.$queryRawUnsafe<Array<{ unit: string; n: number | bigint }>>(
    `SELECT e."unit" AS unit, COUNT(*) AS n FROM "BroadcastAck" a JOIN "Employee" e ON e."id" = a."employeeId"
      WHERE a."broadcastId" = ${p(1)} GROUP BY e."unit"`,
    broadcast.id,
  );
  const units = new Map<string, DeliveryCounts>();
  const countsOf = (unit: string) => units.get(unit) ?? units.set(unit, emptyCounts()).get(unit)!;
  for (const row of rows) {
    const counts = countsOf(row.unit ?? '—');
    const n = Number(row.n);
    counts.recipients += n;
    if (row.skipped) counts.unreachable += n;
    else if (row.status) {
      counts.sent += n;
      if (row.status === 'sent') counts.delivered += n;
      else if (row.status === 'pending') counts.pending += n;
      else counts.failed += n;
    }
  }
  for (const row of acks) countsOf(row.unit).acknowledged += Number(row.n);
  const total = emptyCounts();
  for (const counts of units.values()) for (const key of Object.keys(total) as Array<keyof DeliveryCounts>) total[key] += counts[key];
  const runs = await db.broadcastRun.count({ where: { broadcastId: broadcast.id } });
  return {
    broadcastId: broadcast.id,
    number: broadcast.number,
    title: broadcast.title,
    status: broadcast.status,
    needsAck: broadcast.needsAck,
    runs,
    total,
    byUnit: [...units.entries()].map(([unit, counts]) => ({ unit, ...counts })).sort((a, b) => a.unit.localeCompare(b.unit)),
  };
}
