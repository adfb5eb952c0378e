import { personalButtonsFor } from '../broadcasts/broadcast-buttons.js';
import { broadcastIntent } from '../broadcasts/broadcast-intent.js';
import type { StoredBroadcast } from '../broadcasts/broadcast-service.js';
import type { Db } from '../db/client.js';
import type { OutboxIntentInput } from '../outbox/outbox-intent.js';
import { calledOffInvitation, isCalledOff } from '../sosialisasi/session-lifecycle.js';

type Readable = Pick<StoredBroadcast, 'id' | 'kind' | 'sessionId' | 'title' | 'text' | 'needsAck'>;

/**
 * Broadcasts as they read now: the invitation of a session that was cancelled or rejected says so (title and
 * text) and asks for nothing, wherever it is read again (the /info list, its search, the full copy).
 */
export async function asReadNow<T extends Readable>(db: Db, broadcasts: T[]): Promise<Array<T & { calledOff: 'cancelled' | 'rejected' | null }>> {
  const sessionIds = broadcasts.filter((b) => b.kind === 'session_invitation' && b.sessionId).map((b) => b.sessionId!);
  const sessions = sessionIds.length ? await db.sosialisasiSession.findMany({ where: { id: { in: sessionIds } } }) : [];
  const byId = new Map(sessions.map((s) => [s.id, s]));
  return broadcasts.map((b) => {
    const session = b.kind === 'session_invitation' && b.sessionId ? byId.get(b.sessionId) : undefined;
    if (!session || !isCalledOff(session.status)) return { ...b, calledOff: null };
    return { ...b, ...calledOffInvitation(session), needsAck: false, calledOff: session.status };
  });
}

/**
 * One person's copy of a broadcast, as the fan-out would have sent it: Markdown text, attachment, the confirmation
 * button unless they already confirmed, and the RSVP or "Saya tertarik" buttons while those still apply.
 */
export async function broadcastCopyFor(db: Db, broadcast: StoredBroadcast, chatId: string, now: Date, acknowledged: boolean): Promise<OutboxIntentInput> {
  const [current] = await asReadNow(db, [broadcast]);
  // Asked for (or just linked): not held for the morning.
  return broadcastIntent(current!, chatId, { askToConfirm: !acknowledged, buttons: await personalButtonsFor(db, broadcast, now), holdInQuietHours: false });
}
