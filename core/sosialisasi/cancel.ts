import { TRPCError } from '@trpc/server';
import type { Actor } from '../auth/actor.js';
import { telegramChatsOf } from '../audience/resolve-audience.js';
import { writeAudit } from '../audit/audit-log.js';
import { databaseKindOf } from '../db/bulk-insert.js';
import type { Db } from '../db/client.js';
import { enqueueMany, type QueuedIntent } from '../outbox/enqueue-many.js';
import type { StoredSession } from './session-service.js';
import { describeSessionTime } from './session-time.js';

/**
 * Calls a session off: an invitation not sent yet stays unsent, and those who said they would come (in the room
 * or online) are told. Reminders stop because they only look at scheduled sessions.
 */
export async function cancelSession(db: Db, now: Date, actor: Actor, session: StoredSession): Promise<{ told: number }> {
  if (session.status !== 'scheduled') throw new TRPCError({ code: 'CONFLICT', message: `Sesi #${session.number} sudah ${session.status === 'finished' ? 'selesai' : 'dibatalkan'}. / Nothing to cancel.` });
  const chats = await telegramChatsOf(db, session.agencyId);
  return db.$transaction(async (tx) => {
    const { count } = await tx.sosialisasiSession.updateMany({ where: { id: session.id, status: 'scheduled' }, data: { status: 'cancelled', finishedAt: now } });
    if (count !== 1) throw new TRPCError({ code: 'CONFLICT', message: `Sesi #${session.number} sudah ditutup. / Nothing to cancel.` });
    if (session.invitationBroadcastId) {
      await tx.broadcast.updateMany({ where: { id: session.invitationBroadcastId, status: { in: ['scheduled', 'pending_approval'] } }, data: { status: 'cancelled', decidedBy: actor.ref, decidedAt: now } });
    }
    const coming = await tx.sessionRsvp.findMany({ where: { sessionId: session.id, answer: { in: ['hadir', 'online'] } } });
    const text = `Sosialisasi "${session.title}" (${describeSessionTime(session)}) dibatalkan. Mohon maaf; jadwal pengganti akan diumumkan.`;
    const intents: QueuedIntent[] = coming.flatMap((rsvp) => {
      const chat = chats.get(rsvp.employeeId);
      return chat && !chat.blocked ? [{ intent: { channel: 'telegram', kind: 'telegram.text', chatId: chat.chatId, lang: 'id', text } }] : [];
    });
    await enqueueMany(tx, databaseKindOf(db), intents, now);
    await writeAudit(tx, actor, { action: 'sosialisasi.cancel', entity: 'SosialisasiSession', entityId: session.id, agencyId: session.agencyId });
    return { told: intents.length };
  });
}
