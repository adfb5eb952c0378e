import { TRPCError } from '@trpc/server';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../clock/clock.js';
import type { Db } from '../db/client.js';
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
  input: { code: string; platform: string; externalId: string },
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
    const { employeeId } = await redeemLinkCode(db, clock, actor, input);
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
