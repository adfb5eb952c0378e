import { audienceMatcher } from '../audience/audience-matcher.js';
import { audienceSchema } from '../audience/audience.js';
import { computePension } from '../career/index.js';
import { databaseKindOf } from '../db/bulk-insert.js';
import { todayInJakarta } from '../dates/calendar-date.js';
import { claimJobRun, hasJobRun } from '../scheduling/job-run.js';
import { customReminderKey, dueOccurrence, type RepeatKind } from './custom-occurrences.js';
import { recordOccurrences, type OccurrenceToRecord } from './occurrence-store.js';
import { customMessage } from './reminder-messages.js';
import { defaultReminderRules } from './reminder-rules.js';
import type { ReminderEnv } from './reminder-pass.js';
import { loadRoster, routeFor, type RosterEntry } from './roster.js';

const job = 'reminder.khusus';

/**
 * Sends the custom reminders whose time has come (checked every minute: HR chose the hour). Each occurrence is
 * marked done in JobRun once recorded, so later ticks skip it without loading the audience again; the occurrence
 * keys still guard against two instances doing it at the same moment.
 */
export async function runCustomReminders(env: ReminderEnv, now: Date): Promise<number> {
  const rules = env.rules ?? defaultReminderRules;
  const graceStart = new Date(now.getTime() - rules.customGraceDays * 86_400_000);
  const reminders = await env.db.customReminder.findMany({
    where: { active: true, startsAt: { lte: now }, OR: [{ until: null }, { until: { gte: graceStart } }] },
    orderBy: { createdAt: 'asc' },
  });
  const rosters = new Map<string, RosterEntry[]>();
  let sent = 0;
  for (const reminder of reminders) {
    const at = dueOccurrence({ ...reminder, repeat: reminder.repeat as RepeatKind }, now, rules.customGraceDays);
    if (!at) continue;
    const runKey = `${reminder.id}:${at.toISOString()}`;
    if (await hasJobRun(env.db, job, runKey)) continue;
    let roster = rosters.get(reminder.agencyId);
    if (!roster) {
      roster = await loadRoster(env.db, reminder.agencyId);
      rosters.set(reminder.agencyId, roster);
    }
    const reaches = audienceMatcher(audienceSchema.parse(JSON.parse(reminder.audience)));
    const asOf = todayInJakarta(now);
    const key = customReminderKey(reminder.id, at);
    const items: OccurrenceToRecord[] = roster
      .filter((entry) => reaches(entry.record) && !computePension(entry.record, asOf, env.careerRules).alreadyPast)
      .map((entry) => {
        const route = routeFor(entry, 'khusus', false);
        return {
          agencyId: reminder.agencyId,
          employeeId: entry.id,
          kind: 'khusus',
          key,
          eventOn: todayInJakarta(at),
          route,
          chatId: route === 'telegram' ? entry.chat!.chatId : null,
          message: route === 'telegram' ? (lang) => customMessage(reminder.title, reminder.text, lang) : null,
        };
      });
    const fresh = await recordOccurrences(env.db, databaseKindOf(env.db), items, now);
    await claimJobRun(env.db, job, runKey, now);
    sent += fresh.filter((item) => item.route === 'telegram').length;
    env.log.info({ reminderId: reminder.id, recipients: items.length, new: fresh.length }, 'custom reminder occurrence recorded');
  }
  return sent;
}
