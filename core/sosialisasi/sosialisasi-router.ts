import { z } from 'zod';
import { describeAudience } from '../audience/audience.js';
import { notifyBroadcastDue } from '../broadcasts/broadcast-events.js';
import { attachmentSchema } from '../outbox/outbox-intent.js';
import { nipSchema } from '../records/employee.js';
import { hrOfficerProcedure, router, staffProcedure } from '../trpc/init.js';
import { checkIn, markAttendance } from './attendance.js';
import { cancelSession } from './cancel.js';
import { finishSession, materialsRefusal } from './finish.js';
import { answerQuestion, askQuestion, assertMayAsk, noQuestionsReason, groupedQuestions, openSessionsFor } from './questions.js';
import { answerRsvp, rsvpReport } from './rsvp.js';
import { newSessionSchema, rsvpAnswerSchema } from './session-input.js';
import { createSession, findSession, sessionAudienceOf, type StoredSession } from './session-service.js';
import { sessionStateText } from './session-lifecycle.js';
import type { Db } from '../db/client.js';

const byRef = z.union([z.object({ sessionId: z.string().min(1).max(64) }), z.object({ number: z.number().int().positive() })]);

/** The statuses of the sessions' invitations and materials, for the state HR reads. */
async function broadcastStatuses(db: Db, sessions: StoredSession[]): Promise<Map<string, string>> {
  const ids = sessions.flatMap((s) => [s.invitationBroadcastId, s.materialsBroadcastId]).filter((id): id is string => id !== null);
  const rows = ids.length ? await db.broadcast.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } }) : [];
  return new Map(rows.map((row) => [row.id, row.status]));
}

async function summaries(db: Db, sessions: StoredSession[]) {
  const statuses = await broadcastStatuses(db, sessions);
  const statusOf = (id: string | null) => (id ? (statuses.get(id) ?? null) : null);
  return sessions.map((s) => ({ ...sessionSummary(s), stateText: sessionStateText(s.status, statusOf(s.invitationBroadcastId), statusOf(s.materialsBroadcastId)) }));
}

async function summaryOf(db: Db, session: StoredSession) {
  return (await summaries(db, [session]))[0]!;
}

function sessionSummary(s: StoredSession) {
  return {
    sessionId: s.id,
    number: s.number,
    title: s.title,
    topic: s.topic,
    speaker: s.speaker,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    place: s.place,
    onlineLink: s.onlineLink,
    capacity: s.capacity,
    seatsTaken: s.seatsTaken,
    status: s.status,
    audienceText: describeAudience(sessionAudienceOf(s)),
  };
}

