import { randomUUID } from 'node:crypto';
import cron from 'node-cron';
import { agenciesOfAudience, audienceMembersByAgency } from '../audience/resolve-audience.js';
import { bulkInsert, databaseKindOf } from '../db/bulk-insert.js';
import type { Db } from '../db/client.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import type { Logger } from '../logging/logger.js';
import { enqueueMany, type QueuedIntent } from '../outbox/enqueue-many.js';
import { broadcastIntent } from './broadcast-intent.js';
import { audienceOf, type StoredBroadcast } from './broadcast-service.js';
import { optedOutOf } from '../infodesk/subscriptions.js';
import { personalButtonsFor } from './broadcast-buttons.js';

const minute = 60_000;
const expansionLeaseMs = 2 * minute;
const chunkSize = 500;

/**
 * The scheduled times that have come for a broadcast since it was last looked at. A cron broadcast whose times were
 * missed while LAYANI was down sends once for the latest missed time, not once per missed time.
 */
export function dueTimes(broadcast: Pick<StoredBroadcast, 'scheduleKind' | 'runAt' | 'cron' | 'cronCheckedAt' | 'createdAt'>, now: Date): Date[] {
  if (broadcast.scheduleKind !== 'cron') {
    return broadcast.runAt && broadcast.runAt.getTime() <= now.getTime() ? [broadcast.runAt] : [];
  }
  if (!broadcast.cron) return [];
  const task = cron.createTask(broadcast.cron, () => undefined, { timezone: 'Asia/Jakarta' });
  try {
    const from = Math.max((broadcast.cronCheckedAt ?? broadcast.createdAt).getTime(), now.getTime() - 24 * 60 * minute);
    // Minutes after the last check, up to and including the current one.
    const end = Math.floor(now.getTime() / minute) * minute;
    for (let at = end; at > from; at -= minute) {
      if (task.match(new Date(at))) return [new Date(at)];
    }
    return [];
  } finally {
    void task.destroy();
  }
}

/**
 * Starts the runs that are due. The run's unique (broadcast, scheduled time) makes a tick on several instances
 * start it once; a one-off broadcast is marked sent in the same step.
 */
