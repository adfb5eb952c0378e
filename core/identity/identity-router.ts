import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { canActForAgency } from '../auth/actor.js';
import { roleSchema } from '../auth/roles.js';
import { writeAudit } from '../audit/audit-log.js';
import { nipSchema } from '../records/employee.js';
import { adminProcedure, hrOfficerProcedure, router } from '../trpc/init.js';
import { bulkLinkCodesInputSchema, issueLinkCodesInBulk } from './bulk-link-codes.js';
import { liftLinkLockouts, linkWithCode } from './link-attempts.js';
import { issueLinkCode, redeemLinkCode } from './link-codes.js';

export const identityRouter = router({
  /** HR issues a one-time code for an employee; the plaintext is shown once and never stored. */
  issueLinkCode: hrOfficerProcedure.input(z.object({ nip: nipSchema })).mutation(async ({ ctx, input }) => {
    const employee = await ctx.db.employee.findUnique({ where: { nip: input.nip } });
    if (!employee || !canActForAgency(ctx.actor, employee.agencyId)) {
      throw new TRPCError({ code: 'NOT_FOUND', message: 'Tidak ada pegawai dengan NIP tersebut. / No employee has that NIP.' });
    }
    if (!employee.active) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: 'Pegawai ini tidak aktif. / This employee is not active.' });
    }
    const issued = await issueLinkCode(ctx.db, ctx.clock, ctx.actor, employee.id, ctx.settings.linkCodeTtlHours);
    return { code: issued.code, expiresAt: issued.expiresAt.toISOString(), name: employee.name };
  }),

  /** HR lifts the lock left by five wrong codes, for an employee who asks (see liftLinkLockouts). */
  liftLinkLockouts: hrOfficerProcedure.input(z.object({ nip: nipSchema })).mutation(async ({ ctx, input }) => {
    const employee = await ctx.db.employee.findUnique({ where: { nip: input.nip } });
    if (!employee || !canActForAgency(ctx.actor, employee.agencyId)) {
      throw new TRPCError({ code: 'NOT_FOUND', message: 'Tidak ada pegawai dengan NIP tersebut. / No employee has that NIP.' });
    }
    return { lifted: await liftLinkLockouts(ctx.db, ctx.clock, ctx.actor, { employeeId: employee.id, agencyId: employee.agencyId }) };
  }),

  /**
   * Codes for a whole agency, a unit or a list of NIPs in one go (printable sheets are made from the answer). Staff
   * already linked or holding a valid code are left out unless `reissue`.
   */
  issueLinkCodesBulk: hrOfficerProcedure.input(bulkLinkCodesInputSchema).mutation(async ({ ctx, input }) => {
    const result = await issueLinkCodesInBulk(ctx, input);
    return { ...result, slips: result.slips.map((slip) => ({ ...slip, expiresAt: slip.expiresAt.toISOString() })) };
  }),

  /** Used by the chat adapters (system actor) when someone sends a code. */
  redeemLinkCode: adminProcedure
    .input(z.object({ code: z.string().min(4).max(40), platform: z.enum(['telegram', 'slack']), externalId: z.string().min(1) }))
    .mutation(({ ctx, input }) => redeemLinkCode(ctx.db, ctx.clock, ctx.actor, input)),

  /** A chat adapter (system actor) passes on a code someone typed; five wrong codes in an hour block further tries. */
  linkWithCode: adminProcedure
    .input(
      z.object({
        code: z.string().min(1).max(40),
        platform: z.enum(['telegram', 'slack']),
        externalId: z.string().min(1),
        /** Queue the welcome and the announcements still in force for the chat, with the link (the bot's /start). */
        tellChat: z.boolean().default(false),
        /** The chat's language, for what is queued with the link. */
        lang: z.enum(['id', 'en']).optional(),
      }),
    )
    .mutation(({ ctx, input }) => linkWithCode(ctx.db, ctx.clock, ctx.actor, input)),

  grantRole: adminProcedure
    .input(z.object({ nip: nipSchema, role: roleSchema }))
    .mutation(async ({ ctx, input }) => {
      const employee = await ctx.db.employee.findUnique({ where: { nip: input.nip } });
      if (!employee || !canActForAgency(ctx.actor, employee.agencyId)) {
        throw new TRPCError({ code: 'NOT_FOUND', message: 'Tidak ada pegawai dengan NIP tersebut. / No employee has that NIP.' });
      }
      await ctx.db.$transaction(async (tx) => {
        await tx.roleAssignment.upsert({
          where: { employeeId_role: { employeeId: employee.id, role: input.role } },
          create: { employeeId: employee.id, role: input.role },
          update: {},
        });
        await writeAudit(tx, ctx.actor, {
          action: 'role.grant', entity: 'Employee', entityId: employee.id, agencyId: employee.agencyId, after: { role: input.role },
        });
      });
      return { ok: true };
    }),
});
