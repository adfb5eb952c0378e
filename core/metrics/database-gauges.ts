import { Gauge } from 'prom-client';
import type { Clock } from '../clock/clock.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../logging/logger.js';
import type { Metrics } from './metrics.js';

const openStatuses = ['baru', 'ditangani', 'menunggu_pegawai'];

interface DeskFigures {
  outboxPending: Map<string, number>;
  oldestPendingAgeSeconds: number;
  ticketsOpen: number;
  ticketsOverdue: number;
  breachedFirstResponse: number;
  breachedResolution: number;
  broadcastCopiesQueued: number;
}

/** Reads the figures /metrics shows from the database. Outbox rows are stamped with real time, tickets with the clock. */
export async function readDeskFigures(db: Db, clock: Clock): Promise<DeskFigures> {
  const now = clock.now();
  const [pending, oldest, ticketsOpen, ticketsOverdue, breachedFirstResponse, breachedResolution, broadcastCopiesQueued] = await Promise.all([
    db.outboxMessage.groupBy({ by: ['channel'], where: { status: 'pending' }, _count: { _all: true } }),
    db.outboxMessage.findFirst({ where: { status: 'pending' }, orderBy: { createdAt: 'asc' }, select: { createdAt: true } }),
    db.ticket.count({ where: { status: { in: openStatuses } } }),
    db.ticket.count({
      where: {
        status: { in: openStatuses },
        // The same rule as core/tickets/sla-clock.ts: a running clock is past its due time; a paused one was
        // already past it when it stopped (due times move when a paused clock starts again).
        OR: [
          { slaPausedAt: null, resolutionDueAt: { lt: now } },
          { slaPausedAt: null, firstResponseAt: null, firstResponseDueAt: { lt: now } },
          { slaPausedAt: { not: null }, resolutionDueAt: { lt: db.ticket.fields.slaPausedAt } },
        ],
      },
    }),
    db.ticket.count({ where: { slaFlags: { contains: 'frBreach' } } }),
    db.ticket.count({ where: { slaFlags: { contains: 'resBreach' } } }),
    db.outboxMessage.count({ where: { status: 'pending', kind: { in: ['telegram.broadcast', 'slack.broadcast'] } } }),
  ]);
  return {
    outboxPending: new Map(pending.map((row) => [row.channel, row._count._all])),
    oldestPendingAgeSeconds: oldest ? Math.max(0, (Date.now() - oldest.createdAt.getTime()) / 1000) : 0,
    ticketsOpen,
    ticketsOverdue,
    breachedFirstResponse,
    breachedResolution,
    broadcastCopiesQueued,
  };
}

/**
 * Gauges computed from the database when /metrics is scraped, so every instance sharing a database reports the
 * same desk-wide figures. One read serves all of them per scrape; when the database cannot be read the gauges keep
 * their last values (/readyz says what is wrong).
 */
export function registerDatabaseGauges(metrics: Metrics, db: Db, clock: Clock, log: Logger): void {
  const registers = [metrics.registry];
  let reading: { at: number; figures: Promise<DeskFigures | null> } | null = null;
  const figures = (): Promise<DeskFigures | null> => {
    if (!reading || Date.now() - reading.at > 1000) {
      reading = {
        at: Date.now(),
        figures: readDeskFigures(db, clock).catch((err: unknown) => {
          log.warn({ reason: err instanceof Error ? err.message.split('\n')[0] : String(err) }, 'metrics: reading the database failed');
          return null;
        }),
      };
    }
    return reading.figures;
  };
  new Gauge({
    name: 'layani_outbox_pending',
    help: 'Messages waiting in the outbox, by channel',
    labelNames: ['channel'],
    registers,
    async collect() {
      const f = await figures();
      if (!f) return;
      // Both channels always appear, so an empty outbox reads 0 rather than nothing.
      for (const channel of new Set(['telegram', 'slack', ...f.outboxPending.keys()])) this.set({ channel }, f.outboxPending.get(channel) ?? 0);
    },
  });
  new Gauge({
    name: 'layani_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest message still waiting in the outbox (0 when empty)',
    registers,
    async collect() {
      const f = await figures();
      if (f) this.set(f.oldestPendingAgeSeconds);
    },
  });
  new Gauge({
    name: 'layani_broadcast_recipients_remaining',
    help: 'Broadcast copies still waiting to be sent (rate limits, quiet hours, an outage)',
    registers,
    async collect() {
      const f = await figures();
      if (f) this.set(f.broadcastCopiesQueued);
    },
  });
  new Gauge({
    name: 'layani_tickets_open',
    help: 'Tickets not yet resolved (baru, ditangani, menunggu_pegawai)',
    registers,
    async collect() {
      const f = await figures();
      if (f) this.set(f.ticketsOpen);
    },
  });
  new Gauge({
    name: 'layani_tickets_overdue',
    help: 'Unresolved tickets past their first-response or resolution target',
    registers,
    async collect() {
      const f = await figures();
      if (f) this.set(f.ticketsOverdue);
    },
  });
  new Gauge({
    name: 'layani_sla_breaches',
    help: 'Tickets that ever breached an SLA target, by target (first_response, resolution); only grows',
    labelNames: ['target'],
    registers,
    async collect() {
      const f = await figures();
      if (!f) return;
      this.set({ target: 'first_response' }, f.breachedFirstResponse);
      this.set({ target: 'resolution' }, f.breachedResolution);
    },
  });
}
