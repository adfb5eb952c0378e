import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { canActForAgency } from '../auth/actor.js';
import { digest, newLinkCode } from '../auth/secrets.js';
import { writeAudit } from '../audit/audit-log.js';
import { bulkInsert, databaseKindOf } from '../db/bulk-insert.js';
import { nipSchema } from '../records/employee.js';
import type { CoreContext } from '../trpc/context.js';

export const bulkLinkCodesInputSchema = z.object({
  /** The agency (default: the actor's own, or the deployment's default one for the operator). */
  agencyCode: z.string().trim().toUpperCase().optional(),
  /** Only this unit (exact name as in the records). */
  unit: z.string().trim().min(1).optional(),
  /** Only these employees (e.g. the NIPs of a file). */
  nips: z.array(nipSchema).optional(),
  /**
   * Also issue a new code to whoever is already linked or still holds an unused, unexpired code (their old code
   * stops working). Without it they are left out and counted, so printing a sheet twice never voids codes already
   * handed out.
   */
  reissue: z.boolean().default(false),
});
export type BulkLinkCodesInput = z.input<typeof bulkLinkCodesInputSchema>;

/** One printed slip. The code is shown here once and never stored in plain text. */
export interface LinkCodeSlip {
  name: string;
  nip: string;
  unit: string;
  code: string;
  expiresAt: Date;
}

export interface BulkLinkCodes {
  agency: { code: string; name: string };
  slips: LinkCodeSlip[];
  /** Left out (pass `reissue` to include them). */
  alreadyLinked: number;
  holdingLiveCode: number;
  /** NIPs asked for that are not active employees of the agency. */
  notFound: string[];
}

const chunk = 500;

/**
 * Link codes for a whole agency, one unit or a list of NIPs in one go (one transaction, batched inserts): the
 * onboarding of an agency's 2,000 staff is one command instead of 2,000. Sorted by unit and name, as HR hands
 * the slips out.
 */
export async function issueLinkCodesInBulk(ctx: CoreContext, rawInput: BulkLinkCodesInput): Promise<BulkLinkCodes> {
  const input = bulkLinkCodesInputSchema.parse(rawInput);
  const agency = input.agencyCode
    ? await ctx.settings.agencies.byCode(input.agencyCode)
    : ctx.actor.agencyId
      ? await ctx.settings.agencies.byId(ctx.actor.agencyId)
      : await ctx.settings.agencies.defaultAgency();
  if (!agency) throw new TRPCError({ code: 'NOT_FOUND', message: `Instansi ${input.agencyCode} tidak terdaftar; lihat \`layani agency list\`. / No such agency.` });
  if (!canActForAgency(ctx.actor, agency.id)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: `Kode tautan instansi ${agency.code} hanya dapat dibuat oleh tim kepegawaiannya sendiri. / Not allowed for ${agency.code}.` });
  }
  const now = ctx.clock.now();
  const employees = await ctx.db.employee.findMany({
    where: { agencyId: agency.id, active: true, ...(input.unit ? { unit: input.unit } : {}), ...(input.nips ? { nip: { in: input.nips } } : {}) },
    select: { id: true, nip: true, name: true, unit: true },
    orderBy: [{ unit: 'asc' }, { name: 'asc' }],
  });
  const notFound = input.nips ? input.nips.filter((nip) => !employees.some((e) => e.nip === nip)) : [];
  const ids = employees.map((e) => e.id);
  const linked = new Set<string>();
  const live = new Set<string>();
  for (let i = 0; i < ids.length; i += chunk) {
    const part = ids.slice(i, i + chunk);
    for (const row of await ctx.db.chatIdentity.findMany({ where: { employeeId: { in: part }, platform: 'telegram' }, select: { employeeId: true } })) linked.add(row.employeeId);
    for (const row of await ctx.db.linkCode.findMany({ where: { employeeId: { in: part }, usedAt: null, expiresAt: { gt: now } }, select: { employeeId: true } })) live.add(row.employeeId);
  }
  const chosen = input.reissue ? employees : employees.filter((e) => !linked.has(e.id) && !live.has(e.id));
  const expiresAt = new Date(now.getTime() + ctx.settings.linkCodeTtlHours * 3_600_000);
  const slips: LinkCodeSlip[] = chosen.map((e) => ({ name: e.name, nip: e.nip, unit: e.unit, code: newLinkCode(), expiresAt }));
  const kind = databaseKindOf(ctx.db);
  await ctx.db.$transaction(async (tx) => {
    for (let i = 0; i < chosen.length; i += chunk) {
      const part = chosen.slice(i, i + chunk);
      // At most one valid code per employee: a re-issued code voids the one handed out before.
      if (input.reissue) await tx.linkCode.updateMany({ where: { employeeId: { in: part.map((e) => e.id) }, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
      await bulkInsert(
        tx,
        kind,
        'LinkCode',
        ['id', 'employeeId', 'codeHash', 'expiresAt', 'createdBy', 'createdAt'],
        part.map((e, j) => [randomUUID(), e.id, digest(slips[i + j]!.code), expiresAt, ctx.actor.ref, now]),
      );
    }
    await writeAudit(tx, ctx.actor, {
      action: 'linkCode.issueBulk',
      entity: 'Agency',
      entityId: agency.id,
      agencyId: agency.id,
      after: { issued: slips.length, unit: input.unit ?? null, nips: input.nips?.length ?? null, reissue: input.reissue, expiresAt },
    });
  });
  ctx.log.info({ agency: agency.code, issued: slips.length, reissue: input.reissue }, 'link codes issued in bulk');
  return {
    agency: { code: agency.code, name: agency.name },
    slips,
    alreadyLinked: input.reissue ? 0 : employees.filter((e) => linked.has(e.id)).length,
    holdingLiveCode: input.reissue ? 0 : employees.filter((e) => !linked.has(e.id) && live.has(e.id)).length,
    notFound,
  };
}
