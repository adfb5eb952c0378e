import { z } from 'zod';
import { serviceReportSchema } from '../reports/report-schema.js';

export const attachmentSchema = z.object({
  /** Where the file lives now: the platform it came from and that platform's id for it. */
  source: z.enum(['telegram', 'slack']),
  fileId: z.string(),
  fileName: z.string().max(255),
  mimeType: z.string().nullable(),
  kind: z.enum(['photo', 'document']),
  /** For Slack files: the private download URL (fetched with the bot token). */
  url: z.string().nullable().default(null),
});
export type Attachment = z.infer<typeof attachmentSchema>;

const lang = z.enum(['id', 'en']);

/** An inline button: its label (already in the reader's language) and what pressing it sends back to us. */
export const buttonSchema = z.object({ text: z.string().min(1).max(64), data: z.string().min(1).max(64) });
export type Button = z.infer<typeof buttonSchema>;

/** Personal messages nobody asked for wait out quiet hours (21:00–06:00 WIB) unless marked urgent. */
const holdInQuietHours = z.boolean().default(false);

/**
 * What the core asks a chat platform to deliver. The core decides what is said; each adapter decides how
 * (escaping, splitting, Block Kit, keyboards). Payloads are validated when they are stored and when they are sent.
 */
export const outboxIntentSchema = z.discriminatedUnion('kind', [
  /** A plain-text notice to a staff member (acknowledgements, office-hours notes, ticket replies). */
  z.object({
    channel: z.literal('telegram'),
    kind: z.literal('telegram.text'),
    chatId: z.string(),
    text: z.string(),
    lang,
    attachments: z.array(attachmentSchema).default([]),
    /** Rows of buttons under the (last part of the) text. */
    buttons: z.array(z.array(buttonSchema)).default([]),
    holdInQuietHours,
    /** The ticket this message is about: a staff member's reply to it then goes to that ticket. */
    ticketId: z.string().nullable().default(null),
  }),
  /**
   * A broadcast to one chat (a person or a group). `text` is the broadcast's Markdown; `ackLabel` (when the
   * broadcast asks for confirmation) is the label of the "read and understood" button.
   */
  z.object({
    channel: z.literal('telegram'),
    kind: z.literal('telegram.broadcast'),
    chatId: z.string(),
    broadcastId: z.string(),
    title: z.string(),
    text: z.string(),
    attachment: attachmentSchema.nullable().default(null),
    ackLabel: z.string().nullable().default(null),
    /** Further rows under the text (RSVP, "Saya tertarik"), after the confirmation button. */
    buttons: z.array(z.array(buttonSchema)).default([]),
    holdInQuietHours,
  }),
  /** The 1–5 rating keyboard after a ticket is resolved. */
  z.object({
    channel: z.literal('telegram'),
    kind: z.literal('telegram.csatPrompt'),
    chatId: z.string(),
    ticketId: z.string(),
    ticketNumber: z.number(),
    lang,
    /** Label of the "Buka lagi" button under the rating keyboard (reopens the ticket). */
    reopenLabel: z.string().nullable().default(null),
  }),
  /** Post the ticket's card in its channel, or update it in place once posted. */
  z.object({ channel: z.literal('slack'), kind: z.literal('slack.ticketCard'), ticketId: z.string() }),
  /**
   * A message in the ticket's thread: a staff member's words (`author` is their name), a rating, an SLA alert.
   * `mention` is a Slack user id or "channel"; kept apart from the text, which the adapter escapes.
   */
  z.object({
    channel: z.literal('slack'),
    kind: z.literal('slack.threadMessage'),
    ticketId: z.string(),
    text: z.string(),
    attachments: z.array(attachmentSchema).default([]),
    author: z.string().nullable().default(null),
    mention: z.string().nullable().default(null),
  }),
  /**
   * A message in a channel (feedback, the digest) or a user's DM (`slackChannel` a user id). `mention` is a Slack
   * user id named at the end (who decided, for instance); kept apart from the text, which the adapter escapes.
   */
  z.object({ channel: z.literal('slack'), kind: z.literal('slack.channelMessage'), slackChannel: z.string(), text: z.string(), mention: z.string().nullable().default(null) }),
  /** A broadcast posted in a Slack channel (`text` is Markdown; the adapter converts it). */
  z.object({ channel: z.literal('slack'), kind: z.literal('slack.broadcast'), slackChannel: z.string(), broadcastId: z.string(), title: z.string(), text: z.string() }),
  /** Ask the HR leads to approve a broadcast, or update that request once decided. */
  z.object({ channel: z.literal('slack'), kind: z.literal('slack.broadcastApproval'), broadcastId: z.string() }),
  /**
   * The monthly service report in the HR leads' channel: the figures as the core collected them; the adapter posts
   * the summary with the charts (PNG), the PDF and the CSV rendered from them.
   */
  z.object({ channel: z.literal('slack'), kind: z.literal('slack.serviceReport'), slackChannel: z.string(), report: serviceReportSchema }),
  /** Post a FAQ draft's review message in the HR leads' channel, or update it in place once posted. */
  z.object({ channel: z.literal('slack'), kind: z.literal('slack.faqDraftReview'), draftId: z.string() }),
]);

export type OutboxIntent = z.infer<typeof outboxIntentSchema>;
/** What callers pass to enqueue: defaults (no buttons, no attachments) may be left out. */
export type OutboxIntentInput = z.input<typeof outboxIntentSchema>;
export type OutboxChannel = OutboxIntent['channel'];
export type IntentOf<K extends OutboxIntent['kind']> = Extract<OutboxIntent, { kind: K }>;
