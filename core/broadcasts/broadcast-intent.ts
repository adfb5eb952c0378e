import type { Button, OutboxIntentInput } from '../outbox/outbox-intent.js';
import type { StoredBroadcast } from './broadcast-service.js';
import { ackButtonLabel } from './broadcast-texts.js';

export interface CopyOptions {
  /** Show the "Saya sudah membaca dan memahami" button (when the broadcast asks for it). */
  askToConfirm: boolean;
  /** RSVP or "Saya tertarik" rows, for personal chats. */
  buttons?: Button[][];
  holdInQuietHours: boolean;
  /** Put before the title, e.g. for a reminder to confirm. */
  titlePrefix?: string;
}

/** One chat's copy of a broadcast: its Markdown, attachment and buttons, as the Telegram adapter renders it. */
export function broadcastIntent(broadcast: Pick<StoredBroadcast, 'id' | 'title' | 'text' | 'attachment' | 'needsAck'>, chatId: string, options: CopyOptions): OutboxIntentInput {
  return {
    channel: 'telegram',
    kind: 'telegram.broadcast',
    chatId,
    broadcastId: broadcast.id,
    title: `${options.titlePrefix ?? ''}${broadcast.title}`,
    text: broadcast.text,
    attachment: broadcast.attachment ? JSON.parse(broadcast.attachment) : null,
    ackLabel: broadcast.needsAck && options.askToConfirm ? ackButtonLabel : null,
    buttons: options.buttons ?? [],
    holdInQuietHours: options.holdInQuietHours,
  };
}
