import type { Db } from '../db/client.js';
import { directSql } from '../db/direct-sql.js';

/**
 * True the first time an inbound event id is seen. Telegram re-delivers an update and Slack retries an event when
 * an answer is slow; acting twice would open duplicate tickets or send a reply twice. Every update passes here,
 * so it is one direct statement: the insert that loses a race (or meets an old id) changes nothing.
 */
export async function isFirstDelivery(db: Db, platform: string, eventId: string): Promise<boolean> {
  const inserted = await directSql(db).execute(
    'INSERT INTO "InboundEvent" ("platform", "eventId", "receivedAt") VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
    [platform, eventId, new Date()],
  );
  return inserted === 1;
}
