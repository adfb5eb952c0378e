import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { audienceSchema, describeAudience } from '../audience/audience.js';
import { canActForAgency } from '../auth/actor.js';
import { writeAudit } from '../audit/audit-log.js';
import type { CoreContext } from '../trpc/context.js';
import { occurrencesBetween, repeatKindSchema, type RepeatKind } from './custom-occurrences.js';
import { agencyForHr } from './hr-agency.js';
import { checkReminderAudience } from './reminder-audience.js';

export const customReminderInputSchema = z.object({
  title: z.string().trim().min(1, 'judul pengingat wajib diisi').max(120, 'judul pengingat paling panjang 120 karakter'),
  text: z.string().trim().max(3000, 'isi pengingat paling panjang 3.000 karakter').default(''),
  audience: audienceSchema,
  /** An instant, e.g. "2027-03-10T09:00:00+07:00". */
  startsAt: z.coerce.date({ error: 'waktu pengingat harus tanggal dan jam, mis. 2027-03-10T09:00:00+07:00' }),
  repeat: repeatKindSchema.default('none'),
  until: z.coerce.date({ error: 'batas ulang harus tanggal dan jam' }).nullable().default(null),
  agencyCode: z.string().optional(),
});
export type CustomReminderInput = z.input<typeof customReminderInputSchema>;

const badRequest = (message: string) => new TRPCError({ code: 'BAD_REQUEST', message });
/** "Now" typed by a person is a moment in the past by the time it is stored. */
const pastSlackMs = 5 * 60_000;

/** HR writes a reminder for one employee, a unit, a rank group or everyone; audited. */
export async function createCustomReminder(ctx: CoreContext, input: z.output<typeof customReminderInputSchema>) {
  const agency = await agencyForHr(ctx, input.agencyCode);
  const now = ctx.clock.now();
  if (input.repeat === 'none' && input.startsAt.getTime() < now.getTime() - pastSlackMs) {
    throw badRequest('Waktu pengingat sudah lewat; tulis tanggal dan jam yang akan datang. / That time has passed.');
  }
  if (input.until && input.until < input.startsAt) {
    throw badRequest('Batas ulang ("sampai") harus sesudah waktu mulai. / "until" must be after the start.');
  }
  const reach = await checkReminderAudience(ctx.db, agency.id, input.audience);
  const created = await ctx.db.$transaction(async (tx) => {
    const row = await tx.customReminder.create({
      data: {
        agencyId: agency.id,
        title: input.title,
        text: input.text,
        audience: JSON.stringify(input.audience),
        startsAt: input.startsAt,
        repeat: input.repeat,
        until: input.until,
        createdBy: ctx.actor.ref,
        createdAt: now,
      },
    });
    await writeAudit(tx, ctx.actor, {
      action: 'reminder.create',
      entity: 'CustomReminder',
      entityId: row.id,
      agencyId: agency.id,
      // The audience in words: NIPs stay out of the audit trail's free text.
      after: { title: row.title, audience: reach.description, startsAt: row.startsAt, repeat: row.repeat, until: row.until },
    });
    return row;
  });
  ctx.log.info({ actor: ctx.actor.ref, reminderId: created.id, recipients: reach.recipients }, 'custom reminder created');
  return { ...view(created, now), recipients: reach.recipients, linked: reach.linked };
}

type CustomReminderRow = Awaited<ReturnType<CoreContext['db']['customReminder']['findFirstOrThrow']>>;

function view(row: CustomReminderRow, now: Date) {
  const schedule = { startsAt: row.startsAt, repeat: row.repeat as RepeatKind, until: row.until, createdAt: row.createdAt };
  const [next] = row.active ? occurrencesBetween(schedule, new Date(now.getTime() - 1), new Date(now.getTime() + 5 * 366 * 86_400_000), 1) : [];
  return {
    id: row.id,
    title: row.title,
    text: row.text,
    audience: describeAudience(audienceSchema.parse(JSON.parse(row.audience))),
    startsAt: row.startsAt,
    repeat: row.repeat as RepeatKind,
    until: row.until,
    active: row.active,
    createdBy: row.createdBy,
    /** The next time it goes out; null when it is finished or cancelled. */
    nextAt: next ?? null,
  };
}

/** The agency's custom reminders, those still to go first; cancelled and finished ones only when asked. */
export async function listCustomReminders(ctx: CoreContext, input: { includeFinished?: boolean; agencyCode?: string }) {
  const agency = await agencyForHr(ctx, input.agencyCode);
  const now = ctx.clock.now();
  const rows = await ctx.db.customReminder.findMany({ where: { agencyId: agency.id, ...(input.includeFinished ? {} : { active: true }) }, orderBy: { startsAt: 'asc' } });
  const views = rows.map((row) => view(row, now));
  return input.includeFinished ? views : views.filter((v) => v.nextAt !== null);
}

export async function cancelCustomReminder(ctx: CoreContext, id: string) {
  const row = await ctx.db.customReminder.findUnique({ where: { id } });
  if (!row || !canActForAgency(ctx.actor, row.agencyId)) {
    throw new TRPCError({ code: 'NOT_FOUND', message: `Tidak ada pengingat dengan id ${id}; lihat daftarnya (\`/layani pengingat daftar\` atau \`layani reminder list\`). / No such reminder.` });
  }
  if (!row.active) return view(row, ctx.clock.now());
  const updated = await ctx.db.$transaction(async (tx) => {
    const next = await tx.customReminder.update({ where: { id }, data: { active: false } });
    await writeAudit(tx, ctx.actor, { action: 'reminder.cancel', entity: 'CustomReminder', entityId: id, agencyId: row.agencyId, before: { active: true }, after: { active: false } });
    return next;
  });
  ctx.log.info({ actor: ctx.actor.ref, reminderId: id }, 'custom reminder cancelled');
  return view(updated, ctx.clock.now());
}
