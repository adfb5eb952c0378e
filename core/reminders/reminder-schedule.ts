import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { addDays } from '../dates/calendar-date.js';
import { wibParts } from '../scheduling/jakarta-time.js';
import type { ReminderRules } from './reminder-rules.js';

/**
 * Whether the daily reminder pass and the digest may run at `now`: a business day, from 07:30 WIB on. A pass that
 * could not run at 07:30 (downtime) runs at the first tick after, still that day.
 */
export function dailyPassOpen(calendar: BusinessCalendar, now: Date, rules: ReminderRules): boolean {
  const { date, hour, minute } = wibParts(now);
  if (!calendar.isBusinessDay(date)) return false;
  return hour * 60 + minute >= rules.dailyPassFrom.hour * 60 + rules.dailyPassFrom.minute;
}

/** The first business day of its week (Monday, or Tuesday after a Monday holiday): the digest's weekly edition. */
export function isFirstBusinessDayOfWeek(calendar: BusinessCalendar, date: string): boolean {
  const weekday = wibParts(new Date(`${date}T12:00:00+07:00`)).weekday;
  const daysSinceMonday = (weekday + 6) % 7;
  for (let back = 1; back <= daysSinceMonday; back++) {
    if (calendar.isBusinessDay(addDays(date, -back))) return false;
  }
  return true;
}
