import { TRPCError } from '@trpc/server';
import { isAddressedToAgency } from '../broadcasts/broadcast-reach.js';
import type { Actor } from '../auth/actor.js';
import { todayInJakarta } from '../dates/calendar-date.js';
import type { Db } from '../db/client.js';
import type { Button } from '../outbox/outbox-intent.js';
import { careerTopic } from './topics.js';
import { isUniqueViolation } from '../db/unique-violation.js';

/** callback_data of "Saya tertarik" under a career opportunity: `minat:<broadcastId>`. */
export const interestCallbackPrefix = 'minat:';
export const interestButtonLabel = 'Saya tertarik';

export function interestButton(broadcastId: string): Button {
  return { text: interestButtonLabel, data: `${interestCallbackPrefix}${broadcastId}` };
}

/** A career opportunity still open on `today` (WIB): interest may be registered and the button is shown. */
export function isOpenOpportunity(broadcast: { topic: string | null; closesOn: string | null }, today: string): boolean {
  return broadcast.topic === careerTopic && broadcast.closesOn !== null && today <= broadcast.closesOn;
}

/**
 * "Saya tertarik": recorded once per opportunity and employee; the closing reminder goes to these people. Only for
 * opportunities of the employee's own agency that are still open.
 */
export async function registerInterest(db: Db, now: Date, actor: Actor, broadcastId: string): Promise<{ first: boolean; title: string; closesOn: string }> {
  if (!actor.employeeId) throw new TRPCError({ code: 'FORBIDDEN', message: 'Tautkan akun Anda dulu. / Link your account first.' });
  const broadcast = await db.broadcast.findUnique({ where: { id: broadcastId }, select: { agencyId: true, audience: true, topic: true, closesOn: true, title: true, publishedAt: true } });
  if (!broadcast || !actor.agencyId || !(await isAddressedToAgency(db, broadcast, actor.agencyId)) || !broadcast.publishedAt || broadcast.topic !== careerTopic || !broadcast.closesOn) {
    throw new TRPCError({ code: 'NOT_FOUND', message: 'Peluang karier ini tidak ditemukan. / Career opportunity not found.' });
  }
  if (!isOpenOpportunity(broadcast, todayInJakarta(now))) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Pendaftaran untuk peluang ini sudah ditutup. / Applications for this opportunity have closed.' });
  }
  try {
    await db.careerInterest.create({ data: { broadcastId, employeeId: actor.employeeId, at: now } });
    return { first: true, title: broadcast.title, closesOn: broadcast.closesOn };
  } catch (error) {
    if (isUniqueViolation(error)) return { first: false, title: broadcast.title, closesOn: broadcast.closesOn };
    throw error;
  }
}

/** Who pressed "Saya tertarik", for HR: name, unit and rank (no NIP, no phone), in the order they pressed. */
export async function interestedStaff(db: Db, broadcastId: string) {
  const rows = await db.careerInterest.findMany({ where: { broadcastId }, orderBy: { at: 'asc' } });
  const employees = await db.employee.findMany({
    where: { id: { in: rows.map((r) => r.employeeId) } },
    select: { id: true, name: true, unit: true, golongan: true, positionName: true, agencyId: true },
  });
  const byId = new Map(employees.map((e) => [e.id, e]));
  return rows.flatMap((row) => {
    const e = byId.get(row.employeeId);
    return e ? [{ name: e.name, unit: e.unit, golongan: e.golongan, positionName: e.positionName, agencyId: e.agencyId, at: row.at.toISOString(), reminded: row.remindedAt !== null }] : [];
  });
}
