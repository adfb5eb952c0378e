import type { Db } from '../db/client.js';
import { findAgencyByCode } from '../records/agencies.js';

/**
 * The bot was added to or removed from a group. Groups are broadcast targets; they belong to the default agency
 * until an admin moves them (one agency configured today).
 */
export async function recordGroupMembership(db: Db, defaultAgencyCode: string, group: { platform: string; chatId: string; title: string }, member: boolean, at: Date): Promise<void> {
  if (!member) {
    await db.chatGroup.updateMany({ where: { platform: group.platform, chatId: group.chatId }, data: { leftAt: at } });
    return;
  }
  const agency = await findAgencyByCode(db, defaultAgencyCode);
  if (!agency) return;
  await db.chatGroup.upsert({
    where: { platform_chatId: { platform: group.platform, chatId: group.chatId } },
    create: { platform: group.platform, chatId: group.chatId, title: group.title.slice(0, 200), agencyId: agency.id, joinedAt: at },
    update: { title: group.title.slice(0, 200), leftAt: null },
  });
}

/** The person wrote to us again (e.g. pressed Start after unblocking): their chat is reachable. */
export async function clearBlockedChat(db: Db, platform: string, chatId: string): Promise<void> {
  await db.blockedChat.deleteMany({ where: { platform, chatId } });
}

/** Telegram said 403 for this chat: stop queueing broadcasts and reminders to it until they write again. */
export async function markBlockedChat(db: Db, platform: string, chatId: string, at: Date): Promise<void> {
  await db.blockedChat.upsert({ where: { platform_chatId: { platform, chatId } }, create: { platform, chatId, blockedAt: at }, update: { blockedAt: at } });
}
