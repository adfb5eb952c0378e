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
import { routeStaffMessage, type RoutingFacts } from './message-routing.js';
import { slaDueTimes } from './sla.js';
import { slaClockAfter, type SlaClockFields } from './sla-clock.js';
import { ticketChatMessageInsert, ticketOfChatMessage } from './ticket-chat-messages.js';
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
  input: { category: TicketCategoryId; text: string; attachments?: Attachment[]; lang?: Lang; chat?: StaffChatMessage },
): Promise<StaffMessageResult> {
  const employee = await ownEmployee(ctx);
  const lang = input.lang ?? 'id';
  const attachments = input.attachments ?? [];
  const category = categoryOf(input.category);
  const now = ctx.clock.now();
  // An agency with targets of its own (set on its desk) gets them instead of the category defaults.
  const due = slaDueTimes(ctx.settings.businessCalendar, now, category.id, (await ctx.settings.agencies.byId(employee.agencyId))?.sla);
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
      if (input.chat) {
        await tx.ticketChatMessage.create({ data: { ...input.chat, ticketId: created.id, author: 'staff' } });
      }
      if (chatId) {
        const text = [staffNotices.ticketReceived(lang, created.number, category.id, category.confidential), note].filter(Boolean).join('\n\n');
        await enqueue(
          tx,
          { channel: 'telegram', kind: 'telegram.text', chatId, text, lang, attachments: [], ticketId: created.id },
          { orderKey: staffOrderKey(chatId) },
        );
      }
      return created;
    }),
  );
  ctx.log.info({ ticket: ticket.number, category: category.id, agencyId: ticket.agencyId }, 'ticket opened');
  return { ticketId: ticket.id, number: ticket.number, created: true, outsideOfficeHours: note !== null };
}

/** Where a staff member's message came from: the chat and its message id there (for replies and edits). */
export interface StaffChatMessage {
  platform: 'telegram';
  chatId: string;
  messageId: string;
}

export interface StaffMessageInput {
  text: string;
  attachments?: Attachment[];
  lang?: Lang;
  chat?: StaffChatMessage;
  /** The id (in the same chat) of the message this one replies to. */
  replyTo?: string;
  /** A ticket chosen with a button, or 'new'. */
  ticket?: string;
}

/** What became of a staff member's message (see message-routing.ts for the rules). */
export type StaffMessageOutcome =
  | ({ outcome: 'ticket' } & StaffMessageResult)
  | { outcome: 'thanked'; ticketId: string; number: number }
  | { outcome: 'choose'; tickets: Array<{ id: string; number: number; subject: string }> }
  /** No ticket takes it and `openIfNone` was false: the adapter may try the FAQ answerer first. */
  | { outcome: 'none' };

/** The SLA clock's columns (core/tickets/sla-clock.ts) as direct SQL returns them: SQLite may give dates as numbers or strings. */
interface ClockColumns {
  status: string | null;
  createdAt: unknown;
  firstResponseDueAt: unknown;
  firstResponseAt: unknown;
  resolutionDueAt: unknown;
  resolvedAt: unknown;
  slaPausedAt: unknown;
  slaPausedMinutes: number | null;
}

/** The staff member's reply starts a paused SLA clock again: the row carries the clock's columns. */
interface StaffAndTicket extends ClockColumns {
  employeeName: string;
  /** A ticket's fields, all null when the staff member has no unclosed ticket. */
  id: string | null;
  number: number | null;
  status: string | null;
  language: string | null;
  confidential: boolean | number | null;
  subject: string | null;
  lastFromStaffAt: unknown;
}

/** The SLA clock's fields of a row read with direct SQL. */
function clockFieldsOf(row: ClockColumns): SlaClockFields {
  return {
    status: row.status!,
    createdAt: asDate(row.createdAt)!,
    firstResponseDueAt: asDate(row.firstResponseDueAt)!,
    firstResponseAt: asDate(row.firstResponseAt),
    resolutionDueAt: asDate(row.resolutionDueAt)!,
    resolvedAt: asDate(row.resolvedAt),
    slaPausedAt: asDate(row.slaPausedAt),
    slaPausedMinutes: row.slaPausedMinutes === null ? null : Number(row.slaPausedMinutes),
  };
}

