import { TRPCError } from '@trpc/server';
import { canSeeAgency } from '../auth/actor.js';
import { hasAtLeast } from '../auth/roles.js';
import { writeAudit } from '../audit/audit-log.js';
import type { CoreContext } from '../trpc/context.js';
import type { EmployeeRow } from './employee-row.js';

/** The error for an actor with no employee record behind it. */
export const notLinked = () =>
  new TRPCError({
    code: 'PRECONDITION_FAILED',
    message:
      'Akun ini belum tertaut ke data pegawai. Minta kode tautan ke petugas kepegawaian. / ' +
      'This account is not linked to an employee record yet: ask HR for a link code.',
  });

/** The actor's own employee record. */
export async function ownEmployee(ctx: CoreContext): Promise<EmployeeRow> {
  if (!ctx.actor.employeeId) throw notLinked();
  const row = await ctx.db.employee.findUnique({ where: { id: ctx.actor.employeeId } });
  if (!row) throw notLinked();
  return row;
}

/**
 * An employee the actor may read: staff only themselves; HR roles anyone in their agency. A refused attempt is
 * written to the audit log, since someone probing other people's records is exactly what HR must be able to see.
 */
export async function readableEmployee(ctx: CoreContext, nip: string | undefined): Promise<EmployeeRow> {
  if (nip === undefined) return ownEmployee(ctx);
  const row = await ctx.db.employee.findUnique({ where: { nip } });
  const allowed =
    row !== null &&
    (row.id === ctx.actor.employeeId || (hasAtLeast(ctx.actor.role, 'hr_officer') && canSeeAgency(ctx.actor, row.agencyId)));
  if (allowed) return row;
  if (row === null && hasAtLeast(ctx.actor.role, 'hr_officer') && ctx.actor.agencyId === null) {
    throw new TRPCError({ code: 'NOT_FOUND', message: 'Tidak ada pegawai dengan NIP tersebut. / No employee has that NIP.' });
  }
  await writeAudit(ctx.db, ctx.actor, {
    action: 'employee.read',
    entity: 'Employee',
    entityId: row?.id ?? null,
    agencyId: ctx.actor.agencyId,
    outcome: 'denied',
  });
  ctx.log.warn({ actor: ctx.actor.ref, action: 'employee.read' }, 'access to another employee record refused');
  throw new TRPCError({
    code: 'FORBIDDEN',
    message: 'Anda hanya dapat melihat data Anda sendiri. / You can only see your own record.',
  });
}
