import { z } from 'zod';
import { addDays, addMonths, daysBetween, parseCalendarDate } from '../dates/calendar-date.js';
import { wibInstant, wibParts } from '../scheduling/jakarta-time.js';

export const repeatKinds = ['none', 'daily', 'weekly', 'monthly', 'yearly'] as const;
export type RepeatKind = (typeof repeatKinds)[number];
export const repeatKindSchema = z.enum(repeatKinds, { error: 'ulang harus none, daily, weekly, monthly atau yearly' });

export const repeatLabels: Record<RepeatKind, string> = {
  none: 'sekali',
  daily: 'setiap hari',
  weekly: 'setiap minggu',
  monthly: 'setiap bulan',
  yearly: 'setiap tahun',
};

/** A custom reminder's schedule (CustomReminder without its text and audience). */
export interface CustomSchedule {
  startsAt: Date;
  repeat: RepeatKind;
  until: Date | null;
  /** Occurrences before the reminder existed are never sent (a weekly reminder "from last Monday"). */
  createdAt: Date;
}

const dayMs = 86_400_000;

/** The n-th occurrence (0 = the first), at the same WIB wall-clock time; the 31st becomes the month's last day. */
export function occurrenceAt(schedule: Pick<CustomSchedule, 'startsAt' | 'repeat'>, n: number): Date {
  const { date, hour, minute } = wibParts(schedule.startsAt);
  const second = schedule.startsAt.getTime() % 60_000;
  const day = (() => {
    switch (schedule.repeat) {
      case 'none':
      case 'daily':
        return addDays(date, n);
      case 'weekly':
        return addDays(date, 7 * n);
      case 'monthly':
        return addMonths(date, n);
      case 'yearly':
        return addMonths(date, 12 * n);
    }
  })();
  return new Date(wibInstant(day, hour, minute).getTime() + second);
}

/** Index of the last occurrence at or before `at`, or -1 when the first is still to come. */
function lastIndexAtOrBefore(schedule: CustomSchedule, at: Date): number {
  if (schedule.startsAt > at) return -1;
  if (schedule.repeat === 'none') return 0;
  const start = wibParts(schedule.startsAt).date;
  const end = wibParts(at).date;
  const days = daysBetween(start, end);
  const from = parseCalendarDate(start);
  const to = parseCalendarDate(end);
  const months = (to.year - from.year) * 12 + (to.month - from.month);
  let n = { daily: days, weekly: Math.floor(days / 7), monthly: months, yearly: Math.floor(months / 12) }[schedule.repeat];
  // The estimate is off by at most one either way (time of day, short months).
  while (n > 0 && occurrenceAt(schedule, n) > at) n -= 1;
  while (occurrenceAt(schedule, n + 1) <= at) n += 1;
  return n;
}

/**
 * The occurrence to send at `now`, if any: the latest one that has come (not past `until`), at most `graceDays` ago
 * and not before the reminder was created. Older ones are dropped rather than sent late in a burst.
 */
export function dueOccurrence(schedule: CustomSchedule, now: Date, graceDays: number): Date | null {
  const limit = schedule.until && schedule.until < now ? schedule.until : now;
  const n = lastIndexAtOrBefore(schedule, limit);
  if (n < 0) return null;
  const at = occurrenceAt(schedule, n);
  if (now.getTime() - at.getTime() > graceDays * dayMs) return null;
  // A minute of slack: "now" typed in Slack is stored a moment before the row's creation time.
  if (at.getTime() < schedule.createdAt.getTime() - 60_000) return null;
  return at;
}

/** Occurrences after `after` up to `until` (at most `limit`), for lists and previews. */
export function occurrencesBetween(schedule: CustomSchedule, after: Date, until: Date, limit = 10): Date[] {
  const result: Date[] = [];
  for (let n = Math.max(0, lastIndexAtOrBefore(schedule, after) + 1); result.length < limit; n += 1) {
    if (schedule.repeat === 'none' && n > 0) break;
    const at = occurrenceAt(schedule, n);
    if (at > until || (schedule.until && at > schedule.until)) break;
    result.push(at);
  }
  return result;
}

/** The occurrence's part of the key: one ISO instant per occurrence, so each goes to each person once. */
export const customReminderKey = (reminderId: string, at: Date) => `khusus:${reminderId}:${at.toISOString()}`;
