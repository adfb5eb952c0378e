import type { Db } from '../db/client.js';

/**
 * True the first time an inbound event id is seen. Telegram re-delivers an update and Slack retries an event when
 * an answer is slow; acting twice would open duplicate tickets or send a reply twice.
 */
export async function isFirstDelivery(db: Db, platform: string, eventId: string): Promise<boolean> {
  try {
    await db.inboundEvent.create({ data: { platform, eventId } });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') return false;
    throw error;
  }
}
