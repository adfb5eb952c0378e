import { describeAudience } from '../audience/audience.js';
import type { Db } from '../db/client.js';
import type { BroadcastStatus } from './broadcast-input.js';
import { audienceOf, type StoredBroadcast } from './broadcast-service.js';

const wib = new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Jakarta', dateStyle: 'long', timeStyle: 'short' });

export function describeSchedule(broadcast: Pick<StoredBroadcast, 'scheduleKind' | 'runAt' | 'cron'>): string {
  if (broadcast.scheduleKind === 'cron') return `berulang: cron "${broadcast.cron}" (WIB)`;
  if (broadcast.scheduleKind === 'once' && broadcast.runAt) return `dikirim ${wib.format(broadcast.runAt)} WIB`;
  return 'dikirim segera';
}

/** What the HR leads see when asked to approve. */
export async function loadBroadcastView(db: Db, broadcastId: string) {
  const b = await db.broadcast.findUnique({ where: { id: broadcastId } });
  if (!b) return null;
  return {
    id: b.id,
    agencyId: b.agencyId,
    number: b.number,
    title: b.title,
    text: b.text,
    status: b.status as BroadcastStatus,
    audienceText: describeAudience(audienceOf(b)),
    scheduleText: describeSchedule(b),
    createdBy: b.createdBy,
    decidedBy: b.decidedBy,
    slackChannel: b.slackChannel,
    slackTs: b.slackTs,
  };
}

export async function recordApprovalMessage(db: Db, broadcastId: string, channel: string, ts: string): Promise<void> {
  await db.broadcast.update({ where: { id: broadcastId }, data: { slackChannel: channel, slackTs: ts } });
}
