import type { CoreContext } from '../trpc/context.js';
import { hasAtLeast } from '../auth/roles.js';
import { businessMinutesWorked, isOverdue, readSlaClock } from './sla-clock.js';

const median = (values: number[]) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const average = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

/** Desk figures for the last `days` days, in business minutes (what the SLA counts). */
export async function deskStatistics(ctx: CoreContext, days: number) {
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - days * 86_400_000);
  const calendar = ctx.settings.businessCalendar;
  const tickets = await ctx.db.ticket.findMany({
    where: {
      createdAt: { gte: since },
      ...(ctx.actor.agencyId ? { agencyId: ctx.actor.agencyId } : {}),
      ...(hasAtLeast(ctx.actor.role, 'hr_lead') ? {} : { confidential: false }),
    },
  });
  const firstResponse = tickets.filter((t) => t.firstResponseAt).map((t) => calendar.businessMinutesBetween(t.createdAt, t.firstResponseAt!));
  // Time spent waiting for the employee is theirs, not the desk's.
  const resolution = tickets.filter((t) => t.resolvedAt).map((t) => businessMinutesWorked(calendar, t, t.resolvedAt!));
  const ratings = tickets.map((t) => t.csatRating).filter((r): r is number => r !== null);
  const open = tickets.filter((t) => ['baru', 'ditangani', 'menunggu_pegawai'].includes(t.status));
  const overdue = open.filter((t) => isOverdue(readSlaClock(calendar, t, now)));
  return {
    days,
    tickets: tickets.length,
    open: open.length,
    overdue: overdue.length,
    firstResponseMinutes: { median: median(firstResponse), average: average(firstResponse) },
    resolutionMinutes: { median: median(resolution), average: average(resolution) },
    csat: { average: average(ratings), responses: ratings.length },
  };
}
