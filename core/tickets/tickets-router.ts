import { z } from 'zod';
import { attachmentSchema } from '../outbox/outbox-intent.js';
import { hrOfficerProcedure, router, staffProcedure } from '../trpc/init.js';
import { ticketCategorySchema } from './categories.js';
import { deskStatistics } from './desk-statistics.js';
import { loadTicketView, myTickets, openQueue } from './ticket-queries.js';
import {
  addInternalNote,
  claimTicket,
  continueOpenTicket,
  openTicket,
  postStaffMessage,
  rateTicket,
  receiveStaffMessage,
  relayStaffEdit,
  reopenByStaff,
  reopenTicket,
  replyToStaff,
  resolveTicket,
  setTicketCategory,
  setTicketLanguage,
  setTicketPriority,
} from './ticket-service.js';
import { ticketForHr } from './ticket-access.js';
import { ticketPrioritySchema } from './ticket-status.js';

const lang = z.enum(['id', 'en']).default('id');
const text = z.string().trim().max(20_000, 'pesan terlalu panjang (maks. 20.000 karakter)');
const ticketId = z.object({ ticketId: z.string().min(1) });
const chatMessage = z.object({ platform: z.literal('telegram'), chatId: z.string().min(1).max(64), messageId: z.string().min(1).max(64) });
const staffMessage = z.object({
  text,
  attachments: z.array(attachmentSchema).default([]),
  lang: lang.optional(),
  /** The chat message itself, so replies to it and edits of it find the ticket. */
  chat: chatMessage.optional(),
  /** The id of the chat message this one replies to. */
  replyTo: z.string().min(1).max(64).optional(),
  /** A ticket chosen with a button, or "new". */
  ticket: z.string().min(1).max(64).optional(),
});

export const ticketsRouter = router({
  // --- staff (Telegram) ---
  open: staffProcedure
    .input(z.object({ category: ticketCategorySchema, text, attachments: z.array(attachmentSchema).default([]), lang, chat: chatMessage.optional() }))
    .mutation(({ ctx, input }) => openTicket(ctx, input)),
  postStaffMessage: staffProcedure
    .input(staffMessage)
    .mutation(({ ctx, input }) => postStaffMessage(ctx, input)),
  /** Like postStaffMessage, but only onto an open ticket: null (nothing stored) when there is none. */
  continueOpenTicket: staffProcedure
    .input(staffMessage)
    .mutation(({ ctx, input }) => continueOpenTicket(ctx, input)),
  /** Routes a staff member's message (reply-to, button, text) and acts on it; `none` = no ticket takes it yet. */
  receive: staffProcedure
    .input(staffMessage.extend({ openIfNone: z.boolean().default(true) }))
    .mutation(({ ctx, input }) => receiveStaffMessage(ctx, input)),
  reopenByStaff: staffProcedure
    .input(z.object({ ticketId: z.string().min(1), lang: lang.optional() }))
    .mutation(({ ctx, input }) => reopenByStaff(ctx, input)),
  relayEdit: staffProcedure
    .input(z.object({ chat: chatMessage, text }))
    .mutation(({ ctx, input }) => relayStaffEdit(ctx, input)),
  setLanguage: staffProcedure.input(z.object({ lang: z.enum(['id', 'en']) })).mutation(({ ctx, input }) => setTicketLanguage(ctx, input.lang)),
  hasOpenTicket: staffProcedure.query(async ({ ctx }) =>
    ctx.actor.employeeId
      ? (await ctx.db.ticket.count({ where: { requesterId: ctx.actor.employeeId, status: { not: 'ditutup' } } })) > 0
      : false,
  ),
  mine: staffProcedure.input(z.object({ lang }).optional()).query(({ ctx, input }) => myTickets(ctx, input?.lang ?? 'id')),
  rate: staffProcedure
    .input(z.object({ ticketId: z.string(), rating: z.number().int().min(1).max(5), comment: z.string().max(2000).optional() }))
    .mutation(({ ctx, input }) => rateTicket(ctx, input)),

  // --- HR (Slack) ---
  view: hrOfficerProcedure.input(ticketId).query(async ({ ctx, input }) => {
    await ticketForHr(ctx, input.ticketId, 'read');
    return loadTicketView(ctx.db, ctx.settings.businessCalendar, input.ticketId, ctx.clock.now());
  }),
  reply: hrOfficerProcedure
    .input(z.object({ ticketId: z.string(), text, attachments: z.array(attachmentSchema).default([]) }))
    .mutation(({ ctx, input }) => replyToStaff(ctx, input)),
  note: hrOfficerProcedure.input(z.object({ ticketId: z.string(), text })).mutation(({ ctx, input }) => addInternalNote(ctx, input)),
  claim: hrOfficerProcedure.input(ticketId).mutation(({ ctx, input }) => claimTicket(ctx, input.ticketId)),
  setCategory: hrOfficerProcedure
    .input(z.object({ ticketId: z.string(), category: ticketCategorySchema }))
    .mutation(({ ctx, input }) => setTicketCategory(ctx, input.ticketId, input.category)),
  setPriority: hrOfficerProcedure
    .input(z.object({ ticketId: z.string(), priority: ticketPrioritySchema }))
    .mutation(({ ctx, input }) => setTicketPriority(ctx, input.ticketId, input.priority)),
  resolve: hrOfficerProcedure.input(ticketId).mutation(({ ctx, input }) => resolveTicket(ctx, input.ticketId)),
  reopen: hrOfficerProcedure.input(ticketId).mutation(({ ctx, input }) => reopenTicket(ctx, input.ticketId)),
  queue: hrOfficerProcedure.query(({ ctx }) => openQueue(ctx)),
  statistics: hrOfficerProcedure
    .input(z.object({ days: z.number().int().min(1).max(365) }))
    .query(({ ctx, input }) => deskStatistics(ctx, input.days)),
});
