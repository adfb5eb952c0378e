import { TRPCError } from '@trpc/server';
import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/client.js';
import { createNameMasker, maskPersonalData } from '../faq/answer/mask.js';
import { employeeOf, isInvited, type SessionEmployee } from './invitees.js';
import { themeLabel, themeOf, themeOrder, type QuestionTheme } from './question-themes.js';
import { assertOpenTo, findSession, type StoredSession } from './session-service.js';
import { isCalledOff, materialsStateOf, mayResubmitMaterials, staffRefusal } from './session-lifecycle.js';
import { isUniqueViolation } from '../db/unique-violation.js';

export const maxQuestionLength = 1000;
/** Enough for anyone with a real question; stops one person flooding the speaker's list. */
export const maxQuestionsPerPerson = 10;

/** Sessions an employee may ask questions for: invited, not over, not cancelled; soonest first. */
export async function sessionsOpenForQuestions(db: Db, now: Date, employee: SessionEmployee): Promise<StoredSession[]> {
  const sessions = await db.sosialisasiSession.findMany({
    where: { agencyId: employee.agencyId, status: 'scheduled', endsAt: { gt: now } },
    orderBy: { startsAt: 'asc' },
  });
  const open: StoredSession[] = [];
  for (const session of sessions) if (await isInvited(db, session, employee)) open.push(session);
  return open;
}

/**
 * When no session takes questions from the employee, why: the most recent session they were invited to that was
 * called off and would still be running, as the refusal to show; null when there is none (nothing is planned).
 */
export async function noQuestionsReason(db: Db, now: Date, actor: Actor): Promise<TRPCError | null> {
  const employee = await employeeOf(db, actor);
  const calledOff = await db.sosialisasiSession.findMany({
    where: { agencyId: employee.agencyId, status: { in: ['cancelled', 'rejected'] }, endsAt: { gt: now } },
    orderBy: { finishedAt: 'desc' },
    take: 5,
  });
  for (const session of calledOff) if (await isInvited(db, session, employee)) return staffRefusal(session, 'question');
  return null;
}

export async function openSessionsFor(db: Db, now: Date, actor: Actor) {
  const employee = await employeeOf(db, actor);
  return (await sessionsOpenForQuestions(db, now, employee)).map((s) => ({ sessionId: s.id, number: s.number, title: s.title, startsAt: s.startsAt.toISOString() }));
}

/**
 * A question for the speaker, before or during the session. Stored masked: NIP, NIK, phone numbers, e-mail
 * addresses and the asker's own name never reach the speaker's list, the materials or the FAQ drafts.
 */
/** Whether the employee may ask this session a question now; throws the reason when not. */
export async function assertMayAsk(db: Db, now: Date, actor: Actor, sessionId: string): Promise<{ employee: SessionEmployee; session: StoredSession }> {
  const employee = await employeeOf(db, actor);
  const session = await findSession(db, actor, { sessionId });
  assertOpenTo(session, 'question');
  if (session.endsAt <= now) throw new TRPCError({ code: 'BAD_REQUEST', message: `Sesi #${session.number} sudah berakhir; pertanyaan tidak dapat dikirim lagi. / The session is over.` });
  if (!(await isInvited(db, session, employee))) throw new TRPCError({ code: 'FORBIDDEN', message: 'Anda tidak termasuk peserta undangan sesi ini. / You are not invited to this session.' });
  return { employee, session };
}

export async function askQuestion(db: Db, now: Date, actor: Actor, sessionId: string, text: string): Promise<{ number: number; session: StoredSession }> {
  const { employee, session } = await assertMayAsk(db, now, actor, sessionId);
  const trimmed = text.trim();
  if (trimmed.length < 5) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Tulis pertanyaan Anda, paling sedikit 5 karakter. / Write your question.' });
  if (trimmed.length > maxQuestionLength) throw new TRPCError({ code: 'BAD_REQUEST', message: `Pertanyaan terlalu panjang (maksimal ${maxQuestionLength} karakter). / The question is too long.` });
  const asked = await db.sessionQuestion.count({ where: { sessionId, employeeId: employee.id } });
  if (asked >= maxQuestionsPerPerson) throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: `Anda sudah mengirim ${maxQuestionsPerPerson} pertanyaan untuk sesi ini. / You have sent the most questions allowed.` });
  const masked = maskPersonalData(trimmed, createNameMasker([employee.name]));
  for (let attempt = 0; ; attempt++) {
    try {
      const created = await db.$transaction(async (tx) => {
        const last = await tx.sessionQuestion.findFirst({ where: { sessionId }, orderBy: { number: 'desc' }, select: { number: true } });
        return tx.sessionQuestion.create({
          data: { sessionId, number: (last?.number ?? 0) + 1, employeeId: employee.id, text: masked, theme: themeOf(masked), askedAt: now },
        });
      });
      return { number: created.number, session };
    } catch (error) {
      // Two questions at the same moment took the same number: take the next.
      if (isUniqueViolation(error) && attempt < 5) continue;
      throw error;
    }
  }
}

export interface QuestionGroup {
  theme: QuestionTheme;
  label: string;
  questions: Array<{ number: number; text: string; askedAt: string; answer: string | null }>;
}

/** The questions for the speaker, grouped by theme (information topics first, "Lainnya" last), in the order asked. */
export async function groupedQuestions(db: Db, session: StoredSession): Promise<QuestionGroup[]> {
  const questions = await db.sessionQuestion.findMany({ where: { sessionId: session.id }, orderBy: { number: 'asc' } });
  return themeOrder
    .map((theme) => ({
      theme,
      label: themeLabel(theme),
      questions: questions.filter((q) => q.theme === theme).map((q) => ({ number: q.number, text: q.text, askedAt: q.askedAt.toISOString(), answer: q.answer })),
    }))
    .filter((group) => group.questions.length > 0);
}

/** HR writes down the answer given in the session (identifiers masked: it goes to the whole audience). */
export async function answerQuestion(db: Db, now: Date, actor: Actor, session: StoredSession, number: number, answer: string) {
  if (isCalledOff(session.status)) throw new TRPCError({ code: 'BAD_REQUEST', message: `Sesi #${session.number} sudah dibatalkan. / The session was called off.` });
  // After a lead rejected the materials, answers may still be corrected before they are sent again.
  if (session.status === 'finished') {
    const materials = session.materialsBroadcastId ? await db.broadcast.findUnique({ where: { id: session.materialsBroadcastId }, select: { status: true } }) : null;
    if (!mayResubmitMaterials(materialsStateOf(materials?.status ?? null))) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: `Sesi #${session.number} sudah ditutup dan materinya dikirim atau menunggu persetujuan; jawaban tidak dapat diubah lagi. / The session's materials are sent or awaiting approval.` });
    }
  }
  const question = await db.sessionQuestion.findUnique({ where: { sessionId_number: { sessionId: session.id, number } }, select: { employeeId: true } });
  // Speakers answer people by name ("Bu Dewi, …"): the asker's name is masked like their question was.
  const asker = question ? await db.employee.findUnique({ where: { id: question.employeeId }, select: { name: true } }) : null;
  const text = maskPersonalData(answer.trim(), createNameMasker(asker ? [asker.name] : []));
  if (!text) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Tulis jawabannya. / Write the answer.' });
  const { count } = await db.sessionQuestion.updateMany({ where: { sessionId: session.id, number }, data: { answer: text, answeredBy: actor.ref, answeredAt: now } });
  if (count === 0) throw new TRPCError({ code: 'NOT_FOUND', message: `Pertanyaan ${number} tidak ada di sesi #${session.number}. / No such question.` });
  return { number };
}
