import type { Button } from '../outbox/outbox-intent.js';

/** callback_data that opens one archived announcement in full (text, attachment, buttons): `infob:<broadcastId>`. */
export const archiveItemCallbackPrefix = 'infob:';

export function archiveItemButton(broadcastId: string, text: string): Button {
  return { text, data: `${archiveItemCallbackPrefix}${broadcastId}` };
}
