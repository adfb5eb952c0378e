import { TRPCError } from '@trpc/server';
import type { Actor } from '../auth/actor.js';
import { writeAudit } from '../audit/audit-log.js';
import { withdrawBroadcastIn } from '../broadcasts/broadcast-decision.js';
import { databaseKindOf } from '../db/bulk-insert.js';
import type { Db } from '../db/client.js';
import { callOffSession, sessionStatusLabels, type SessionStatus } from './session-lifecycle.js';
import type { StoredSession } from './session-service.js';

/**
 * Calls a session off: an invitation not sent yet stays unsent (and its approval request says so), and everyone
 * who was invited and knows of the session is told once. Reminders stop because they only look at scheduled
 * sessions; /info marks the invitation as cancelled.
 */
export async function cancelSession(db: Db, now: Date, actor: Actor, session: StoredSession): Promise<{ told: number }> {
  const nothing = () =>
    new TRPCError({ code: 'CONFLICT', message: `Sesi #${session.number} sudah ${sessionStatusLabels[session.status as SessionStatus] ?? session.status}; tidak ada yang dapat dibatalkan. / Nothing to cancel.` });
  if (session.status !== 'scheduled') throw nothing();
  return db.$transaction(async (tx) => {
    const result = await callOffSession(tx, databaseKindOf(db), session, 'cancelled', now);
    if (!result) throw nothing();
    if (session.invitationBroadcastId) await withdrawBroadcastIn(tx, session.invitationBroadcastId, actor, now);
    await writeAudit(tx, actor, { action: 'sosialisasi.cancel', entity: 'SosialisasiSession', entityId: session.id, agencyId: session.agencyId, after: { told: result.told } });
    return result;
  });
}
