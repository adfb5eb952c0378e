import type { BusinessCalendar } from '../calendar/business-calendar.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../logging/logger.js';
import { enqueue } from '../outbox/enqueue.js';
import { broadcastIntent } from './broadcast-intent.js';
import { nudgeTitlePrefix } from './broadcast-texts.js';

/** At most this many reminders to confirm, per person and broadcast. */
export const maxNudges = 2;

/**
 * Reminds people who received a "perlu konfirmasi" broadcast and have not confirmed after the broadcast's number of
 * days (counted from the last message they got), during office hours only. The conditional update on `nudges`
 * lets one instance nudge a person once, even when several run this at the same minute.
 */
export async function sendNudges(db: Db, calendar: BusinessCalendar, now: Date, log: Logger): Promise<number> {
  if (!calendar.isOpen(now)) return 0;
  const broadcasts = await db.broadcast.findMany({ where: { needsAck: true, status: { in: ['scheduled', 'sent'] }, nudgeAfterDays: { not: null } } });
  let nudged = 0;
  for (const broadcast of broadcasts) {
    const cutoff = new Date(now.getTime() - broadcast.nudgeAfterDays! * 86_400_000);
    const candidates = await db.broadcastDelivery.findMany({
      where: { broadcastId: broadcast.id, employeeId: { not: null }, outboxId: { not: null }, skipped: null, nudges: { lt: maxNudges } },
      select: { id: true, employeeId: true, target: true, outboxId: true, nudges: true, lastNudgeAt: true },
    });
    if (candidates.length === 0) continue;
    const acked = new Set((await db.broadcastAck.findMany({ where: { broadcastId: broadcast.id }, select: { employeeId: true } })).map((a) => a.employeeId));
    const sentAt = new Map<string, Date | null>();
    const open = candidates.filter((c) => !acked.has(c.employeeId!));
    for (let start = 0; start < open.length; start += 400) {
      const ids = open.slice(start, start + 400).map((c) => c.outboxId!);
      for (const row of await db.outboxMessage.findMany({ where: { id: { in: ids }, status: 'sent' }, select: { id: true, sentAt: true } })) sentAt.set(row.id, row.sentAt);
    }
    for (const delivery of open) {
      const last = delivery.lastNudgeAt ?? sentAt.get(delivery.outboxId!) ?? null;
      if (!last || last > cutoff) continue;
      const chatId = delivery.target.replace(/^telegram:/, '');
      const done = await db.$transaction(async (tx) => {
        const { count } = await tx.broadcastDelivery.updateMany({ where: { id: delivery.id, nudges: delivery.nudges }, data: { nudges: delivery.nudges + 1, lastNudgeAt: now } });
        if (count !== 1) return false;
        await enqueue(tx, broadcastIntent(broadcast, chatId, { askToConfirm: true, holdInQuietHours: true, titlePrefix: nudgeTitlePrefix }));
        return true;
      });
      if (done) nudged++;
    }
  }
  if (nudged > 0) log.info({ nudged }, 'broadcast confirmation reminders queued');
  return nudged;
}
