import type { ScheduledWork } from '../scheduling/scheduler.js';
import { sendCareerClosingReminders } from './career-closing.js';

/** Three working days before a career opportunity closes: those interested, and HR in Slack. */
export const careerClosingWork: ScheduledWork = {
  name: 'career-closing-reminders',
  run: (runtime, now) => sendCareerClosingReminders(runtime.db, runtime.settings.businessCalendar, runtime.settings.agencies, now, runtime.log),
};