export async function startDueRuns(db: Db, now: Date): Promise<number> {
  const broadcasts = await db.broadcast.findMany({ where: { status: 'scheduled' } });
  let started = 0;
  for (const broadcast of broadcasts) {
    for (const scheduledFor of dueTimes(broadcast, now)) {
      try {
        await db.$transaction(async (tx) => {
          await tx.broadcastRun.create({ data: { broadcastId: broadcast.id, scheduledFor } });
          // publishedAt files it in the information desk's archive, dated by its latest sending.
          await tx.broadcast.update({
            where: { id: broadcast.id },
            data: { publishedAt: scheduledFor, ...(broadcast.scheduleKind !== 'cron' ? { status: 'sent' } : {}) },
          });
        });
        started++;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    if (broadcast.scheduleKind === 'cron') await db.broadcast.updateMany({ where: { id: broadcast.id, status: 'scheduled' }, data: { cronCheckedAt: now } });
  }
  return started;
}

/** Takes an unfinished run for this instance for a while; null when another instance holds it. */
async function leaseRun(db: Db, runId: string, now: Date): Promise<Date | null> {
  const until = new Date(now.getTime() + expansionLeaseMs + Math.floor(Math.random() * 1000));
  const { count } = await db.broadcastRun.updateMany({
    where: { id: runId, status: 'expanding', OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    data: { lockedUntil: until },
  });
  return count === 1 ? until : null;
}

/**
 * Turns runs into one outbox message per recipient, in chunks. Each chunk stores its deliveries and their outbox
 * messages in one transaction, and only while this instance still holds the run, so a run taken over after a crash
 * continues where the last committed chunk ended and nobody is queued twice.
 */
export async function expandRuns(db: Db, now: Date, log: Logger): Promise<number> {
  const runs = await db.broadcastRun.findMany({
    where: { status: 'expanding', OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    orderBy: { createdAt: 'asc' },
  });
  let queued = 0;
  for (const run of runs) {
    let lease = await leaseRun(db, run.id, now);
    if (!lease) continue;
    const broadcast = await db.broadcast.findUniqueOrThrow({ where: { id: run.broadcastId } });
    const done = new Set((await db.broadcastDelivery.findMany({ where: { runId: run.id }, select: { target: true } })).map((d) => d.target));
    // Recipients come an agency at a time and are stored a chunk at a time, so the fan-out never holds the whole
    // province in memory; `seen` (targets only) keeps each chat to one copy across agencies.
    const seen = new Set<string>();
    let chunk: Target[] = [];
    const store = async () => {
      lease = await storeChunk(db, run.id, broadcast, chunk, lease!, now);
      if (lease) queued += chunk.filter((t) => t.intent).length;
      chunk = [];
    };
    batches: for await (const batch of recipientBatches(db, broadcast, now)) {
      for (const target of batch) {
        if (seen.has(target.target)) continue;
        seen.add(target.target);
        if (done.has(target.target)) continue;
        chunk.push(target);
        if (chunk.length >= chunkSize) await store();
        if (!lease) break batches;
      }
    }
    if (lease && chunk.length > 0) await store();
    const recipients = seen.size;
    if (!lease) {
      log.warn({ runId: run.id }, 'broadcast run taken over by another instance');
      continue;
    }
    await db.broadcastRun.updateMany({
      where: { id: run.id, lockedUntil: lease },
      data: { status: 'sending', lockedUntil: null, recipients },
    });
    log.info({ broadcastId: broadcast.id, number: broadcast.number, recipients }, 'broadcast queued');
  }
  return queued;
}

interface Target {
  target: string;
  employeeId: string | null;
  unit: string | null;
  /** Why nobody is sent to (unlinked, blocked); null when there is a message. */
  skipped: string | null;
  intent: QueuedIntent | null;
}

async function storeChunk(db: Db, runId: string, broadcast: StoredBroadcast, chunk: Target[], lease: Date, now: Date): Promise<Date | null> {
  const kind = databaseKindOf(db);
  const next = new Date(now.getTime() + expansionLeaseMs);
  try {
    return await db.$transaction(async (tx) => {
      const { count } = await tx.broadcastRun.updateMany({ where: { id: runId, lockedUntil: lease }, data: { lockedUntil: next } });
      if (count !== 1) throw new LeaseLost();
      const withMessage = chunk.filter((t) => t.intent);
      const outboxIds = await enqueueMany(tx, kind, withMessage.map((t) => t.intent!), now);
      const outboxIdOf = new Map(withMessage.map((t, i) => [t.target, outboxIds[i]!]));
      await bulkInsert(
        tx,
        kind,
        'BroadcastDelivery',
        ['id', 'runId', 'broadcastId', 'employeeId', 'unit', 'target', 'outboxId', 'skipped', 'nudges', 'createdAt'],
        chunk.map((t) => [randomUUID(), runId, broadcast.id, t.employeeId, t.unit, t.target, outboxIdOf.get(t.target) ?? null, t.skipped, 0, now]),
      );
      return next;
    });
  } catch (error) {
    if (error instanceof LeaseLost) return null;
    throw error;
  }
}

class LeaseLost extends Error {}

function groupsOf(stored: string): string[] {
  try {
    const list: unknown = JSON.parse(stored);
    return Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string' && /^-\d+$/.test(id)) : [];
  } catch {
    return [];
  }
}

/**
 * Everyone and every chat the broadcast reaches, with the message each gets: an agency's staff at a time, then the
 * groups and Slack channels (the caller drops repeats). A broadcast on an information topic that HR did not mark
 * "wajib" skips the people who unsubscribed from that topic.
 */
async function* recipientBatches(db: Db, broadcast: StoredBroadcast, now: Date): AsyncGenerator<Target[]> {
  const audience = audienceOf(broadcast);
  const optedOut = broadcast.topic && !broadcast.mandatory ? await optedOutOf(db, broadcast.topic) : new Set<string>();
  const personalButtons = await personalButtonsFor(db, broadcast, now);
  const telegram = (chatId: string, personal: boolean): QueuedIntent => ({
    intent: broadcastIntent(broadcast, chatId, {
      askToConfirm: true,
      buttons: personal ? personalButtons : [],
      // Groups are not someone's phone at night; people are.
      holdInQuietHours: personal && !broadcast.urgent,
    }),
  });
  const agencies = await agenciesOfAudience(db, broadcast.agencyId, audience);
  for await (const members of audienceMembersByAgency(db, agencies, audience)) {
    yield members
      .filter((member) => !optedOut.has(member.employeeId))
      .map((member) => {
        const reachable = member.telegramChatId && !member.blocked;
        return {
          target: member.telegramChatId ? `telegram:${member.telegramChatId}` : `employee:${member.employeeId}`,
          employeeId: member.employeeId,
          unit: member.unit,
          skipped: reachable ? null : member.telegramChatId ? 'blocked' : 'unlinked',
          intent: reachable ? telegram(member.telegramChatId!, true) : null,
        };
      });
  }
  const targets: Target[] = [];
  // "Everyone" also means the broadcast groups each reached agency registered on its desk.
  const agencyGroups = audience.everyone ? agencies.flatMap((agency) => groupsOf(agency.telegramGroups)) : [];
  for (const chatId of [...audience.telegramGroups, ...agencyGroups]) targets.push({ target: `telegram:${chatId}`, employeeId: null, unit: null, skipped: null, intent: telegram(chatId, false) });
  for (const channel of audience.slackChannels) {
    targets.push({
      target: `slack:${channel}`,
      employeeId: null,
      unit: null,
      skipped: null,
      intent: { intent: { channel: 'slack', kind: 'slack.broadcast', slackChannel: channel, broadcastId: broadcast.id, title: broadcast.title, text: broadcast.text } },
    });
  }
  yield targets;
}
