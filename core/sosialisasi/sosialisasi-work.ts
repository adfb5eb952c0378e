import type { ScheduledWork } from '../scheduling/scheduler.js';
import { sendSessionReminders } from './session-reminders.js';

/** Sosialisasi reminders the day before and one hour before. */
export const sessionReminderWork: ScheduledWork = {
  name: 'sosialisasi-reminders',
  run: (runtime, now) => sendSessionReminders(runtime.db, now, runtime.log),
};
