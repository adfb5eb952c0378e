import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { audienceSchema, describeAudience } from '../audience/audience.js';
import { canActForAgency } from '../auth/actor.js';
import { writeAudit } from '../audit/audit-log.js';
import { todayOf } from '../clock/clock.js';
import type { CoreContext } from '../trpc/context.js';
import { isMonthDay, nextMonthDay, parseDayMonth } from './day-month.js';
import { parseDaysBefore } from './deadline-stages.js';
import { agencyForHr } from './hr-agency.js';
import { checkReminderAudience } from './reminder-audience.js';

/**
 * "03-31" (month first, as stored) or a day with the month's name ("31 Maret"). Numeric day-first forms are left to
 * callers that know their users write them (the CLI converts "31-03"), since "10-01" could be either.
 */
const monthDaySchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const parsed = /^\d{2}-\d{2}$/.test(value) ? (isMonthDay(value) ? value : null) : /[a-z]/i.test(value) ? parseDayMonth(value) : null;
    if (!parsed) {
      ctx.addIssue({ code: 'custom', message: 'tanggal tenggat ditulis bulan-hari (31 Maret = 03-31) atau dengan nama bulan, mis. 31 Maret' });
      return z.NEVER;
    }
    return parsed;
  });

export const deadlineInputSchema = z.object({
  title: z.string().trim().min(1, 'nama tenggat wajib diisi').max(120, 'nama tenggat paling panjang 120 karakter'),
  monthDay: monthDaySchema,
  daysBefore: z.array(z.number().int().min(0, 'hari sebelum tenggat paling kecil 0').max(365, 'hari sebelum tenggat paling besar 365')).min(1).default([30, 7, 1]),
  audience: audienceSchema.prefault({ everyone: true }),
  note: z.string().trim().max(2000, 'catatan paling panjang 2.000 karakter').default(''),
  agencyCode: z.string().optional(),
});
export type DeadlineInput = z.input<typeof deadlineInputSchema>;

type DeadlineRow = Awaited<ReturnType<CoreContext['db']['yearlyDeadline']['findFirstOrThrow']>>;

function view(row: DeadlineRow, today: string) {
  return {
    id: row.id,
    title: row.title,
    monthDay: row.monthDay,
    /** The next deadline day. */
    nextDueOn: nextMonthDay(row.monthDay, today),
    daysBefore: parseDaysBefore(row.daysBefore),
    audience: describeAudience(audienceSchema.parse(JSON.parse(row.audience))),
    note: row.note,
    active: row.active,
    createdBy: row.createdBy,
  };
}

/** HR adds a deadline that comes back every year (SKP, LHKPN 31 March, LHKASN); audited. */
export async function createDeadline(ctx: CoreContext, input: z.output<typeof deadlineInputSchema>) {
  const agency = await agencyForHr(ctx, input.agencyCode);
  const reach = await checkReminderAudience(ctx.db, agency.id, input.audience);
  const daysBefore = parseDaysBefore(input.daysBefore.join(','));
  const created = await ctx.db.$transaction(async (tx) => {
    const row = await tx.yearlyDeadline.create({
      data: {
        agencyId: agency.id,
        title: input.title,
        monthDay: input.monthDay,
        daysBefore: daysBefore.join(','),
        audience: JSON.stringify(input.audience),
        note: input.note,
        createdBy: ctx.actor.ref,
      },
    });
    await writeAudit(tx, ctx.actor, {
      action: 'deadline.create',
      entity: 'YearlyDeadline',
      entityId: row.id,
      agencyId: agency.id,
      after: { title: row.title, monthDay: row.monthDay, daysBefore: row.daysBefore, audience: reach.description },
    });
    return row;
  });
  ctx.log.info({ actor: ctx.actor.ref, deadlineId: created.id }, 'yearly deadline created');
  return { ...view(created, todayOf(ctx.clock)), recipients: reach.recipients, linked: reach.linked };
}

export async function listDeadlines(ctx: CoreContext, input: { agencyCode?: string }) {
  const agency = await agencyForHr(ctx, input.agencyCode);
  const rows = await ctx.db.yearlyDeadline.findMany({ where: { agencyId: agency.id, active: true }, orderBy: { monthDay: 'asc' } });
  const today = todayOf(ctx.clock);
  return rows.map((row) => view(row, today)).sort((a, b) => (a.nextDueOn < b.nextDueOn ? -1 : a.nextDueOn > b.nextDueOn ? 1 : 0));
}

/** Stops a deadline's reminders; the row stays (inactive) so past occurrences keep their title. */
export async function removeDeadline(ctx: CoreContext, id: string) {
  const row = await ctx.db.yearlyDeadline.findUnique({ where: { id } });
  if (!row || !canActForAgency(ctx.actor, row.agencyId) || !row.active) {
    throw new TRPCError({ code: 'NOT_FOUND', message: `Tidak ada tenggat aktif dengan id ${id}; lihat \`layani deadline list\`. / No such deadline.` });
  }
  const updated = await ctx.db.$transaction(async (tx) => {
    const next = await tx.yearlyDeadline.update({ where: { id }, data: { active: false } });
    await writeAudit(tx, ctx.actor, { action: 'deadline.remove', entity: 'YearlyDeadline', entityId: id, agencyId: row.agencyId, before: { active: true }, after: { active: false } });
    return next;
  });
  ctx.log.info({ actor: ctx.actor.ref, deadlineId: id }, 'yearly deadline removed');
  return view(updated, todayOf(ctx.clock));
}
