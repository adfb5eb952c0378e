import { todayInJakarta } from '../dates/calendar-date.js';
import type { Runtime } from '../runtime.js';
import { claimJobRun, hasJobRun } from '../scheduling/job-run.js';
import type { ScheduledWork } from '../scheduling/scheduler.js';
import { runCustomReminders } from './custom-reminder-pass.js';
import { digestJob, sendDigest } from './digest/send-digest.js';
import { runReminderPass, type ReminderEnv } from './reminder-pass.js';
import { defaultReminderRules } from './reminder-rules.js';
import { dailyPassOpen } from './reminder-schedule.js';

export const reminderPassJob = 'reminders';

const envOf = (runtime: Runtime): ReminderEnv => ({ db: runtime.db, careerRules: runtime.settings.careerRules, log: runtime.log });

/**
 * Career and deadline reminders, once per business day and active agency from 07:30 WIB. The day is marked done only
 * after the pass, so a crash mid-way is retried on the next tick; occurrence keys make the retry send nothing twice.
 */
export const dailyReminderWork: ScheduledWork = {
  name: 'reminders.daily',
  async run(runtime, now) {
    if (!dailyPassOpen(runtime.settings.businessCalendar, now, defaultReminderRules)) return;
    const date = todayInJakarta(now);
    for (const agency of await runtime.db.agency.findMany({ where: { active: true }, select: { id: true } })) {
      const runKey = `${agency.id}:${date}`;
      if (await hasJobRun(runtime.db, reminderPassJob, runKey)) continue;
      const started = Date.now();
      const summary = await runReminderPass(envOf(runtime), agency.id, now);
      await claimJobRun(runtime.db, reminderPassJob, runKey, now);
      runtime.log.info({ agencyId: agency.id, ...summary, ms: Date.now() - started }, 'reminder pass done');
    }
  },
};

/** Custom reminders go at the time HR chose, so they are checked every minute. */
export const customReminderWork: ScheduledWork = {
  name: 'reminders.custom',
  run: (runtime, now) => runCustomReminders(envOf(runtime), now),
};

/**
 * The HR digest in the triage channel, once per business day and agency, after that day's reminder pass (so the
 * reminders it routed to the digest are in it). The first business day of the week gets the weekly edition.
 */
export const digestWork: ScheduledWork = {
  name: 'reminders.digest',
  async run(runtime, now) {
    if (!dailyPassOpen(runtime.settings.businessCalendar, now, defaultReminderRules)) return;
    const date = todayInJakarta(now);
    for (const agency of await runtime.db.agency.findMany({ where: { active: true }, select: { id: true } })) {
      const channel = await runtime.settings.agencies.channelFor(agency.id, 'digest');
      const runKey = `${agency.id}:${date}`;
      if (!channel || (await hasJobRun(runtime.db, digestJob, runKey))) continue;
      if (!(await hasJobRun(runtime.db, reminderPassJob, runKey))) continue;
      await sendDigest(envOf(runtime), runtime.settings.businessCalendar, agency.id, channel, now);
    }
  },
};

export const reminderWorks: ScheduledWork[] = [dailyReminderWork, customReminderWork, digestWork];
