import { TRPCError } from '@trpc/server';
import { writeAudit } from '../audit/audit-log.js';
import type { TransactionClient } from '../db/client.js';
import { asDate, directSql } from '../db/direct-sql.js';
import { newId } from '../db/ids.js';
import { enqueue, notifyEnqueued, outboxInsert } from '../outbox/enqueue.js';
import type { Attachment } from '../outbox/outbox-intent.js';
import { notLinked, ownEmployee } from '../records/employee-access.js';
import type { CoreContext } from '../trpc/context.js';
import { categoryOf, type TicketCategoryId } from './categories.js';
import { slaDueTimes } from './sla.js';
import { ticketChannelOf } from './ticket-channel.js';
import { inviteToSurvey } from '../survey/survey-service.js';
import { staffNotices, type Lang } from './staff-notices.js';
import { staffOrderKey, telegramChatOf, ticketOrderKey } from './staff-chat.js';
import { assertHrMayHandle, slackUserOf, ticketForHr, ticketForRequester } from './ticket-access.js';
import type { TicketPriority, TicketStatus } from './ticket-status.js';

const subjectLength = 140;

function subjectOf(text: string, attachments: readonly Attachment[]): string {
  const line = text.trim().split('\n')[0]?.trim() ?? '';
  if (line) return line.length > subjectLength ? `${line.slice(0, subjectLength - 1)}…` : line;
  return attachments.length > 0 ? `(${attachments.length} lampiran)` : '(tanpa teks)';
}

async function nextTicketNumber(tx: TransactionClient, agencyId: string): Promise<number> {
  const last = await tx.ticket.findFirst({ where: { agencyId }, orderBy: { number: 'desc' }, select: { number: true } });
  return (last?.number ?? 0) + 1;
}

/** Runs a ticket-numbering transaction again when two tickets raced for the same number. */
async function withNumberRetry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if ((error as { code?: string }).code === 'P2002' && attempt < 5) continue;
      throw error;
    }
  }
}

export interface StaffMessageResult {
  ticketId: string;
  number: number;
  created: boolean;
  outsideOfficeHours: boolean;
}

function officeHoursNote(ctx: CoreContext, lang: Lang): string | null {
  const now = ctx.clock.now();
  const calendar = ctx.settings.businessCalendar;
  return calendar.isOpen(now) ? null : staffNotices.outsideOfficeHours(lang, calendar.describeNextOpening(now, lang));
}

/** A staff member opens a ticket: stored, acknowledged on Telegram, and carded in the agency's Slack channel. */
export async function openTicket(
  ctx: CoreContext,
  input: { category: TicketCategoryId; text: string; attachments?: Attachment[]; lang?: Lang },
): Promise<StaffMessageResult> {
  const employee = await ownEmployee(ctx);
  const lang = input.lang ?? 'id';
  const attachments = input.attachments ?? [];
  const category = categoryOf(input.category);
  const now = ctx.clock.now();
  const due = slaDueTimes(ctx.settings.businessCalendar, now, category.id);
  const note = officeHoursNote(ctx, lang);
  const chatId = await telegramChatOf(ctx.db, employee.id);
  const ticket = await withNumberRetry(() =>
    ctx.db.$transaction(async (tx) => {
      const created = await tx.ticket.create({
        data: {
          agencyId: employee.agencyId,
          number: await nextTicketNumber(tx, employee.agencyId),
          requesterId: employee.id,
          category: category.id,
          confidential: category.confidential,
          language: lang,
          channel: ticketChannelOf(ctx.actor),
          subject: subjectOf(input.text, attachments),
          createdAt: now,
          lastActivityAt: now,
          ...due,
        },
      });
      await tx.ticketMessage.create({
        data: { ticketId: created.id, direction: 'staff', authorRef: ctx.actor.ref, text: input.text, attachments: JSON.stringify(attachments), createdAt: now },
      });
      await enqueue(tx, { channel: 'slack', kind: 'slack.ticketCard', ticketId: created.id }, { orderKey: ticketOrderKey(created.id) });
      await enqueue(
        tx,
        { channel: 'slack', kind: 'slack.threadMessage', ticketId: created.id, text: input.text, attachments, author: employee.name, mention: null },
        { orderKey: ticketOrderKey(created.id) },
      );
      if (chatId) {
        const text = [staffNotices.ticketReceived(lang, created.number, category.id), note].filter(Boolean).join('\n\n');
        await enqueue(tx, { channel: 'telegram', kind: 'telegram.text', chatId, text, lang, attachments: [] }, { orderKey: staffOrderKey(chatId) });
      }
      return created;
    }),
  );
  ctx.log.info({ ticket: ticket.number, category: category.id, agencyId: ticket.agencyId }, 'ticket opened');
  return { ticketId: ticket.id, number: ticket.number, created: true, outsideOfficeHours: note !== null };
}

