import type { Db, TransactionClient } from '../db/client.js';

/** The Telegram chat of an employee (private chat id = user id), or null when they never linked Telegram. */
export async function telegramChatOf(db: Db | TransactionClient, employeeId: string): Promise<string | null> {
  const identity = await db.chatIdentity.findFirst({
    where: { employeeId, platform: 'telegram' },
    orderBy: { linkedAt: 'desc' },
  });
  return identity?.externalId ?? null;
}

export const staffOrderKey = (chatId: string) => `telegram:${chatId}`;
export const ticketOrderKey = (ticketId: string) => `ticket:${ticketId}:slack`;
