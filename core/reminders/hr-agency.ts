import { TRPCError } from '@trpc/server';
import { canActForAgency, canSeeAgency } from '../auth/actor.js';
import { findAgencyByCode } from '../records/agencies.js';
import type { CoreContext } from '../trpc/context.js';

/**
 * The agency an HR action is about: the one named (if the actor may act for it), else the actor's own, else (the
 * CLI and admins bound to no agency) the deployment's default agency. The province role reads any agency
 * (`read`) but writes only for its own.
 */
export async function agencyForHr(ctx: CoreContext, agencyCode?: string, mode: 'read' | 'act' = 'act'): Promise<{ id: string; code: string; name: string }> {
  const agency = agencyCode
    ? await findAgencyByCode(ctx.db, agencyCode)
    : ctx.actor.agencyId
      ? await ctx.db.agency.findUnique({ where: { id: ctx.actor.agencyId } })
      : await findAgencyByCode(ctx.db, ctx.settings.defaultAgencyCode);
  if (!agency) {
    throw new TRPCError({ code: 'NOT_FOUND', message: `Instansi ${agencyCode ?? ''} tidak ada; lihat \`layani agency list\`. / No such agency.` });
  }
  if (!(mode === 'read' ? canSeeAgency : canActForAgency)(ctx.actor, agency.id)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: `Tidak berwenang atas instansi ${agency.code}. / Not allowed for agency ${agency.code}.` });
  }
  return agency;
}