/**
 * Any other message from a linked staff member: it continues their open ticket (reopening a resolved one), or
 * opens a new one in "lainnya" when they have none.
 */
export async function postStaffMessage(
  ctx: CoreContext,
  input: { text: string; attachments?: Attachment[]; lang?: Lang },
): Promise<StaffMessageResult> {
  const continued = await continueOpenTicket(ctx, input);
  return continued ?? openTicket(ctx, { category: 'lainnya', text: input.text, attachments: input.attachments, lang: input.lang });
}

interface StaffAndOpenTicket {
  employeeName: string;
  /** The open ticket's fields, all null when there is none. */
  id: string | null;
  number: number | null;
  status: string | null;
  language: string | null;
  lastFromStaffAt: unknown;
}

/**
 * A staff member's message added to their open ticket (reopening a resolved one); null when they have none.
 * This is the relay's hot path (every message a staff member writes), so it is direct SQL: one query for the
 * staff member and their open ticket, one atomic write for the message, the ticket's new state and what goes to
 * Slack (on PostgreSQL a single statement, so one round trip each).
 */
export async function continueOpenTicket(
  ctx: CoreContext,
  input: { text: string; attachments?: Attachment[]; lang?: Lang },
): Promise<StaffMessageResult | null> {
  if (!ctx.actor.employeeId) throw notLinked();
  const sql = directSql(ctx.db);
  const [found] = await sql.query<StaffAndOpenTicket>(
    `SELECT e."name" AS "employeeName", t."id", t."number", t."status", t."language",
       (SELECT m."createdAt" FROM "TicketMessage" m WHERE m."ticketId" = t."id" AND m."direction" = 'staff'
        ORDER BY m."createdAt" DESC LIMIT 1) AS "lastFromStaffAt"
     FROM "Employee" e
     LEFT JOIN "Ticket" t ON t."id" = (
       SELECT o."id" FROM "Ticket" o WHERE o."requesterId" = e."id" AND o."status" <> 'ditutup' ORDER BY o."lastActivityAt" DESC LIMIT 1)
     WHERE e."id" = $1`,
    [ctx.actor.employeeId],
  );
  if (!found) throw notLinked();
  if (found.id === null) return null;
  const open = { id: found.id, number: found.number!, status: found.status!, language: found.language! };

  const lang = (input.lang ?? open.language) as Lang;
  const attachments = input.attachments ?? [];
  const now = ctx.clock.now();
  const lastFromStaff = asDate(found.lastFromStaffAt);
  // Say when the desk opens, but not on every message of a burst.
  const note = !lastFromStaff || now.getTime() - lastFromStaff.getTime() > 3_600_000 ? officeHoursNote(ctx, lang) : null;
  const nextStatus: TicketStatus = open.status === 'baru' ? 'baru' : 'ditangani';
  const chatId = note ? await telegramChatOf(ctx.db, ctx.actor.employeeId) : null;
  const reopens = open.status === 'selesai' ? ', "resolvedAt" = NULL' : '';
  await sql.atomically([
    {
      sql: `INSERT INTO "TicketMessage" ("id", "ticketId", "direction", "authorRef", "text", "attachments", "createdAt")
            VALUES ($1, $2, 'staff', $3, $4, $5, $6)`,
      params: [newId(), open.id, ctx.actor.ref, input.text, JSON.stringify(attachments), now],
    },
    // "updatedAt" is Prisma's @updatedAt: the wall clock, not the injected one.
    {
      sql: `UPDATE "Ticket" SET "status" = $2, "lastActivityAt" = $3, "updatedAt" = $4${reopens} WHERE "id" = $1`,
      params: [open.id, nextStatus, now, new Date()],
    },
    outboxInsert(
      { channel: 'slack', kind: 'slack.threadMessage', ticketId: open.id, text: input.text, attachments, author: found.employeeName, mention: null },
      { orderKey: ticketOrderKey(open.id) },
    ),
    ...(nextStatus !== open.status
      ? [outboxInsert({ channel: 'slack', kind: 'slack.ticketCard', ticketId: open.id }, { orderKey: ticketOrderKey(open.id) })]
      : []),
    ...(note && chatId
      ? [outboxInsert({ channel: 'telegram', kind: 'telegram.text', chatId, text: note, lang, attachments: [] }, { orderKey: staffOrderKey(chatId) })]
      : []),
  ]);
  notifyEnqueued('slack', ...(note && chatId ? (['telegram'] as const) : []));
  return { ticketId: open.id, number: open.number, created: false, outsideOfficeHours: note !== null };
}

