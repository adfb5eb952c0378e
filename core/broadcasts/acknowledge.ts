import { TRPCError } from '@trpc/server';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../clock/clock.js';
import type { Db } from '../db/client.js';
import { insertOnce } from '../db/unique-violation.js';
import { isAddressedToAgency } from './broadcast-reach.js';

/** "Saya sudah membaca dan memahami": recorded once per broadcast and employee; pressing again changes nothing. */
export async function acknowledgeBroadcast(db: Db, clock: Clock, actor: Actor, broadcastId: string, via: 'telegram' | 'api'): Promise<{ first: boolean; number: number }> {
  if (!actor.employeeId) throw new TRPCError({ code: 'FORBIDDEN', message: 'Tautkan akun Anda dulu agar konfirmasi tercatat. / Link your account first.' });
  const broadcast = await db.broadcast.findUnique({ where: { id: broadcastId }, select: { id: true, agencyId: true, audience: true, needsAck: true, number: true } });
  if (!broadcast || !actor.agencyId || !(await isAddressedToAgency(db, broadcast, actor.agencyId))) throw new TRPCError({ code: 'NOT_FOUND', message: 'Siaran ini tidak ditemukan. / Broadcast not found.' });
  if (!broadcast.needsAck) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Siaran ini tidak memerlukan konfirmasi. / This broadcast needs no confirmation.' });
  const employeeId = actor.employeeId;
  const first = await insertOnce(() => db.broadcastAck.create({ data: { broadcastId, employeeId, at: clock.now(), via } }));
  return { first, number: broadcast.number };
}
