import type { BusinessCalendar } from '../calendar/business-calendar.js';
import type { Clock } from '../clock/clock.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../logging/logger.js';
import { enqueue } from '../outbox/enqueue.js';
import { ticketOrderKey } from './staff-chat.js';
import { slackUserIdOf } from './ticket-access.js';
import { formatSlaFlags, parseSlaFlags, type SlaFlag } from './sla.js';
import { readSlaClock } from './sla-clock.js';

/** Business days a resolved ticket waits for a reply before it closes by itself. */
export const autoCloseBusinessDays = 3;
// A business day for this rule is the regular Monday–Thursday day (07:30–16:00).
const businessDayMinutes = 510;

interface Alert {
  flag: SlaFlag;
  text: string;
}

const firstResponseAlerts: Array<Alert & { at: number }> = [
  { flag: 'fr80', at: 0.8, text: '⚠️ 80% waktu tanggapan pertama sudah terpakai' },
  { flag: 'frBreach', at: 1, text: '🔴 Batas waktu tanggapan pertama terlewati' },
];
const resolutionAlerts: Array<Alert & { at: number }> = [
  { flag: 'res80', at: 0.8, text: '⚠️ 80% waktu penyelesaian sudah terpakai' },
  { flag: 'resBreach', at: 1, text: '🔴 Batas waktu penyelesaian terlewati' },
];

/**
 * One pass of the desk's clock: marks SLA warnings (80%) and breaches on the card and mentions the assignee (or
 * the channel), counting only the time the SLA clock runs (core/tickets/sla-clock.ts), and closes tickets resolved
 * more than three business days ago. Alerts are remembered on the ticket, so each is raised once even across
 * restarts and instances.
 */
export async function runDeskClock(db: Db, calendar: BusinessCalendar, clock: Clock, log: Logger): Promise<{ alerts: number; closed: number }> {
  const now = clock.now();
  let alerts = 0;
  const open = await db.ticket.findMany({ where: { status: { in: ['baru', 'ditangani', 'menunggu_pegawai'] } } });
  for (const ticket of open) {
    const flags = parseSlaFlags(ticket.slaFlags);
    const raised: Alert[] = [];
    // A paused clock (waiting for the employee) counts only up to the moment it stopped: no false alarms.
    const clock = readSlaClock(calendar, ticket, now);
    if (clock.firstResponse.open) {
      for (const alert of firstResponseAlerts) if (clock.firstResponse.used >= alert.at && !flags.has(alert.flag)) raised.push(alert);
    }
    for (const alert of resolutionAlerts) if (clock.resolution.used >= alert.at && !flags.has(alert.flag)) raised.push(alert);
    if (raised.length === 0) continue;
    for (const alert of raised) flags.add(alert.flag);
    const mention = slackUserIdOf(ticket.assigneeRef) ?? 'channel';
    // Only the most serious new alert is posted: a ticket found at 100% does not also need its 80% warning.
    const alert = raised[raised.length - 1]!;
    const claimed = await db.ticket.updateMany({
      where: { id: ticket.id, slaFlags: ticket.slaFlags },
      data: { slaFlags: formatSlaFlags(flags) },
    });
    if (claimed.count !== 1) continue; // another instance raised it
    await enqueue(db, { channel: 'slack', kind: 'slack.ticketCard', ticketId: ticket.id }, { orderKey: ticketOrderKey(ticket.id) });
    await enqueue(
      db,
      { channel: 'slack', kind: 'slack.threadMessage', ticketId: ticket.id, text: `${alert.text} (tiket #${ticket.number}).`, attachments: [], author: null, mention },
      { orderKey: ticketOrderKey(ticket.id) },
    );
    alerts += 1;
  }

  let closed = 0;
  const resolved = await db.ticket.findMany({ where: { status: 'selesai', resolvedAt: { not: null } } });
  for (const ticket of resolved) {
    if (calendar.businessMinutesBetween(ticket.resolvedAt!, now) < autoCloseBusinessDays * businessDayMinutes) continue;
    const done = await db.ticket.updateMany({ where: { id: ticket.id, status: 'selesai' }, data: { status: 'ditutup', closedAt: now } });
    if (done.count === 1) {
      await enqueue(db, { channel: 'slack', kind: 'slack.ticketCard', ticketId: ticket.id }, { orderKey: ticketOrderKey(ticket.id) });
      closed += 1;
    }
  }
  if (alerts || closed) log.info({ alerts, closed }, 'desk clock');
  return { alerts, closed };
}
