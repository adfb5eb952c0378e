import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { computeCareerDates } from '../career/index.js';
import { todayOf } from '../clock/clock.js';
import { canActForAgency, canSeeAgency } from '../auth/actor.js';
import { writeAudit } from '../audit/audit-log.js';
import type { CoreContext } from '../trpc/context.js';
import { adminProcedure, hrOfficerProcedure, router, staffProcedure } from '../trpc/init.js';
import { calendarDateSchema, employeeRecordSchema, nipSchema } from './employee.js';
import { changedFields, toEmployeeRecord, type EmployeeRow } from './employee-row.js';
import { ownEmployee, readableEmployee } from './employee-access.js';
import { pangkatName } from './pangkat.js';
import { ensureAgency, findAgencyByCode } from './agencies.js';
import { saveEmployees } from './save-employees.js';
import { recomputeRemindersAfterSave } from '../reminders/recompute-after-save.js';

function profile(row: EmployeeRow) {
  return { id: row.id, agencyId: row.agencyId, ...toEmployeeRecord(row), pangkat: pangkatName(row.golongan) };
}

export const recordsRouter = router({
  /** The caller's own record. */
  me: staffProcedure.query(async ({ ctx }) => profile(await ownEmployee(ctx))),

  /** One record by NIP: staff may ask only for their own, HR for anyone in their agency. */
  get: staffProcedure
    .input(z.object({ nip: nipSchema }))
    .query(async ({ ctx, input }) => profile(await readableEmployee(ctx, input.nip))),

  /** Next KGB, KP and pension dates with reasons, for the caller or (HR) for a NIP. */
  careerDates: staffProcedure
    .input(z.object({ nip: nipSchema.optional(), asOf: calendarDateSchema.optional() }).optional())
    .query(async ({ ctx, input }) => {
      const row = await readableEmployee(ctx, input?.nip);
      const asOf = input?.asOf ?? todayOf(ctx.clock);
      return { nip: row.nip, asOf, ...computeCareerDates(toEmployeeRecord(row), asOf, ctx.settings.careerRules) };
    }),

  list: hrOfficerProcedure
    .input(
      z.object({
        unit: z.string().optional(),
        activeOnly: z.boolean().default(true),
        cursor: z.string().optional(),
        limit: z.number().int().min(1).max(500).default(100),
      }),
    )
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db.employee.findMany({
        where: {
          // The province role reads every agency's staff; everyone else their own agency's.
          ...(ctx.actor.agencyId && !ctx.actor.province ? { agencyId: ctx.actor.agencyId } : {}),
          ...(input.unit ? { unit: input.unit } : {}),
          ...(input.activeOnly ? { active: true } : {}),
        },
        orderBy: { nip: 'asc' },
        take: input.limit + 1,
        ...(input.cursor ? { cursor: { nip: input.cursor }, skip: 1 } : {}),
      });
      const page = rows.slice(0, input.limit);
      return { items: page.map(profile), nextCursor: rows.length > input.limit ? page.at(-1)!.nip : null };
    }),

  /** Creates or replaces one record (by NIP); every change is audited. */
  upsert: adminProcedure
    .input(z.object({ record: employeeRecordSchema, agencyCode: z.string().optional() }))
    .mutation(async ({ ctx, input }) => {
      const agency = await resolveWritableAgency(ctx, input.agencyCode);
      const summary = await saveEmployees(ctx.db, ctx.actor, agency.id, [input.record]);
      const row = await ctx.db.employee.findUniqueOrThrow({ where: { nip: input.record.nip } });
      if (summary.created + summary.updated > 0) await recomputeRemindersAfterSave(ctx, row.id);
      return { ...summary, employee: profile(row) };
    }),

  setActive: adminProcedure
    .input(z.object({ nip: nipSchema, active: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const row = await ctx.db.employee.findUnique({ where: { nip: input.nip } });
      if (!row || !canActForAgency(ctx.actor, row.agencyId)) {
        throw new TRPCError({ code: 'NOT_FOUND', message: 'Tidak ada pegawai dengan NIP tersebut. / No employee has that NIP.' });
      }
      const updated = await ctx.db.$transaction(async (tx) => {
        const next = await tx.employee.update({ where: { id: row.id }, data: { active: input.active } });
        const diff = changedFields(toEmployeeRecord(row), toEmployeeRecord(next));
        if (diff) {
          await writeAudit(tx, ctx.actor, {
            action: 'employee.update', entity: 'Employee', entityId: row.id, agencyId: row.agencyId, ...diff,
          });
        }
        return next;
      });
      return profile(updated);
    }),
});

async function resolveWritableAgency(ctx: CoreContext, agencyCode: string | undefined) {
  const code = agencyCode ?? ctx.settings.defaultAgencyCode;
  const agency = (await findAgencyByCode(ctx.db, code)) ?? (ctx.actor.agencyId === null ? await ensureAgency(ctx.db, code) : null);
  if (!agency || !canActForAgency(ctx.actor, agency.id)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: `Tidak berwenang atas instansi ${code}. / Not allowed for agency ${code}.` });
  }
  return agency;
}
