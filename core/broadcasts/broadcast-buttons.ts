import { todayInJakarta } from '../dates/calendar-date.js';
import type { Db } from '../db/client.js';
import { interestButton, isOpenOpportunity } from '../infodesk/career-interest.js';
import type { Button } from '../outbox/outbox-intent.js';
import { rsvpButtons } from '../sosialisasi/invitation.js';
import type { StoredBroadcast } from './broadcast-service.js';

/**
 * Buttons a person's copy of a broadcast carries besides the confirmation: RSVP and "ask" under a sosialisasi
 * invitation, "Saya tertarik" under an open career opportunity. Groups get none of these (they are personal answers).
 */
export async function personalButtonsFor(db: Db, broadcast: Pick<StoredBroadcast, 'id' | 'kind' | 'sessionId' | 'topic' | 'closesOn'>, now: Date): Promise<Button[][]> {
  if (broadcast.kind === 'session_invitation' && broadcast.sessionId) {
    const session = await db.sosialisasiSession.findUnique({ where: { id: broadcast.sessionId } });
    return session && session.status === 'scheduled' && session.endsAt > now ? rsvpButtons(session) : [];
  }
  if (isOpenOpportunity(broadcast, todayInJakarta(now))) return [[interestButton(broadcast.id)]];
  return [];
}
