import { audienceMatcher } from '../audience/audience-matcher.js';
import { audienceOf } from '../broadcasts/broadcast-service.js';
import type { Db } from '../db/client.js';
import { addressedToAgency, publisherAgencyIds } from '../broadcasts/broadcast-reach.js';
import { enqueue } from '../outbox/enqueue.js';
import type { OutboxIntentInput } from '../outbox/outbox-intent.js';
import { staffOrderKey } from '../tickets/staff-chat.js';
import { broadcastCopyFor } from './broadcast-copy.js';
import { ownTelegramChat } from './own-chat.js';

/** At most this many are sent at once to someone who just linked; the rest are in /info. */
export const maxStillInForce = 10;

/**
 * Mandatory announcements that ask for confirmation, are still in force (no end date, or one still ahead), were
 * addressed to the employee (as their record reads now, or received before) and that they have not confirmed.
 * Newest first.
 */
export async function stillInForceFor(db: Db, employeeId: string, now: Date) {
  const employee = await db.employee.findUnique({ where: { id: employeeId }, select: { agencyId: true, nip: true, unit: true, golongan: true, positionType: true } });
  if (!employee) return [];
  const candidates = await db.broadcast.findMany({
    where: { agencyId: { in: await publisherAgencyIds(db, employee.agencyId) }, publishedAt: { not: null }, needsAck: true, mandatory: true, OR: [{ validUntil: null }, { validUntil: { gt: now } }] },
    orderBy: [{ publishedAt: 'desc' }, { number: 'desc' }],
  });
  if (candidates.length === 0) return [];
  const [acks, received] = await Promise.all([
    db.broadcastAck.findMany({ where: { employeeId }, select: { broadcastId: true } }),
    db.broadcastDelivery.findMany({ where: { employeeId }, select: { broadcastId: true }, distinct: ['broadcastId'] }),
  ]);
  const acknowledged = new Set(acks.map((a) => a.broadcastId));
  const receivedIds = new Set(received.map((r) => r.broadcastId));
  const addressed = await addressedToAgency(db, candidates, employee.agencyId);
  return addressed.filter((b) => !acknowledged.has(b.id) && (receivedIds.has(b.id) || audienceMatcher(audienceOf(b))(employee)));
}

/**
 * Someone just linked their account: the mandatory announcements still in force they have not confirmed come to
 * their chat, each with its confirmation button, after one line saying why. Returned as outbox intents, so the
 * caller stores them in the same transaction as the link itself.
 */
export async function stillInForceIntents(db: Db, employeeId: string, chatId: string, now: Date, lang: 'id' | 'en' = 'id'): Promise<OutboxIntentInput[]> {
  const all = await stillInForceFor(db, employeeId, now);
  if (all.length === 0) return [];
  const shown = all.slice(0, maxStillInForce);
  const more = all.length - shown.length;
  const intro =
    lang === 'en'
      ? [
          `There ${all.length === 1 ? 'is 1 mandatory announcement' : `are ${all.length} mandatory announcements`} still in force that you need to confirm. Read each one, then press "Saya sudah membaca dan memahami" under it.`,
          more > 0 ? `The ${shown.length} newest are sent now; the rest are in /info.` : '',
        ]
      : [
          `Ada ${all.length} pengumuman wajib yang masih berlaku dan perlu Anda konfirmasi. Bacalah, lalu tekan "Saya sudah membaca dan memahami" di bawah masing-masing.`,
          more > 0 ? `${shown.length} yang terbaru dikirim sekarang; sisanya ada di /info.` : '',
        ];
  const intents: OutboxIntentInput[] = [{ channel: 'telegram', kind: 'telegram.text', chatId, lang, text: intro.filter(Boolean).join('\n') }];
  // Oldest first, so the newest ends up at the bottom of the chat where it is read first.
  for (const broadcast of [...shown].reverse()) intents.push(await broadcastCopyFor(db, broadcast, chatId, now, false));
  return intents;
}

/** The same, for a staff member asking again (through the outbox, in order). */
export async function sendStillInForce(db: Db, now: Date, employeeId: string): Promise<{ sent: number; more: number }> {
  const chatId = await ownTelegramChat(db, employeeId);
  if (!chatId) return { sent: 0, more: 0 };
  const all = await stillInForceFor(db, employeeId, now);
  const intents = await stillInForceIntents(db, employeeId, chatId, now);
  if (intents.length === 0) return { sent: 0, more: 0 };
  const orderKey = staffOrderKey(chatId);
  await db.$transaction(async (tx) => {
    for (const intent of intents) await enqueue(tx, intent, { orderKey });
  });
  const sent = Math.min(all.length, maxStillInForce);
  return { sent, more: all.length - sent };
}
