import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { todayInJakarta } from '../dates/calendar-date.js';
import type { TransactionClient } from '../db/client.js';
import { enqueue } from '../outbox/enqueue.js';
import { ownEmployee } from '../records/employee-access.js';
import { staffOrderKey } from '../tickets/staff-chat.js';
import type { CoreContext } from '../trpc/context.js';
import type { SkmScores } from './skm-index.js';
import type { SurveySettings } from './survey-settings.js';
import { surveyTexts, type SurveyLang } from './survey-texts.js';

/**
 * Offers the SKM survey for a resolved ticket (when SKM_SURVEY=after_ticket): one invitation per ticket, so a
 * ticket resolved, reopened and resolved again is surveyed once. Queued with the resolution, after the rating.
 */
export async function inviteToSurvey(
  tx: TransactionClient,
  settings: SurveySettings,
  ticket: { id: string; agencyId: string; number: number },
  chat: { chatId: string; lang: SurveyLang },
  now: Date,
): Promise<boolean> {
  if (settings.mode !== 'after_ticket') return false;
  if (await tx.surveyInvitation.findUnique({ where: { ticketId: ticket.id } })) return false;
  await tx.surveyInvitation.create({ data: { ticketId: ticket.id, agencyId: ticket.agencyId, createdAt: now } });
  await enqueue(
    tx,
    {
      channel: 'telegram',
      kind: 'telegram.text',
      chatId: chat.chatId,
      lang: chat.lang,
      text: surveyTexts.invitation(chat.lang, ticket.number, settings.anonymous),
      buttons: [[{ text: surveyTexts.startButton(chat.lang), data: `skm:start:${ticket.id}` }]],
    },
    { orderKey: staffOrderKey(chat.chatId) },
  );
  return true;
}

const notOpen = () =>
  new TRPCError({
    code: 'NOT_FOUND',
    message: 'Survei untuk tiket ini tidak ada atau sudah diisi. / There is no open survey for this ticket.',
  });

/** The requester's own invitation that is still open. */
async function openInvitation(ctx: CoreContext, ticketId: string) {
  const employee = await ownEmployee(ctx);
  const [invitation, ticket] = await Promise.all([
    ctx.db.surveyInvitation.findUnique({ where: { ticketId } }),
    ctx.db.ticket.findUnique({ where: { id: ticketId }, select: { requesterId: true } }),
  ]);
  if (!invitation || invitation.answered || ticket?.requesterId !== employee.id) throw notOpen();
  return { invitation, employee };
}

/** Whether the staff member may start the survey of this ticket (before the nine questions are asked). */
export async function surveyOpen(ctx: CoreContext, ticketId: string): Promise<{ anonymous: boolean }> {
  await openInvitation(ctx, ticketId);
  return { anonymous: ctx.settings.survey.anonymous };
}

/**
 * Stores one response and closes the invitation in one transaction. Anonymous: the response row carries only the
 * agency, the WIB date and the nine scores; the id is random, so neither it nor a time of day ties it to the
 * invitation (which keeps only "answered").
 */
export async function submitSurvey(ctx: CoreContext, input: { ticketId: string; scores: SkmScores }): Promise<{ anonymous: boolean }> {
  const { invitation, employee } = await openInvitation(ctx, input.ticketId);
  const anonymous = ctx.settings.survey.anonymous;
  const scores = Object.fromEntries(input.scores.map((score, i) => [`u${i + 1}`, score])) as Record<`u${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}`, number>;
  await ctx.db.$transaction(async (tx) => {
    // Conditional: of two presses racing, one stores a response.
    const closed = await tx.surveyInvitation.updateMany({ where: { ticketId: invitation.ticketId, answered: false }, data: { answered: true } });
    if (closed.count === 0) throw notOpen();
    await tx.surveyResponse.create({
      data: {
        id: randomUUID(),
        agencyId: invitation.agencyId,
        anonymous,
        ticketId: anonymous ? null : invitation.ticketId,
        employeeId: anonymous ? null : employee.id,
        submittedOn: todayInJakarta(ctx.clock.now()),
        ...scores,
      },
    });
  });
  return { anonymous };
}
