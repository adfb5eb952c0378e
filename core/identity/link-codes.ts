import { TRPCError } from '@trpc/server';
import type { Actor } from '../auth/actor.js';
import { digest, newLinkCode, normaliseLinkCode } from '../auth/secrets.js';
import { writeAudit } from '../audit/audit-log.js';
import type { Clock } from '../clock/clock.js';
import type { Db } from '../db/client.js';
import { enqueue } from '../outbox/enqueue.js';
import type { OutboxIntentInput } from '../outbox/outbox-intent.js';

export interface IssuedLinkCode {
  code: string;
  expiresAt: Date;
}

/**
 * A one-time code HR hands to one employee (on paper, by phone, in person). Only its digest is stored; issuing a
 * new code makes the employee's earlier unused codes void, so at most one is ever valid.
 */
export async function issueLinkCode(
  db: Db,
  clock: Clock,
  actor: Actor,
  employeeId: string,
  ttlHours: number,
): Promise<IssuedLinkCode> {
  const code = newLinkCode();
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  await db.$transaction(async (tx) => {
    await tx.linkCode.updateMany({ where: { employeeId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    await tx.linkCode.create({ data: { employeeId, codeHash: digest(code), expiresAt, createdBy: actor.ref } });
    await writeAudit(tx, actor, { action: 'linkCode.issue', entity: 'Employee', entityId: employeeId, after: { expiresAt } });
  });
  return { code, expiresAt };
}

export type RedeemFailure = 'unknown' | 'expired' | 'used';

export class LinkCodeError extends TRPCError {
  constructor(readonly reason: RedeemFailure) {
    const messages: Record<RedeemFailure, string> = {
      unknown: 'Kode tautan tidak dikenal. Periksa kembali kodenya. / Unknown link code.',
      expired: 'Kode tautan sudah kedaluwarsa. Minta kode baru ke petugas kepegawaian. / The link code has expired.',
      used: 'Kode tautan sudah pernah dipakai. Minta kode baru ke petugas kepegawaian. / The link code was already used.',
    };
    super({ code: 'BAD_REQUEST', message: messages[reason] });
  }
}

/** Links a chat account to the code's employee. The code is spent atomically: two racing redeems link once. */
export async function redeemLinkCode(
  db: Db,
  clock: Clock,
  actor: Actor,
  input: { code: string; platform: string; externalId: string },
  /** What the chat is told once linked (a welcome, announcements still in force): stored with the link itself. */
  afterLinking?: (employeeId: string) => Promise<Array<{ intent: OutboxIntentInput; orderKey: string }>>,
): Promise<{ employeeId: string }> {
  const now = clock.now();
  const codeHash = digest(normaliseLinkCode(input.code));
  const found = await db.linkCode.findUnique({ where: { codeHash } });
  if (!found) throw new LinkCodeError('unknown');
  if (found.usedAt) throw new LinkCodeError('used');
  if (found.expiresAt <= now) throw new LinkCodeError('expired');
  const messages = afterLinking ? await afterLinking(found.employeeId) : [];
  return db.$transaction(async (tx) => {
    for (const message of messages) await enqueue(tx, message.intent, { orderKey: message.orderKey });
    const spent = await tx.linkCode.updateMany({ where: { id: found.id, usedAt: null }, data: { usedAt: now } });
    if (spent.count !== 1) throw new LinkCodeError('used');
    await tx.chatIdentity.upsert({
      where: { platform_externalId: { platform: input.platform, externalId: input.externalId } },
      create: { platform: input.platform, externalId: input.externalId, employeeId: found.employeeId },
      update: { employeeId: found.employeeId, linkedAt: now },
    });
    await writeAudit(tx, actor, {
      action: 'chatIdentity.link',
      entity: 'Employee',
      entityId: found.employeeId,
      after: { platform: input.platform, externalId: input.externalId },
    });
    return { employeeId: found.employeeId };
  });
}
