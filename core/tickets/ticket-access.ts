import { TRPCError } from '@trpc/server';
import { canActForAgency, canSeeAgency } from '../auth/actor.js';
import { hasAtLeast } from '../auth/roles.js';
import type { CoreContext } from '../trpc/context.js';

/**
 * Refuses a ticket the HR actor may not handle: another agency's (as if it did not exist), or a confidential one.
 * `read` lets the province role see any agency's ticket; handling it (`act`) stays with the ticket's own agency.
 */
export function assertHrMayHandle<T extends { agencyId: string; confidential: boolean }>(ctx: CoreContext, ticket: T | null | undefined, mode: 'read' | 'act' = 'act'): T {
  const allowed = mode === 'read' ? canSeeAgency : canActForAgency;
  if (!ticket || !allowed(ctx.actor, ticket.agencyId)) {
    throw new TRPCError({ code: 'NOT_FOUND', message: 'Tiket tidak ditemukan. / Ticket not found.' });
  }
  // Confidential tickets (problems with a superior or colleague) are for HR leads only.
  if (ticket.confidential && !hasAtLeast(ctx.actor.role, 'hr_lead')) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Tiket rahasia hanya untuk pimpinan kepegawaian. / Confidential tickets are for HR leads only.' });
  }
  return ticket;
}

export async function ticketForHr(ctx: CoreContext, ticketId: string, mode: 'read' | 'act' = 'act') {
  return assertHrMayHandle(ctx, await ctx.db.ticket.findUnique({ where: { id: ticketId } }), mode);
}

export async function ticketForRequester(ctx: CoreContext, ticketId: string) {
  const ticket = await ctx.db.ticket.findUnique({ where: { id: ticketId } });
  if (!ticket || ticket.requesterId !== ctx.actor.employeeId) {
    throw new TRPCError({ code: 'NOT_FOUND', message: 'Tiket tidak ditemukan. / Ticket not found.' });
  }
  return ticket;
}

/** The Slack user id inside an actor ref ("slack:U123"), for assignment and mentions. */
export function slackUserOf(ctx: CoreContext): string | null {
  return ctx.actor.ref.startsWith('slack:') ? ctx.actor.ref.slice('slack:'.length) : null;
}

/** A stored assignee or mention that is a Slack user id ("U…"/"W…"), or null for anything else (CLI, token refs). */
export function slackUserIdOf(ref: string | null | undefined): string | null {
  return ref && /^[UW][A-Z0-9]+$/.test(ref) ? ref : null;
}
