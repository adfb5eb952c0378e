import type { Db } from '../db/client.js';
import { directSql, type SqlStatement } from '../db/direct-sql.js';

/**
 * Which ticket a chat message belongs to. The bot's messages about a ticket are recorded when the outbox has sent
 * them (their platform ids are known only then); a staff member's own messages when they are added to a ticket.
 * Telegram tells us which message a reply answers and which message was edited, by these ids.
 */
export interface TicketChatMessage {
  platform: string;
  chatId: string;
  messageId: string;
  ticketId: string;
  author: 'bot' | 'staff';
}

/** The INSERT recording one link; a link already known (a retried delivery) is left as it is. */
export function ticketChatMessageInsert(link: TicketChatMessage): SqlStatement {
  return {
    sql: `INSERT INTO "TicketChatMessage" ("platform", "chatId", "messageId", "ticketId", "author", "createdAt")
          VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT ("platform", "chatId", "messageId") DO NOTHING`,
    params: [link.platform, link.chatId, link.messageId, link.ticketId, link.author, new Date()],
  };
}

/** The ticket a chat message belongs to, or null when it is about none (a FAQ answer, a broadcast, unknown). */
export async function ticketOfChatMessage(
  db: Db,
  message: { platform: string; chatId: string; messageId: string },
): Promise<{ ticketId: string; author: string } | null> {
  const [row] = await directSql(db).query<{ ticketId: string; author: string }>(
    'SELECT "ticketId", "author" FROM "TicketChatMessage" WHERE "platform" = $1 AND "chatId" = $2 AND "messageId" = $3',
    [message.platform, message.chatId, message.messageId],
  );
  return row ?? null;
}
