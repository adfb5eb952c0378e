import { canSeeAgency } from '../auth/actor.js';
import { hasAtLeast } from '../auth/roles.js';
import type { Db } from '../db/client.js';
import { asDate, directSql } from '../db/direct-sql.js';
import { pangkatName } from '../records/pangkat.js';
import type { CoreContext } from '../trpc/context.js';
import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { categoryLabel, type TicketCategoryId } from './categories.js';
import { isOverdue, readSlaClock, type SlaClockFields } from './sla-clock.js';
import { slackUserIdOf } from './ticket-access.js';
import type { TicketPriority, TicketStatus } from './ticket-status.js';
import type { TicketView } from './ticket-view.js';

/** A ticket with what its card shows: the SLA clock's fields, the requester and the Slack message. */
interface TicketCardRow extends SlaClockFields {
  id: string;
  number: number;
  agencyId: string;
  category: string;
  confidential: boolean;
  priority: string;
  subject: string;
  assigneeRef: string | null;
  csatRating: number | null;
  slackChannel: string | null;
  slackTs: string | null;
  agencyCode: string | null;
  requesterName: string | null;
  requesterUnit: string | null;
  requesterGolongan: string | null;
  requesterPosition: string | null;
}

/** A ticket's card (its view) and where the card is in Slack. */
export interface TicketCard {
  view: TicketView;
  agencyId: string;
  slackChannel: string | null;
  slackTs: string | null;
}

/**
 * The card's content for one ticket, with SLA states as of `now`, and where it was posted. Every change to a
 * ticket (and every HR reply) redraws its card, so it is one direct query for the ticket, requester and agency.
 */
export async function loadTicketCard(db: Db, calendar: BusinessCalendar, ticketId: string, now: Date): Promise<TicketCard | null> {
  const [ticket] = await directSql(db).query<TicketCardRow>(
    `SELECT t."id", t."number", t."agencyId", t."category", t."confidential", t."priority", t."status", t."subject",
       t."assigneeRef", t."createdAt", t."firstResponseDueAt", t."firstResponseAt", t."resolutionDueAt", t."resolvedAt",
       t."slaPausedAt", t."slaPausedMinutes", t."csatRating", t."slackChannel", t."slackTs", a."code" AS "agencyCode", e."name" AS "requesterName",
       e."unit" AS "requesterUnit", e."golongan" AS "requesterGolongan", e."positionName" AS "requesterPosition"
     FROM "Ticket" t
     LEFT JOIN "Employee" e ON e."id" = t."requesterId"
     LEFT JOIN "Agency" a ON a."id" = t."agencyId"
     WHERE t."id" = $1`,
    [ticketId],
  );
  if (!ticket) return null;
  const found = ticket.requesterName !== null;
  const respondedAt = asDate(ticket.firstResponseAt);
  const clockFields = {
    status: ticket.status,
    createdAt: asDate(ticket.createdAt)!,
    firstResponseDueAt: asDate(ticket.firstResponseDueAt)!,
    firstResponseAt: respondedAt,
    resolutionDueAt: asDate(ticket.resolutionDueAt)!,
    resolvedAt: asDate(ticket.resolvedAt),
    slaPausedAt: asDate(ticket.slaPausedAt),
    slaPausedMinutes: ticket.slaPausedMinutes === null ? null : Number(ticket.slaPausedMinutes),
  };
  const clock = readSlaClock(calendar, clockFields, now);
  const view: TicketView = {
    id: ticket.id,
    number: ticket.number,
    agencyCode: ticket.agencyCode ?? '',
    category: ticket.category as TicketCategoryId,
    confidential: ticket.confidential,
    priority: ticket.priority as TicketPriority,
    status: ticket.status as TicketStatus,
    requester: {
      name: ticket.requesterName ?? '(pegawai tidak ditemukan)',
      unit: ticket.requesterUnit ?? '',
      golongan: ticket.requesterGolongan ?? '',
      pangkat: found ? pangkatName(ticket.requesterGolongan!) : null,
      positionName: ticket.requesterPosition ?? '',
    },
    assigneeSlackId: slackUserIdOf(ticket.assigneeRef),
    subject: ticket.subject,
    createdAt: ticket.createdAt,
    firstResponseDueAt: ticket.firstResponseDueAt,
    firstResponseAt: respondedAt,
    firstResponseSla: clock.firstResponse.state,
    resolutionDueAt: ticket.resolutionDueAt,
    resolvedAt: ticket.resolvedAt,
    resolutionSla: clock.resolution.state,
    resolutionMinutesLeft: clock.resolution.minutesLeft,
    csatRating: ticket.csatRating,
  };
  return { view, agencyId: ticket.agencyId, slackChannel: ticket.slackChannel, slackTs: ticket.slackTs };
}

