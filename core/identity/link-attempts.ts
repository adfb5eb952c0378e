import { TRPCError } from '@trpc/server';
import { writeAudit } from '../audit/audit-log.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../clock/clock.js';
import type { Db } from '../db/client.js';
import { stillInForceIntents } from '../infodesk/still-in-force.js';
import type { OutboxIntentInput } from '../outbox/outbox-intent.js';
import { staffOrderKey } from '../tickets/staff-chat.js';
import { LinkCodeError, redeemLinkCode } from './link-codes.js';

export const maxWrongCodesPerHour = 5;
const hourMs = 3_600_000;

/**
 * Redeems a link code typed in a chat, refusing further tries for an hour after five wrong ones: a code has
 * about 64 bits, so guessing is hopeless anyway, but a flood of tries is worth stopping and noticing.
 */
export async function linkWithCode(
  db: Db,
  clock: Clock,
  actor: Actor,
  input: { code: string; platform: string; externalId: string; tellChat?: boolean; lang?: 'id' | 'en' },
): Promise<{ employeeId: string; name: string }> {
  const now = clock.now();
  const since = new Date(now.getTime() - hourMs);
  const recent = await db.linkAttempt.findMany({
    where: { platform: input.platform, externalId: input.externalId, at: { gt: since } },
    orderBy: { at: 'asc' },
  });
  if (recent.length >= maxWrongCodesPerHour) {
    const freeAt = new Date(recent[recent.length - maxWrongCodesPerHour]!.at.getTime() + hourMs);
    const minutes = Math.max(1, Math.ceil((freeAt.getTime() - now.getTime()) / 60_000));
    throw new TRPCError({
      code: 'TOO_MANY_REQUESTS',
      message: `Terlalu banyak kode salah. Coba lagi dalam ${minutes} menit. / Too many wrong codes: try again in ${minutes} minutes.`,
    });
  }
  try {
    const { employeeId } = await redeemLinkCode(db, clock, actor, input, input.tellChat ? (id) => afterLinkingOnTelegram(db, now, id, input) : undefined);
    await db.linkAttempt.deleteMany({ where: { platform: input.platform, externalId: input.externalId } });
    const employee = await db.employee.findUniqueOrThrow({ where: { id: employeeId } });
    return { employeeId, name: employee.name };
  } catch (error) {
    if (error instanceof LinkCodeError) {
      await db.linkAttempt.create({ data: { platform: input.platform, externalId: input.externalId, at: now } });
    }
    throw error;
  }
}

/** Linked on Telegram: the welcome, then the mandatory announcements still in force, all queued with the link. */
async function afterLinkingOnTelegram(
  db: Db,
  now: Date,
  employeeId: string,
  input: { platform: string; externalId: string; lang?: 'id' | 'en' },
): Promise<Array<{ intent: OutboxIntentInput; orderKey: string }>> {
  if (input.platform !== 'telegram') return [];
  const chatId = input.externalId;
  const lang = input.lang ?? 'id';
  const employee = await db.employee.findUniqueOrThrow({ where: { id: employeeId }, select: { name: true } });
  const intents: OutboxIntentInput[] = [
    { channel: 'telegram', kind: 'telegram.text', chatId, lang, text: linkedWelcome(lang, employee.name) },
    ...(await stillInForceIntents(db, employeeId, chatId, now, lang)),
  ];
  return intents.map((intent) => ({ intent, orderKey: staffOrderKey(chatId) }));
}

export function linkedWelcome(lang: 'id' | 'en', name: string): string {
  return lang === 'en'
    ? `Your account is linked. Welcome, ${name}!\n\nWrite your question at any time, or type /bantuan to see what you can do.`
    : `Akun Anda sudah tertaut. Selamat datang, ${name}!\n\nTulis pertanyaan Anda kapan saja, atau ketik /bantuan untuk melihat apa saja yang dapat dilakukan.`;
}

/**
 * HR lifts the lock after wrong codes (the employee typed five wrong ones, and now even the right code is refused
 * for an hour). The lock is kept per chat account, which HR cannot name, so every lock in force is lifted: HR does
 * this only when someone asks, and a code is still impossible to guess. Returns how many chat accounts were freed.
 */
export async function liftLinkLockouts(db: Db, clock: Clock, actor: Actor, reason: { employeeId: string; agencyId: string }): Promise<number> {
  const since = new Date(clock.now().getTime() - hourMs);
  const locked = await db.linkAttempt.groupBy({ by: ['platform', 'externalId'], where: { at: { gt: since } }, _count: { _all: true } });
  const lifted = locked.filter((row) => row._count._all >= maxWrongCodesPerHour);
  await db.$transaction(async (tx) => {
    for (const row of lifted) await tx.linkAttempt.deleteMany({ where: { platform: row.platform, externalId: row.externalId } });
    await writeAudit(tx, actor, { action: 'linkCode.liftLockouts', entity: 'Employee', entityId: reason.employeeId, agencyId: reason.agencyId, after: { lifted: lifted.length } });
  });
  return lifted.length;
}