/**
 * A staff member's message: routed to the ticket it belongs to (message-routing.ts), or a new one. This is the
 * relay's hot path (every message a staff member writes), so it is direct SQL: one query for the staff member
 * and their unclosed tickets, one for the replied-to message when there is one, one atomic write.
 */
export async function receiveStaffMessage(ctx: CoreContext, input: StaffMessageInput & { openIfNone?: boolean }): Promise<StaffMessageOutcome> {
  if (!ctx.actor.employeeId) throw notLinked();
  const sql = directSql(ctx.db);
  const rows = await sql.query<StaffAndTicket>(
    `SELECT e."name" AS "employeeName", t."id", t."number", t."status", t."language", t."confidential", t."subject",
       t."createdAt", t."firstResponseDueAt", t."firstResponseAt", t."resolutionDueAt", t."resolvedAt", t."slaPausedAt", t."slaPausedMinutes",
       (SELECT m."createdAt" FROM "TicketMessage" m WHERE m."ticketId" = t."id" AND m."direction" = 'staff'
        ORDER BY m."createdAt" DESC LIMIT 1) AS "lastFromStaffAt"
     FROM "Employee" e
     LEFT JOIN "Ticket" t ON t."requesterId" = e."id" AND t."status" <> 'ditutup'
     WHERE e."id" = $1
     ORDER BY t."lastActivityAt" DESC, t."number" DESC`,
    [ctx.actor.employeeId],
  );
  const first = rows[0];
  if (!first) throw notLinked();
  const tickets = rows
    .filter((row) => row.id !== null)
    .map((row) => ({
      id: row.id!,
      number: row.number!,
      status: row.status!,
      language: row.language!,
      confidential: Boolean(row.confidential),
      subject: row.subject!,
      lastFromStaffAt: asDate(row.lastFromStaffAt),
      clock: clockFieldsOf(row),
    }));
  let repliedTicket: RoutingFacts['repliedTicket'] = null;
  if (input.chat && input.replyTo) {
    const link = await ticketOfChatMessage(ctx.db, { platform: input.chat.platform, chatId: input.chat.chatId, messageId: input.replyTo });
    if (link) repliedTicket = tickets.find((t) => t.id === link.ticketId) ?? 'closed';
  }
  const route = routeStaffMessage({ tickets, repliedTicket, chosen: input.ticket ?? null, text: input.text });
  const lang = input.lang ?? 'id';
  switch (route.to) {
    case 'ticket': {
      const ticket = tickets.find((t) => t.id === route.ticket.id)!;
      return { outcome: 'ticket', ...(await addToTicket(ctx, input, { ...ticket, employeeName: first.employeeName })) };
    }
    case 'thanks': {
      const chatId = input.chat?.chatId ?? (await telegramChatOf(ctx.db, ctx.actor.employeeId));
      if (chatId) {
        await enqueue(
          ctx.db,
          { channel: 'telegram', kind: 'telegram.text', chatId, text: staffNotices.thanksAfterResolution(lang, route.ticket.number), lang, ticketId: route.ticket.id },
          { orderKey: staffOrderKey(chatId) },
        );
      }
      return { outcome: 'thanked', ticketId: route.ticket.id, number: route.ticket.number };
    }
    case 'choose': {
      const chatId = input.chat?.chatId ?? (await telegramChatOf(ctx.db, ctx.actor.employeeId));
      const choices = route.tickets.slice(0, 6);
      if (chatId) {
        const buttons = [
          ...choices.map((t) => [{ text: staffNotices.ticketButton(t.number, t.subject), data: `${routeButtonPrefix}${t.id}` }]),
          [{ text: staffNotices.newTicketButton(lang), data: `${routeButtonPrefix}new` }],
        ];
        await enqueue(ctx.db, { channel: 'telegram', kind: 'telegram.text', chatId, text: staffNotices.whichTicket(lang), lang, buttons }, { orderKey: staffOrderKey(chatId) });
      }
      return { outcome: 'choose', tickets: choices.map(({ id, number, subject }) => ({ id, number, subject })) };
    }
    case 'new':
      if (input.openIfNone === false && !input.ticket) return { outcome: 'none' };
      return {
        outcome: 'ticket',
        ...(await openTicket(ctx, { category: 'lainnya', text: input.text, attachments: input.attachments, lang: input.lang, chat: input.chat })),
      };
  }
}

