import type { BusinessCalendar } from '../../calendar/business-calendar.js';
import { todayInJakarta } from '../../dates/calendar-date.js';
import { enqueue } from '../../outbox/enqueue.js';
import type { ReminderEnv } from '../reminder-pass.js';
import { isFirstBusinessDayOfWeek } from '../reminder-schedule.js';
import { collectDigest, type Digest } from './collect-digest.js';
import { renderDigest } from './render-digest.js';

export const digestJob = 'digest';

/** When no earlier digest is on record (a new installation), undelivered reminders of the last week are shown. */
const firstDigestLookbackMs = 7 * 86_400_000;

/** Today's digest as it would be posted now: undelivered reminders since the previous digest (not today's). */
export async function composeDigest(env: ReminderEnv, agencyId: string, now: Date, weekly: boolean): Promise<{ digest: Digest; text: string }> {
  const date = todayInJakarta(now);
  const previous = await env.db.jobRun.findFirst({
    where: { job: digestJob, runKey: { startsWith: `${agencyId}:` }, NOT: { runKey: `${agencyId}:${date}` } },
    orderBy: { startedAt: 'desc' },
  });
  const since = previous?.startedAt ?? new Date(now.getTime() - firstDigestLookbackMs);
  const digest = await collectDigest(env, agencyId, now, { weekly, since });
  return { digest, text: renderDigest(digest) };
}

/**
 * Posts today's digest for one agency to its triage channel, once: the JobRun row and the outbox message are
 * written in one transaction, so of several instances exactly one posts it, and a crash posts nothing rather than
 * marking it done. Returns false when it had already been posted.
 */
export async function sendDigest(env: ReminderEnv, calendar: BusinessCalendar, agencyId: string, slackChannel: string, now: Date): Promise<boolean> {
  const date = todayInJakarta(now);
  const { digest, text } = await composeDigest(env, agencyId, now, isFirstBusinessDayOfWeek(calendar, date));
  try {
    await env.db.$transaction(async (tx) => {
      await tx.jobRun.create({ data: { job: digestJob, runKey: `${agencyId}:${date}`, startedAt: now } });
      await enqueue(tx, { channel: 'slack', kind: 'slack.channelMessage', slackChannel, text });
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') return false;
    throw error;
  }
  env.log.info({ agencyId, weekly: digest.weekly, undelivered: digest.undelivered.length }, 'HR digest queued');
  return true;
}