/** Sosialisasi sessions: HR plans and runs them; staff answer invitations, check in and ask questions. */
export const sosialisasiRouter = router({
  create: hrOfficerProcedure.input(newSessionSchema).mutation(async ({ ctx, input }) => {
    const created = await createSession(ctx, ctx.actor, input);
    if (created.invitationStatus === 'scheduled') await notifyBroadcastDue(ctx.db, ctx.log);
    return { ...(await summaryOf(ctx.db, created.session)), checkInCode: created.session.checkInCode, invitationNumber: created.invitationNumber, invitationStatus: created.invitationStatus };
  }),

  list: hrOfficerProcedure.input(z.object({ limit: z.number().int().min(1).max(100).default(20) }).default({ limit: 20 })).query(async ({ ctx, input }) => {
    const rows = await ctx.db.sosialisasiSession.findMany({
      where: ctx.actor.agencyId ? { agencyId: ctx.actor.agencyId } : {},
      orderBy: { startsAt: 'desc' },
      take: input.limit,
    });
    return summaries(ctx.db, rows);
  }),

  /** Details for HR, with the check-in code to announce in the room. */
  get: hrOfficerProcedure.input(byRef).query(async ({ ctx, input }) => {
    const session = await findSession(ctx.db, ctx.actor, input);
    return { ...(await summaryOf(ctx.db, session)), checkInCode: session.checkInCode };
  }),

  rsvpReport: hrOfficerProcedure.input(byRef).query(async ({ ctx, input }) => rsvpReport(ctx.db, await findSession(ctx.db, ctx.actor, input))),

  rsvp: staffProcedure
    .input(z.object({ sessionId: z.string().min(1).max(64), answer: rsvpAnswerSchema }))
    .mutation(async ({ ctx, input }) => {
      const outcome = await answerRsvp(ctx.db, ctx.clock.now(), ctx.actor, input.sessionId, input.answer);
      const { session, ...rest } = outcome;
      return { ...rest, session: { sessionId: session.id, number: session.number, title: session.title, place: session.place, onlineLink: session.onlineLink } };
    }),

  checkIn: staffProcedure.input(z.object({ code: z.string().trim().min(1).max(20) })).mutation(async ({ ctx, input }) => {
    const { first, session } = await checkIn(ctx.db, ctx.clock.now(), ctx.actor, input.code);
    return { first, number: session.number, title: session.title };
  }),

  markAttendance: hrOfficerProcedure
    .input(z.intersection(byRef, z.object({ nips: z.array(nipSchema).min(1, 'sebutkan paling sedikit satu NIP').max(500) })))
    .mutation(async ({ ctx, input }) => markAttendance(ctx.db, ctx.clock.now(), ctx.actor, await findSession(ctx.db, ctx.actor, input), input.nips)),

  /** Sessions the caller may still ask questions for (invited, not over), soonest first. */
  openForQuestions: staffProcedure.query(({ ctx }) => openSessionsFor(ctx.db, ctx.clock.now(), ctx.actor)),

  /** When no session takes the caller's questions: throws the reason if one they were invited to was called off. */
  whyNoQuestions: staffProcedure.query(async ({ ctx }) => {
    const refusal = await noQuestionsReason(ctx.db, ctx.clock.now(), ctx.actor);
    if (refusal) throw refusal;
    return { reason: null };
  }),

  /** Throws why the caller may not ask this session a question (cancelled, over, not invited); ok otherwise. */
  mayAsk: staffProcedure.input(z.object({ sessionId: z.string().min(1).max(64) })).query(async ({ ctx, input }) => {
    const { session } = await assertMayAsk(ctx.db, ctx.clock.now(), ctx.actor, input.sessionId);
    return { sessionId: session.id, number: session.number, title: session.title };
  }),

  ask: staffProcedure.input(z.object({ sessionId: z.string().min(1).max(64), text: z.string().max(4000) })).mutation(async ({ ctx, input }) => {
    const { number, session } = await askQuestion(ctx.db, ctx.clock.now(), ctx.actor, input.sessionId, input.text);
    return { number, sessionNumber: session.number, title: session.title };
  }),

  /** The questions for the speaker, grouped by theme. */
  questions: hrOfficerProcedure.input(byRef).query(async ({ ctx, input }) => {
    const session = await findSession(ctx.db, ctx.actor, input);
    return { ...(await summaryOf(ctx.db, session)), groups: await groupedQuestions(ctx.db, session) };
  }),

  answer: hrOfficerProcedure
    .input(z.intersection(byRef, z.object({ question: z.number().int().positive(), answer: z.string().trim().min(1, 'tulis jawabannya').max(3000, 'jawaban maksimal 3.000 karakter') })))
    .mutation(async ({ ctx, input }) => answerQuestion(ctx.db, ctx.clock.now(), ctx.actor, await findSession(ctx.db, ctx.actor, input), input.question, input.answer)),

  /** After the session: materials and answered questions to the audience (and the archive); FAQ drafts for the leads. */
  finish: hrOfficerProcedure
    .input(
      z.intersection(
        byRef,
        z.object({
          materials: z.string().trim().min(1, 'tulis materi atau ringkasan sesi').max(3000, 'materi maksimal 3.000 karakter (lampirkan berkas untuk yang lebih panjang)'),
          attachment: attachmentSchema.nullable().default(null),
        }),
      ),
    )
    .mutation(async ({ ctx, input }) => {
      const session = await findSession(ctx.db, ctx.actor, input);
      const result = await finishSession(ctx, ctx.actor, session, { text: input.materials, attachment: input.attachment });
      if (result.broadcastStatus === 'scheduled') await notifyBroadcastDue(ctx.db, ctx.log);
      return { number: session.number, ...result };
    }),

  /** Throws why materials cannot be sent for the session now (not started, called off, sent, awaiting approval). */
  mayFinish: hrOfficerProcedure.input(byRef).query(async ({ ctx, input }) => {
    const session = await findSession(ctx.db, ctx.actor, input);
    const refusal = await materialsRefusal(ctx, session, ctx.clock.now());
    if (refusal) throw refusal;
    return { sessionId: session.id, number: session.number };
  }),

  cancel: hrOfficerProcedure.input(byRef).mutation(async ({ ctx, input }) => {
    const session = await findSession(ctx.db, ctx.actor, input);
    return { number: session.number, ...(await cancelSession(ctx.db, ctx.clock.now(), ctx.actor, session)) };
  }),
});