/** Callback data of the "which ticket?" buttons: the ticket id, or "new". */
export const routeButtonPrefix = 'rute:';

/** Any other message from a linked staff member: routed to its ticket, or a new one in "lainnya". */
export async function postStaffMessage(ctx: CoreContext, input: StaffMessageInput): Promise<StaffMessageOutcome> {
  return receiveStaffMessage(ctx, { ...input, openIfNone: true });
}

/** Like postStaffMessage, but only onto a ticket that takes it: null (nothing stored) when there is none. */
export async function continueOpenTicket(ctx: CoreContext, input: StaffMessageInput): Promise<StaffMessageResult | null> {
  const outcome = await receiveStaffMessage(ctx, { ...input, openIfNone: false });
  return outcome.outcome === 'ticket' ? outcome : null;
}

/** A staff member's message added to a ticket (reopening it when resolved): one atomic write with what goes to Slack. */
async function addToTicket(
  ctx: CoreContext,
  input: StaffMessageInput,
  open: { id: string; number: number; status: string; language: string; lastFromStaffAt: Date | null; employeeName: string; clock: SlaClockFields },
): Promise<StaffMessageResult> {
  const sql = directSql(ctx.db);
  const employeeId = ctx.actor.employeeId!;
  const lang = (input.lang ?? open.language) as Lang;
  const attachments = input.attachments ?? [];
  const now = ctx.clock.now();
  const lastFromStaff = open.lastFromStaffAt;
  // Say when the desk opens, but not on every message of a burst.
  const note = !lastFromStaff || now.getTime() - lastFromStaff.getTime() > 3_600_000 ? officeHoursNote(ctx, lang) : null;
  const nextStatus: TicketStatus = open.status === 'baru' ? 'baru' : 'ditangani';
  const chatId = note ? (input.chat?.chatId ?? (await telegramChatOf(ctx.db, employeeId))) : null;
  const reopens = open.status === 'selesai' ? ', "resolvedAt" = NULL' : '';
  const clock = slaClockAfter(ctx.settings.businessCalendar, open.clock, nextStatus, now);
  await sql.atomically([
    {
      sql: `INSERT INTO "TicketMessage" ("id", "ticketId", "direction", "authorRef", "text", "attachments", "createdAt")
            VALUES ($1, $2, 'staff', $3, $4, $5, $6)`,
      params: [newId(), open.id, ctx.actor.ref, input.text, JSON.stringify(attachments), now],
    },
    // "updatedAt" is Prisma's @updatedAt: the wall clock, not the injected one. The language is the one the staff
    // member uses now, so HR's next reply comes in it.
    {
      sql: `UPDATE "Ticket" SET "status" = $2, "lastActivityAt" = $3, "updatedAt" = $4, "language" = $5, "firstResponseDueAt" = $6,
              "resolutionDueAt" = $7, "slaPausedAt" = $8, "slaPausedMinutes" = $9${reopens} WHERE "id" = $1`,
      params: [open.id, nextStatus, now, new Date(), lang, clock.firstResponseDueAt, clock.resolutionDueAt, clock.slaPausedAt, clock.slaPausedMinutes],
    },
    ...(input.chat ? [ticketChatMessageInsert({ ...input.chat, ticketId: open.id, author: 'staff' })] : []),
    outboxInsert(
      { channel: 'slack', kind: 'slack.threadMessage', ticketId: open.id, text: input.text, attachments, author: open.employeeName, mention: null },
      { orderKey: ticketOrderKey(open.id) },
    ),
    ...(nextStatus !== open.status
      ? [outboxInsert({ channel: 'slack', kind: 'slack.ticketCard', ticketId: open.id }, { orderKey: ticketOrderKey(open.id) })]
      : []),
    ...(note && chatId
      ? [
          outboxInsert(
            { channel: 'telegram', kind: 'telegram.text', chatId, text: note, lang, attachments: [], ticketId: open.id },
            { orderKey: staffOrderKey(chatId) },
          ),
        ]
      : []),
  ]);
  notifyEnqueued('slack', ...(note && chatId ? (['telegram'] as const) : []));
  return { ticketId: open.id, number: open.number, created: false, outsideOfficeHours: note !== null };
}

