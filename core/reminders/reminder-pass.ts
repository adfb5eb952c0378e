import { audienceMatcher } from '../audience/audience-matcher.js';
import { computeCareerDates, type CareerRules } from '../career/index.js';
import { databaseKindOf } from '../db/bulk-insert.js';
import type { Db } from '../db/client.js';
import { todayInJakarta } from '../dates/calendar-date.js';
import type { Logger } from '../logging/logger.js';
import { dueStages } from './due-stages.js';
import { recordOccurrences, type OccurrenceToRecord } from './occurrence-store.js';
import { employeeStages, planDeadline } from './plan-reminders.js';
import { reminderRoutes, type ReminderRoute } from './reminder-kinds.js';
import { stageMessage } from './reminder-messages.js';
import { defaultReminderRules, type ReminderRules } from './reminder-rules.js';
import { loadRoster, routeFor } from './roster.js';
import { loadActiveDeadlines } from './yearly-deadlines.js';

/** What reminder work needs from the runtime (or a tRPC context). */
export interface ReminderEnv {
  db: Db;
  careerRules: CareerRules;
  log: Logger;
  rules?: ReminderRules;
}

export type PassSummary = Record<ReminderRoute, number> & { employees: number };

/**
 * The daily pass for one agency (or some of its employees, after a record changed): reads the current records,
 * plans what is due today and records each new occurrence, sending its direct message in the same transaction.
 * Safe to run any number of times: only occurrences never recorded before are sent. With `dryRun` nothing is
 * recorded or sent: the summary counts what the pass would send now.
 */
export async function runReminderPass(
  env: ReminderEnv,
  agencyId: string,
  now: Date,
  employeeIds?: readonly string[],
  options: { dryRun?: boolean } = {},
): Promise<PassSummary> {
  const rules = env.rules ?? defaultReminderRules;
  const asOf = todayInJakarta(now);
  const roster = await loadRoster(env.db, agencyId, employeeIds);
  const deadlines = (await loadActiveDeadlines(env.db, agencyId, env.log)).map((d) => planDeadline(d, audienceMatcher(d.audience), asOf));
  const known = await recordedKeys(env.db, agencyId, now, asOf, rules, employeeIds);
  const items: OccurrenceToRecord[] = [];
  for (const entry of roster) {
    const dates = computeCareerDates(entry.record, asOf, env.careerRules);
    const { send, superseded } = dueStages(employeeStages(entry.record, dates, deadlines, env.careerRules, rules), asOf);
    for (const [stages, isSuperseded] of [[send, false], [superseded, true]] as const) {
      for (const stage of stages) {
        if (known.has(`${entry.id}|${stage.key}`)) continue;
        const route = routeFor(entry, stage.kind, isSuperseded);
        items.push({
          agencyId,
          employeeId: entry.id,
          kind: stage.kind,
          key: stage.key,
          eventOn: stage.eventOn,
          route,
          chatId: route === 'telegram' ? entry.chat!.chatId : null,
          message: route === 'telegram' ? (lang) => stageMessage(stage.subject, asOf, lang) : null,
        });
      }
    }
  }
  const fresh = options.dryRun || items.length === 0 ? items : await recordOccurrences(env.db, databaseKindOf(env.db), items, now);
  const summary: PassSummary = { employees: roster.length, telegram: 0, digest: 0, muted: 0, superseded: 0 };
  for (const item of fresh) summary[item.route] += 1;
  return summary;
}

/**
 * Occurrences already recorded for events still ahead (a due stage's event is never before today). Most mornings
 * everything due was recorded on an earlier day, so the pass then writes nothing at all; the unique index still
 * settles races with other instances.
 */
async function recordedKeys(db: Db, agencyId: string, now: Date, asOf: string, rules: ReminderRules, employeeIds?: readonly string[]): Promise<Set<string>> {
  // A stage still due was recorded at most its lead time ago (deadlines: at most 365 days), which keeps the read on
  // the (agencyId, route, createdAt) index instead of every occurrence the agency ever had.
  const leadDays = Math.max(366, 31 * Math.max(...rules.kgbLeadMonths, ...rules.pensionLeadMonths));
  const rows = await db.reminderOccurrence.findMany({
    where: {
      agencyId,
      route: { in: [...reminderRoutes] },
      createdAt: { gte: new Date(now.getTime() - (leadDays + 7) * 86_400_000) },
      eventOn: { gte: asOf },
      kind: { not: 'khusus' },
      ...(employeeIds ? { employeeId: { in: [...employeeIds] } } : {}),
    },
    select: { employeeId: true, key: true },
  });
  return new Set(rows.map((row) => `${row.employeeId}|${row.key}`));
}
