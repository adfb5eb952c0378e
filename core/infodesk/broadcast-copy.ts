import { personalButtonsFor } from '../broadcasts/broadcast-buttons.js';
import type { StoredBroadcast } from '../broadcasts/broadcast-service.js';
import { ackButtonLabel } from '../broadcasts/broadcast-texts.js';
import type { Db } from '../db/client.js';
import type { Attachment, OutboxIntentInput } from '../outbox/outbox-intent.js';

/**
 * One person's copy of a broadcast, as the fan-out would have sent it: Markdown text, attachment, the confirmation
 * button unless they already confirmed, and the RSVP or "Saya tertarik" buttons while those still apply.
 */
export async function broadcastCopyFor(db: Db, broadcast: StoredBroadcast, chatId: string, now: Date, acknowledged: boolean): Promise<OutboxIntentInput> {
  const attachment: Attachment | null = broadcast.attachment ? JSON.parse(broadcast.attachment) : null;
  return {
    channel: 'telegram',
    kind: 'telegram.broadcast',
    chatId,
    broadcastId: broadcast.id,
    title: broadcast.title,
    text: broadcast.text,
    attachment,
    ackLabel: broadcast.needsAck && !acknowledged ? ackButtonLabel : null,
    buttons: await personalButtonsFor(db, broadcast, now),
    // Asked for (or just linked): not held for the morning.
    holdInQuietHours: false,
  };
}
