import type { Db } from '../db/client.js';
import { telegramChatOf } from '../tickets/staff-chat.js';

/**
 * The Telegram private chat of an employee, or null when they have none or blocked the bot. Staff procedures that
 * send something to "me" use this rather than a chat id from the request, so nobody can make LAYANI write into
 * someone else's chat.
 */
export async function ownTelegramChat(db: Db, employeeId: string): Promise<string | null> {
  const chatId = await telegramChatOf(db, employeeId);
  if (!chatId) return null;
  const blocked = await db.blockedChat.findUnique({ where: { platform_chatId: { platform: 'telegram', chatId } } });
  return blocked ? null : chatId;
}
