import { personalButtonsFor } from '../broadcasts/broadcast-buttons.js';
import { broadcastIntent } from '../broadcasts/broadcast-intent.js';
import type { StoredBroadcast } from '../broadcasts/broadcast-service.js';
import type { Db } from '../db/client.js';
import type { OutboxIntentInput } from '../outbox/outbox-intent.js';

/**
 * One person's copy of a broadcast, as the fan-out would have sent it: Markdown text, attachment, the confirmation
 * button unless they already confirmed, and the RSVP or "Saya tertarik" buttons while those still apply.
 */
export async function broadcastCopyFor(db: Db, broadcast: StoredBroadcast, chatId: string, now: Date, acknowledged: boolean): Promise<OutboxIntentInput> {
  // Asked for (or just linked): not held for the morning.
  return broadcastIntent(broadcast, chatId, { askToConfirm: !acknowledged, buttons: await personalButtonsFor(db, broadcast, now), holdInQuietHours: false });
}
