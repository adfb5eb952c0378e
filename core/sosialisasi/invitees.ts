import { TRPCError } from '@trpc/server';
import type { Actor } from '../auth/actor.js';
import { audienceMatcher } from '../audience/audience-matcher.js';
import type { Db } from '../db/client.js';
import { sessionAudienceOf, type StoredSession } from './session-service.js';

/** The employee behind a staff actor, with what an audience looks at. */
export async function employeeOf(db: Db, actor: Actor) {
  if (!actor.employeeId) throw new TRPCError({ code: 'FORBIDDEN', message: 'Tautkan akun Anda dulu. / Link your account first.' });
  const employee = await db.employee.findUnique({
    where: { id: actor.employeeId },
    select: { id: true, agencyId: true, name: true, nip: true, unit: true, golongan: true, positionType: true },
  });
  if (!employee) throw new TRPCError({ code: 'FORBIDDEN', message: 'Data kepegawaian Anda tidak ditemukan. / Your record was not found.' });
  return employee;
}

export type SessionEmployee = Awaited<ReturnType<typeof employeeOf>>;

/** Invited: in the session's audience as their record reads now, or sent the invitation when it went out. */
export async function isInvited(db: Db, session: StoredSession, employee: SessionEmployee): Promise<boolean> {
  if (session.agencyId !== employee.agencyId) return false;
  if (audienceMatcher(sessionAudienceOf(session))(employee)) return true;
  if (!session.invitationBroadcastId) return false;
  return (await db.broadcastDelivery.count({ where: { broadcastId: session.invitationBroadcastId, employeeId: employee.id } })) > 0;
}
