import { broadcastWork, nudgeWork } from '../broadcasts/broadcast-work.js';
import { careerClosingWork } from '../infodesk/infodesk-work.js';
import { reminderWorks } from '../reminders/reminder-works.js';
import { sessionReminderWork } from '../sosialisasi/sosialisasi-work.js';
import type { ScheduledWork } from './scheduler.js';
import { monthlyReportWork } from '../reports/report-posting.js';

/** Everything the minute tick runs, in this order. */
export const scheduledWork: ScheduledWork[] = [broadcastWork, ...reminderWorks, nudgeWork, careerClosingWork, sessionReminderWork, monthlyReportWork];