interface ReplyTarget {
  id: string;
  number: number;
  agencyId: string;
  confidential: boolean;
  status: string;
  language: string;
  firstResponseAt: Date | null;
  assigneeRef: string | null;
  /** The requester's Telegram chat, or null when they never linked Telegram. */
  chatId: string | null;
}

/**
 * An HR officer answers in the Slack thread: the text (and files) go to the staff member on Telegram. The relay's
 * other direction, so direct SQL too: one query for the ticket and the requester's chat, one atomic write.
 */
export async function replyToStaff(ctx: CoreContext, input: { ticketId: string; text: string; attachments?: Attachment[] }) {
  const sql = directSql(ctx.db);
  const [found] = await sql.query<ReplyTarget>(
    `SELECT t."id", t."number", t."agencyId", t."confidential", t."status", t."language", t."firstResponseAt", t."assigneeRef",
       (SELECT i."externalId" FROM "ChatIdentity" i WHERE i."employeeId" = t."requesterId" AND i."platform" = 'telegram'
        ORDER BY i."linkedAt" DESC LIMIT 1) AS "chatId"
     FROM "Ticket" t
     WHERE t."id" = $1`,
    [input.ticketId],
  );
  const ticket = assertHrMayHandle(ctx, found);
  const now = ctx.clock.now();
  const { chatId } = ticket;
  const lang = ticket.language as Lang;
  const attachments = input.attachments ?? [];
  const nextStatus: TicketStatus = ticket.status === 'baru' || ticket.status === 'ditangani' ? 'menunggu_pegawai' : (ticket.status as TicketStatus);
  await sql.atomically([
    {
      sql: `INSERT INTO "TicketMessage" ("id", "ticketId", "direction", "authorRef", "text", "attachments", "createdAt")
            VALUES ($1, $2, 'hr', $3, $4, $5, $6)`,
      params: [newId(), ticket.id, ctx.actor.ref, input.text, JSON.stringify(attachments), now],
    },
    // "updatedAt" is Prisma's @updatedAt: the wall clock, not the injected one.
    {
      sql: `UPDATE "Ticket" SET "status" = $2, "lastActivityAt" = $3, "firstResponseAt" = $4, "assigneeRef" = $5, "updatedAt" = $6 WHERE "id" = $1`,
      params: [ticket.id, nextStatus, now, ticket.firstResponseAt ?? now, ticket.assigneeRef ?? slackUserOf(ctx), new Date()],
    },
    ...(chatId
      ? [
          outboxInsert(
            { channel: 'telegram', kind: 'telegram.text', chatId, text: staffNotices.hrReply(lang, ticket.number, input.text), lang, attachments },
            { orderKey: staffOrderKey(chatId) },
          ),
        ]
      : []),
    outboxInsert({ channel: 'slack', kind: 'slack.ticketCard', ticketId: ticket.id }, { orderKey: ticketOrderKey(ticket.id) }),
  ]);
  notifyEnqueued('slack', ...(chatId ? (['telegram'] as const) : []));
  if (!chatId) ctx.log.warn({ ticket: ticket.number }, 'requester has no Telegram chat; reply kept on the ticket only');
  return { delivered: chatId !== null };
}

/** `catatan:` messages: kept on the ticket for HR, never sent to the staff member. */
export async function addInternalNote(ctx: CoreContext, input: { ticketId: string; text: string }) {
  const ticket = await ticketForHr(ctx, input.ticketId);
  await ctx.db.ticketMessage.create({
    data: { ticketId: ticket.id, direction: 'note', authorRef: ctx.actor.ref, text: input.text, createdAt: ctx.clock.now() },
  });
  return { ok: true };
}

async function changeTicket(
  ctx: CoreContext,
  ticketId: string,
  action: string,
  change: (ticket: Awaited<ReturnType<typeof ticketForHr>>) => {
    data: Parameters<TransactionClient['ticket']['update']>[0]['data'];
    thread?: { text: string; mention?: string | null };
    staffNotice?: 'resolved' | 'reopened';
  },
) {
  const ticket = await ticketForHr(ctx, ticketId);
  const { data, thread, staffNotice } = change(ticket);
  const chatId = staffNotice ? await telegramChatOf(ctx.db, ticket.requesterId) : null;
  const lang = ticket.language as Lang;
  await ctx.db.$transaction(async (tx) => {
    await tx.ticket.update({ where: { id: ticket.id }, data: { ...data, lastActivityAt: ctx.clock.now() } });
    await writeAudit(tx, ctx.actor, { action, entity: 'Ticket', entityId: ticket.id, agencyId: ticket.agencyId, after: data });
    await enqueue(tx, { channel: 'slack', kind: 'slack.ticketCard', ticketId: ticket.id }, { orderKey: ticketOrderKey(ticket.id) });
    if (thread) {
      await enqueue(
        tx,
        { channel: 'slack', kind: 'slack.threadMessage', ticketId: ticket.id, text: thread.text, attachments: [], author: null, mention: thread.mention ?? null },
        { orderKey: ticketOrderKey(ticket.id) },
      );
    }
    if (chatId && staffNotice === 'resolved') {
      await enqueue(tx, { channel: 'telegram', kind: 'telegram.csatPrompt', chatId, ticketId: ticket.id, ticketNumber: ticket.number, lang }, { orderKey: staffOrderKey(chatId) });
      await inviteToSurvey(tx, ctx.settings.survey, ticket, { chatId, lang }, ctx.clock.now());
    }
    if (chatId && staffNotice === 'reopened') {
      await enqueue(tx, { channel: 'telegram', kind: 'telegram.text', chatId, text: staffNotices.reopened(lang, ticket.number), lang, attachments: [] }, { orderKey: staffOrderKey(chatId) });
    }
  });
  return ctx.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
}