interface ReplyTarget extends ClockColumns {
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
       t."createdAt", t."firstResponseDueAt", t."resolutionDueAt", t."resolvedAt", t."slaPausedAt", t."slaPausedMinutes",
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
  // HR's reply hands the next step to the employee: the SLA clock pauses until they answer.
  const firstResponseAt = asDate(ticket.firstResponseAt) ?? now;
  const clock = slaClockAfter(ctx.settings.businessCalendar, clockFieldsOf(ticket), nextStatus, now, firstResponseAt);
  await sql.atomically([
    {
      sql: `INSERT INTO "TicketMessage" ("id", "ticketId", "direction", "authorRef", "text", "attachments", "createdAt")
            VALUES ($1, $2, 'hr', $3, $4, $5, $6)`,
      params: [newId(), ticket.id, ctx.actor.ref, input.text, JSON.stringify(attachments), now],
    },
    // "updatedAt" is Prisma's @updatedAt: the wall clock, not the injected one.
    {
      sql: `UPDATE "Ticket" SET "status" = $2, "lastActivityAt" = $3, "firstResponseAt" = $4, "assigneeRef" = $5, "updatedAt" = $6,
              "firstResponseDueAt" = $7, "resolutionDueAt" = $8, "slaPausedAt" = $9, "slaPausedMinutes" = $10 WHERE "id" = $1`,
      params: [ticket.id, nextStatus, now, firstResponseAt, ticket.assigneeRef ?? slackUserOf(ctx), new Date(), clock.firstResponseDueAt, clock.resolutionDueAt, clock.slaPausedAt, clock.slaPausedMinutes],
    },
    ...(chatId
      ? [
          outboxInsert(
            { channel: 'telegram', kind: 'telegram.text', chatId, text: staffNotices.hrReply(lang, ticket.number, input.text), lang, attachments, ticketId: ticket.id },
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
      await enqueue(
        tx,
        { channel: 'telegram', kind: 'telegram.csatPrompt', chatId, ticketId: ticket.id, ticketNumber: ticket.number, lang, reopenLabel: staffNotices.reopenButton(lang) },
        { orderKey: staffOrderKey(chatId) },
      );
      await inviteToSurvey(tx, ctx.settings.survey, ticket, { chatId, lang }, ctx.clock.now());
    }
    if (chatId && staffNotice === 'reopened') {
      await enqueue(
        tx,
        { channel: 'telegram', kind: 'telegram.text', chatId, text: staffNotices.reopened(lang, ticket.number), lang, attachments: [], ticketId: ticket.id },
        { orderKey: staffOrderKey(chatId) },
      );
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
    const firstResponseAt = ticket.firstResponseAt ?? now;
    const clock = slaClockAfter(ctx.settings.businessCalendar, ticket, 'selesai', now, firstResponseAt);
    return { data: { status: 'selesai', resolvedAt: now, firstResponseAt, ...clock }, staffNotice: 'resolved' };
  });
}

export function reopenTicket(ctx: CoreContext, ticketId: string) {
  return changeTicket(ctx, ticketId, 'ticket.reopen', (ticket) => {
    if (ticket.status !== 'selesai' && ticket.status !== 'ditutup') {
      throw new TRPCError({ code: 'BAD_REQUEST', message: 'Tiket masih terbuka. / The ticket is still open.' });
    }
    const clock = slaClockAfter(ctx.settings.businessCalendar, ticket, 'ditangani', ctx.clock.now());
    return { data: { status: 'ditangani', resolvedAt: null, closedAt: null, ...clock }, staffNotice: 'reopened' };
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

/** Callback data of the "Buka lagi" button under the resolution message. */
export const reopenButtonPrefix = 'tiket:buka:';

/**
 * The staff member presses "Buka lagi" on the resolution message: the ticket is open again (the thread and card
 * say so) and they are told to write what is still needed as a reply. A closed ticket stays closed.
 */
export async function reopenByStaff(ctx: CoreContext, input: { ticketId: string; lang?: Lang }) {
  const ticket = await ticketForRequester(ctx, input.ticketId);
  const lang = input.lang ?? (ticket.language as Lang);
  const chatId = await telegramChatOf(ctx.db, ticket.requesterId);
  const notify = (tx: TransactionClient, text: string) =>
    chatId
      ? enqueue(tx, { channel: 'telegram', kind: 'telegram.text', chatId, text, lang, ticketId: ticket.id }, { orderKey: staffOrderKey(chatId) })
      : Promise.resolve('');
  if (ticket.status === 'ditutup') {
    await ctx.db.$transaction((tx) => notify(tx, staffNotices.alreadyClosed(lang, ticket.number)));
    return { reopened: false };
  }
  await ctx.db.$transaction(async (tx) => {
    if (ticket.status === 'selesai') {
      await tx.ticket.update({ where: { id: ticket.id }, data: { status: 'ditangani', resolvedAt: null, language: lang, lastActivityAt: ctx.clock.now() } });
      await writeAudit(tx, ctx.actor, { action: 'ticket.reopen', entity: 'Ticket', entityId: ticket.id, agencyId: ticket.agencyId, after: { status: 'ditangani' } });
      await enqueue(
        tx,
        { channel: 'slack', kind: 'slack.threadMessage', ticketId: ticket.id, text: 'Pegawai membuka kembali tiket ini.', attachments: [], author: null, mention: null },
        { orderKey: ticketOrderKey(ticket.id) },
      );
      await enqueue(tx, { channel: 'slack', kind: 'slack.ticketCard', ticketId: ticket.id }, { orderKey: ticketOrderKey(ticket.id) });
    }
    await notify(tx, staffNotices.reopenedByStaff(lang, ticket.number));
  });
  return { reopened: true };
}

/**
 * A staff member edited a message they had sent on a ticket: HR sees the new text in the thread, marked "(diubah)".
 * Returns false when the message belongs to no ticket (a FAQ question, feedback): the adapter then tells them.
 */
export async function relayStaffEdit(ctx: CoreContext, input: { chat: StaffChatMessage; text: string }): Promise<{ relayed: boolean; number: number | null }> {
  if (!ctx.actor.employeeId) throw notLinked();
  const link = await ticketOfChatMessage(ctx.db, input.chat);
  if (!link || link.author !== 'staff') return { relayed: false, number: null };
  const ticket = await ctx.db.ticket.findUnique({ where: { id: link.ticketId } });
  if (!ticket || ticket.requesterId !== ctx.actor.employeeId || ticket.status === 'ditutup') return { relayed: false, number: ticket?.number ?? null };
  const employee = await ctx.db.employee.findUniqueOrThrow({ where: { id: ctx.actor.employeeId }, select: { name: true } });
  const text = `(diubah) ${input.text}`;
  const now = ctx.clock.now();
  await ctx.db.$transaction(async (tx) => {
    await tx.ticketMessage.create({ data: { ticketId: ticket.id, direction: 'staff', authorRef: ctx.actor.ref, text, createdAt: now } });
    await tx.ticket.update({ where: { id: ticket.id }, data: { lastActivityAt: now } });
    await enqueue(
      tx,
      { channel: 'slack', kind: 'slack.threadMessage', ticketId: ticket.id, text, attachments: [], author: employee.name, mention: null },
      { orderKey: ticketOrderKey(ticket.id) },
    );
  });
  return { relayed: true, number: ticket.number };
}

/** After /bahasa: the staff member's unclosed tickets answer in the new language (HR replies, notices). */
export async function setTicketLanguage(ctx: CoreContext, lang: Lang) {
  if (!ctx.actor.employeeId) throw notLinked();
  await ctx.db.ticket.updateMany({ where: { requesterId: ctx.actor.employeeId, status: { not: 'ditutup' } }, data: { language: lang } });
  return { ok: true };
}
