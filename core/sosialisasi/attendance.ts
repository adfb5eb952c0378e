import { TRPCError } from '@trpc/server';
import type { Actor } from '../auth/actor.js';
import { writeAudit } from '../audit/audit-log.js';
import { formatIndonesian, todayInJakarta } from '../dates/calendar-date.js';
import type { Db } from '../db/client.js';
import { normaliseCheckInCode } from './check-in-code.js';
import { employeeOf } from './invitees.js';
import type { StoredSession } from './session-service.js';
import { sessionDay } from './session-time.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { isCalledOff, sessionStatusLabels, staffRefusal } from './session-lifecycle.js';

async function recordAttendance(db: Db, sessionId: string, employeeId: string, via: 'checkin' | 'hr', markedBy: string, now: Date): Promise<boolean> {
  try {
    await db.sessionAttendance.create({ data: { sessionId, employeeId, via, markedBy, at: now } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * `/hadir KODE`: the code announced in the room, valid on the session day only. Anyone of the session's agency who
 * is there may check in (walk-ins too); checking in twice changes nothing.
 */
export async function checkIn(db: Db, now: Date, actor: Actor, code: string): Promise<{ first: boolean; session: StoredSession }> {
  const employee = await employeeOf(db, actor);
  const normalised = normaliseCheckInCode(code);
  const session = normalised.length === 6 ? await db.sosialisasiSession.findUnique({ where: { checkInCode: normalised } }) : null;
  if (!session || session.agencyId !== employee.agencyId) {
    throw new TRPCError({ code: 'NOT_FOUND', message: 'Kode kehadiran tidak dikenal. Periksa kode yang diumumkan di ruangan. / Unknown check-in code.' });
  }
  // A session that did not take place says so, rather than pretending the code is unknown.
  if (isCalledOff(session.status)) throw staffRefusal(session, 'checkin')!;
  const day = sessionDay(session);
  if (todayInJakarta(now) !== day) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: `Kode ini hanya berlaku pada hari sesi, ${formatIndonesian(day)}. / This code is valid on the session day only.` });
  }
  return { first: await recordAttendance(db, session.id, employee.id, 'checkin', actor.ref, now), session };
}

/** HR marks people present by NIP (e.g. from the paper attendance list); unknown NIPs are reported back. */
export async function markAttendance(db: Db, now: Date, actor: Actor, session: StoredSession, nips: string[]): Promise<{ marked: number; already: number; unknown: string[] }> {
  if (isCalledOff(session.status)) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: `Sesi #${session.number} ${sessionStatusLabels[session.status]}; kehadiran tidak dicatat. / The session was called off.` });
  }
  const wanted = [...new Set(nips)];
  const employees = await db.employee.findMany({ where: { nip: { in: wanted }, agencyId: session.agencyId }, select: { id: true, nip: true } });
  const known = new Set(employees.map((e) => e.nip));
  let marked = 0;
  for (const employee of employees) if (await recordAttendance(db, session.id, employee.id, 'hr', actor.ref, now)) marked++;
  await writeAudit(db, actor, { action: 'sosialisasi.attendance', entity: 'SosialisasiSession', entityId: session.id, agencyId: session.agencyId, after: { marked } });
  return { marked, already: employees.length - marked, unknown: wanted.filter((nip) => !known.has(nip)) };
}