export function claimTicket(ctx: CoreContext, ticketId: string) {
  const slackUser = slackUserOf(ctx);
  return changeTicket(ctx, ticketId, 'ticket.claim', (ticket) => ({
    data: { assigneeRef: slackUser ?? ctx.actor.ref, status: ticket.status === 'baru' ? 'ditangani' : ticket.status },
    thread: slackUser ? { text: 'mengambil tiket ini.', mention: slackUser } : { text: 'Tiket diambil.' },
  }));
}

export function setTicketCategory(ctx: CoreContext, ticketId: string, category: TicketCategoryId) {
  return changeTicket(ctx, ticketId, 'ticket.category', (ticket) => {
    if (categoryOf(category).confidential !== ticket.confidential) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: 'Kategori rahasia tidak dapat ditukar dengan kategori biasa: buat tiket baru di kanal yang sesuai. / A confidential category cannot be swapped with a regular one.',
      });
    }
    return { data: { category }, thread: { text: `Kategori diubah menjadi ${categoryOf(category).id_label}.` } };
  });
}

export function setTicketPriority(ctx: CoreContext, ticketId: string, priority: TicketPriority) {
  return changeTicket(ctx, ticketId, 'ticket.priority', () => ({ data: { priority }, thread: { text: `Prioritas diubah menjadi ${priority}.` } }));
}

export function resolveTicket(ctx: CoreContext, ticketId: string) {
  return changeTicket(ctx, ticketId, 'ticket.resolve', (ticket) => {
    if (ticket.status === 'selesai' || ticket.status === 'ditutup') {
      throw new TRPCError({ code: 'BAD_REQUEST', message: 'Tiket sudah selesai. / The ticket is already resolved.' });
    }
    const now = ctx.clock.now();
    return { data: { status: 'selesai', resolvedAt: now, firstResponseAt: ticket.firstResponseAt ?? now }, staffNotice: 'resolved' };
  });
}

export function reopenTicket(ctx: CoreContext, ticketId: string) {
  return changeTicket(ctx, ticketId, 'ticket.reopen', (ticket) => {
    if (ticket.status !== 'selesai' && ticket.status !== 'ditutup') {
      throw new TRPCError({ code: 'BAD_REQUEST', message: 'Tiket masih terbuka. / The ticket is still open.' });
    }
    return { data: { status: 'ditangani', resolvedAt: null, closedAt: null }, staffNotice: 'reopened' };
  });
}

/** The staff member's 1–5 rating after resolution, with an optional comment; both go to the thread. */
export async function rateTicket(ctx: CoreContext, input: { ticketId: string; rating: number; comment?: string }) {
  const ticket = await ticketForRequester(ctx, input.ticketId);
  const stars = '★'.repeat(input.rating) + '☆'.repeat(5 - input.rating);
  const comment = input.comment?.trim();
  await ctx.db.$transaction(async (tx) => {
    await tx.ticket.update({
      where: { id: ticket.id },
      data: { csatRating: input.rating, ...(comment ? { csatComment: comment } : {}) },
    });
    const text = comment ? `Penilaian pegawai: ${stars} (${input.rating}/5)\nKomentar: ${comment}` : `Penilaian pegawai: ${stars} (${input.rating}/5)`;
    await enqueue(
      tx,
      { channel: 'slack', kind: 'slack.threadMessage', ticketId: ticket.id, text, attachments: [], author: null, mention: null },
      { orderKey: ticketOrderKey(ticket.id) },
    );
    await enqueue(tx, { channel: 'slack', kind: 'slack.ticketCard', ticketId: ticket.id }, { orderKey: ticketOrderKey(ticket.id) });
  });
  return { ok: true };
}
