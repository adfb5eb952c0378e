import { TRPCError } from '@trpc/server';
import type { Actor } from '../auth/actor.js';
import { resolveAudienceMembers } from '../audience/resolve-audience.js';
import type { Db } from '../db/client.js';
import { employeeOf, isInvited } from './invitees.js';
import { rsvpAnswers, type RsvpAnswer } from './session-input.js';
import { assertOpenTo, findSession, sessionAudienceOf, type StoredSession } from './session-service.js';

export type RsvpOutcome =
  | { result: 'saved'; answer: RsvpAnswer; changed: boolean; session: StoredSession }
  /** "Hadir" refused: every seat is taken. `onlineOffered` when the session can be followed online. */
  | { result: 'full'; onlineOffered: boolean; session: StoredSession };

/**
 * An invited employee answers Hadir, Tidak hadir or Online; the latest answer counts. Seats are taken with a
 * conditional update of the session's counter, so two people pressing "Hadir" for the last seat at the same moment
 * cannot both get it, whichever instance serves them.
 */
export async function answerRsvp(db: Db, now: Date, actor: Actor, sessionId: string, answer: RsvpAnswer): Promise<RsvpOutcome> {
  const employee = await employeeOf(db, actor);
  const session = await findSession(db, actor, { sessionId });
  assertOpenTo(session, 'rsvp');
  if (session.endsAt <= now) throw new TRPCError({ code: 'BAD_REQUEST', message: `Sesi #${session.number} sudah berakhir. / The session is over.` });
  if (!(await isInvited(db, session, employee))) throw new TRPCError({ code: 'FORBIDDEN', message: 'Anda tidak termasuk peserta undangan sesi ini. / You are not invited to this session.' });
  if (answer === 'hadir' && !session.place) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Sesi ini hanya daring; pilih Online. / This session is online only.' });
  if (answer === 'online' && !session.onlineLink) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Sesi ini tidak daring; pilih Hadir atau Tidak hadir. / This session is not online.' });
  const outcome = await db.$transaction(async (tx): Promise<RsvpOutcome> => {
    const previous = await tx.sessionRsvp.findUnique({ where: { sessionId_employeeId: { sessionId, employeeId: employee.id } } });
    if (previous?.answer === answer) return { result: 'saved', answer, changed: false, session };
    if (answer === 'hadir') {
      const { count } = await tx.sosialisasiSession.updateMany({
        where: { id: sessionId, ...(session.capacity !== null ? { seatsTaken: { lt: session.capacity } } : {}) },
        data: { seatsTaken: { increment: 1 } },
      });
      if (count === 0) return { result: 'full', onlineOffered: session.onlineLink !== null, session };
    }
    if (previous?.answer === 'hadir') await tx.sosialisasiSession.update({ where: { id: sessionId }, data: { seatsTaken: { decrement: 1 } } });
    await tx.sessionRsvp.upsert({
      where: { sessionId_employeeId: { sessionId, employeeId: employee.id } },
      create: { sessionId, employeeId: employee.id, answer, at: now },
      update: { answer, at: now },
    });
    return { result: 'saved', answer, changed: true, session };
  });
  return outcome;
}

export interface RsvpCounts {
  hadir: number;
  tidak: number;
  online: number;
  /** Invited and not answered yet. */
  belum: number;
  /** Checked in or marked present by HR. */
  attended: number;
}

export interface RsvpReport {
  sessionId: string;
  number: number;
  title: string;
  capacity: number | null;
  seatsTaken: number;
  invited: number;
  total: RsvpCounts;
  byUnit: Array<{ unit: string } & RsvpCounts>;
  /** Who answered what, by unit (names only: no NIP or phone). */
  people: Array<{ name: string; unit: string; answer: RsvpAnswer | null; attended: boolean }>;
}

const emptyCounts = (): RsvpCounts => ({ hadir: 0, tidak: 0, online: 0, belum: 0, attended: 0 });

/** The RSVP list for HR: counts per unit and who said what; walk-ins who checked in without an answer count too. */
export async function rsvpReport(db: Db, session: StoredSession): Promise<RsvpReport> {
  const [invited, rsvps, attendance] = await Promise.all([
    resolveAudienceMembers(db, session.agencyId, sessionAudienceOf(session)),
    db.sessionRsvp.findMany({ where: { sessionId: session.id } }),
    db.sessionAttendance.findMany({ where: { sessionId: session.id }, select: { employeeId: true } }),
  ]);
  const answers = new Map(rsvps.map((r) => [r.employeeId, r.answer as RsvpAnswer]));
  const attended = new Set(attendance.map((a) => a.employeeId));
  const ids = new Set([...invited.map((m) => m.employeeId), ...answers.keys(), ...attended]);
  const employees = new Map<string, { name: string; unit: string }>();
  const idList = [...ids];
  for (let start = 0; start < idList.length; start += 400) {
    for (const e of await db.employee.findMany({ where: { id: { in: idList.slice(start, start + 400) } }, select: { id: true, name: true, unit: true } })) employees.set(e.id, e);
  }
  const units = new Map<string, RsvpCounts>();
  const total = emptyCounts();
  const people: RsvpReport['people'] = [];
  for (const id of ids) {
    const employee = employees.get(id);
    if (!employee) continue;
    const answer = answers.get(id) ?? null;
    const counts = units.get(employee.unit) ?? units.set(employee.unit, emptyCounts()).get(employee.unit)!;
    for (const c of [counts, total]) {
      c[answer ?? 'belum']++;
      if (attended.has(id)) c.attended++;
    }
    people.push({ name: employee.name, unit: employee.unit, answer, attended: attended.has(id) });
  }
  const order = (a: RsvpAnswer | null) => (a === null ? rsvpAnswers.length : rsvpAnswers.indexOf(a));
  people.sort((a, b) => a.unit.localeCompare(b.unit) || order(a.answer) - order(b.answer) || a.name.localeCompare(b.name));
  return {
    sessionId: session.id,
    number: session.number,
    title: session.title,
    capacity: session.capacity,
    seatsTaken: session.seatsTaken,
    invited: invited.length,
    total,
    byUnit: [...units.entries()].map(([unit, counts]) => ({ unit, ...counts })).sort((a, b) => a.unit.localeCompare(b.unit)),
    people,
  };
}
