import type { I18nFlavor } from '@grammyjs/i18n';
import type { Context, SessionFlavor, StorageAdapter } from 'grammy';
import { z } from 'zod';
import type { Actor } from '../../core/auth/actor.js';
import type { Db } from '../../core/db/client.js';
import { directSql } from '../../core/db/direct-sql.js';
import { feedbackKindSchema } from '../../core/feedback/feedback-service.js';
import { attachmentSchema } from '../../core/outbox/outbox-intent.js';
import { ticketCategorySchema } from '../../core/tickets/categories.js';

export type Lang = 'id' | 'en';

/** When the step began (epoch ms): every step expires after CHAT_STEP_TIMEOUT_MINUTES (see step-expiry.ts). */
const began = { startedAt: z.number().int().optional() };

/**
 * What a chat is in the middle of. Kept in the session (BotSession table) so a restart does not lose it, and
 * expiring so a step left half done never swallows a message days later. Feedback keeps its text only while an
 * anonymous draft waits for its confirmation button; it is cleared as it is sent, cancelled or expires.
 */
const pendingSchema = z.discriminatedUnion('kind', [
  /** /tiket: a category was chosen; the next message opens the ticket. */
  z.object({ kind: z.literal('ticket'), category: ticketCategorySchema, ...began }),
  /** /saran: the kind and the anonymity choice are made with buttons; the next text is sent (anonymous: confirmed first). */
  z.object({
    kind: z.literal('feedback'),
    feedbackKind: feedbackKindSchema.optional(),
    anonymous: z.boolean().optional(),
    /** An anonymous draft shown back to the sender, waiting for "Kirim anonim". */
    text: z.string().max(5000).optional(),
    ...began,
  }),
  /** A rating was given; the next text is its comment ("Lewati" drops it). */
  z.object({
    kind: z.literal('csatComment'),
    ticketId: z.string(),
    rating: z.number().int().min(1).max(5),
    askMessageId: z.number().int().optional(),
    ...began,
  }),
  /** The SKM survey of a resolved ticket: the answers given so far (1–4 each), stored together after the ninth. */
  z.object({ kind: z.literal('survey'), ticketId: z.string().max(64), scores: z.array(z.number().int().min(1).max(4)).max(9), ...began }),
  /** A question for a sosialisasi session: the session is chosen (button) and/or the text is written, in either order. */
  z.object({ kind: z.literal('sessionQuestion'), sessionId: z.string().max(64).optional(), text: z.string().max(4000).optional(), ...began }),
  /** A free message while several tickets are open: kept until the staff member picks its ticket with a button. */
  z.object({
    kind: z.literal('route'),
    text: z.string().max(20_000),
    attachments: z.array(attachmentSchema).max(10),
    messageId: z.number().int(),
    ...began,
  }),
]);

export const sessionSchema = z.object({
  lang: z.enum(['id', 'en']).optional(),
  pending: pendingSchema.optional(),
});

export type SessionData = z.infer<typeof sessionSchema>;
export type Pending = NonNullable<SessionData['pending']>;

/** Per-update bookkeeping: who is writing and what came of it (logged with the update id, nothing else). */
export interface UpdateState {
  outcome: string;
  actor: Actor | null;
  /** The step this chat was in when it expired before this update (told once, then handled as fresh). */
  expired?: Pending['kind'];
}

export type BotContext = Context & SessionFlavor<SessionData> & I18nFlavor & { layani: UpdateState };

/**
 * Session storage in the BotSession table; a row this version cannot read counts as an empty session. Every
 * update reads its chat's session (the language picks the translations), but few change it: grammY writes back
 * whatever was read, so a session written back unchanged is skipped. Direct SQL, since this runs on every update.
 */
export function sessionStorage(db: Db): StorageAdapter<SessionData> {
  const sql = directSql(db);
  // The JSON each session object had when it was read or last written.
  const stored = new WeakMap<SessionData, string>();
  return {
    read: async (key) => {
      const [row] = await sql.query<{ value: string }>('SELECT "value" FROM "BotSession" WHERE "key" = $1', [key]);
      if (!row?.value) return undefined;
      const parsed = sessionSchema.safeParse(JSON.parse(row.value));
      const session = parsed.success ? parsed.data : {};
      stored.set(session, JSON.stringify(session));
      return session;
    },
    write: async (key, value) => {
      const json = JSON.stringify(value);
      if (stored.get(value) === json) return;
      await sql.execute(
        'INSERT INTO "BotSession" ("key", "value") VALUES ($1, $2) ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value"',
        [key, json],
      );
      stored.set(value, json);
    },
    delete: async (key) => {
      await sql.execute('DELETE FROM "BotSession" WHERE "key" = $1', [key]);
    },
  };
}

/** Private chats only: `telegram:<chat id>` (the BotSession table may be shared with other adapters). */
export function sessionKey(ctx: Context): string | undefined {
  return ctx.chat?.type === 'private' ? `telegram:${ctx.chat.id}` : undefined;
}

export function langOf(ctx: BotContext): Lang {
  return ctx.session.lang ?? 'id';
}