/** The card's content for one ticket, with SLA states as of `now`. */
export async function loadTicketView(db: Db, calendar: BusinessCalendar, ticketId: string, now: Date): Promise<TicketView | null> {
  return (await loadTicketCard(db, calendar, ticketId, now))?.view ?? null;
}

/**
 * Where a ticket's card is in Slack (null fields until it is posted), or null when there is no such ticket. Asked
 * before every thread message is sent, so it is direct SQL.
 */
export async function ticketCardLocation(db: Db, ticketId: string): Promise<{ slackChannel: string | null; slackTs: string | null } | null> {
  const [row] = await directSql(db).query<{ slackChannel: string | null; slackTs: string | null }>(
    'SELECT "slackChannel", "slackTs" FROM "Ticket" WHERE "id" = $1',
    [ticketId],
  );
  return row ?? null;
}

/** Which ticket a Slack thread belongs to. */
export async function ticketIdForThread(db: Db, slackChannel: string, threadTs: string): Promise<string | null> {
  const [ticket] = await directSql(db).query<{ id: string }>(
    'SELECT "id" FROM "Ticket" WHERE "slackChannel" = $1 AND "slackTs" = $2 LIMIT 1',
    [slackChannel, threadTs],
  );
  return ticket?.id ?? null;
}

/** Remembers where a ticket's card was posted, so later messages thread under it and updates edit it. */
export async function recordTicketCard(db: Db, ticketId: string, slackChannel: string, slackTs: string): Promise<void> {
  await db.ticket.update({ where: { id: ticketId }, data: { slackChannel, slackTs } });
}

export async function myTickets(ctx: CoreContext, lang: 'id' | 'en') {
  if (!ctx.actor.employeeId) return [];
  const tickets = await ctx.db.ticket.findMany({
    where: { requesterId: ctx.actor.employeeId },
    orderBy: { createdAt: 'desc' },
    take: 20,
  });
  return tickets.map((t) => ({
    id: t.id,
    number: t.number,
    category: categoryLabel(t.category, lang),
    status: t.status as TicketStatus,
    subject: t.subject,
    createdAt: t.createdAt,
    lastActivityAt: t.lastActivityAt,
  }));
}

/** The open queue for HR, oldest first; confidential tickets only for HR leads. */
export async function openQueue(ctx: CoreContext) {
  const tickets = await ctx.db.ticket.findMany({
    where: {
      status: { in: ['baru', 'ditangani', 'menunggu_pegawai'] },
      ...(ctx.actor.agencyId ? { agencyId: ctx.actor.agencyId } : {}),
      ...(hasAtLeast(ctx.actor.role, 'hr_lead') ? {} : { confidential: false }),
    },
    orderBy: { createdAt: 'asc' },
    take: 50,
  });
  const now = ctx.clock.now();
  const calendar = ctx.settings.businessCalendar;
  return tickets
    .filter((t) => canSeeAgency(ctx.actor, t.agencyId))
    .map((t) => ({
      id: t.id,
      number: t.number,
      status: t.status as TicketStatus,
      priority: t.priority as TicketPriority,
      category: t.category,
      subject: t.subject,
      assigneeRef: t.assigneeRef,
      slackChannel: t.slackChannel,
      slackTs: t.slackTs,
      overdue: isOverdue(readSlaClock(calendar, t, now)),
    }));
}
