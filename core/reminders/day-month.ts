import { daysInMonth, formatCalendarDate, isBefore, parseCalendarDate, type CalendarDate } from '../dates/calendar-date.js';

/** "MM-DD": a day that comes back every year (31 March is "03-31"). */
export type MonthDay = string;

const monthNames = ['januari', 'februari', 'maret', 'april', 'mei', 'juni', 'juli', 'agustus', 'september', 'oktober', 'november', 'desember'];
const monthDayPattern = /^(\d{2})-(\d{2})$/;

export function isMonthDay(value: string): boolean {
  const match = monthDayPattern.exec(value);
  if (!match) return false;
  const month = Number(match[1]);
  const day = Number(match[2]);
  // 29 February is allowed: in other years it falls on the 28th.
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2024, month);
}

/**
 * A day and month as people in the office write it: "31-03", "31/03", "31 Maret", "31 mar". Returns "MM-DD", or
 * null when it is not a day of the year.
 */
export function parseDayMonth(text: string): MonthDay | null {
  const cleaned = text.trim().toLowerCase();
  let day: number;
  let month: number;
  const numeric = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})$/.exec(cleaned);
  const named = /^(\d{1,2})\s+([a-z]+)$/.exec(cleaned);
  if (numeric) {
    day = Number(numeric[1]);
    month = Number(numeric[2]);
  } else if (named && named[2]!.length >= 3) {
    day = Number(named[1]);
    month = monthNames.findIndex((name) => name.startsWith(named[2]!)) + 1;
  } else {
    return null;
  }
  const value = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isMonthDay(value) ? value : null;
}

/** That day in a given year; 29 February becomes the 28th in other years. */
export function monthDayIn(year: number, monthDay: MonthDay): CalendarDate {
  const [month, day] = monthDay.split('-').map(Number) as [number, number];
  return formatCalendarDate({ year, month, day: Math.min(day, daysInMonth(year, month)) });
}

/** The next time the day comes round: `asOf` itself when it is that day. */
export function nextMonthDay(monthDay: MonthDay, asOf: CalendarDate): CalendarDate {
  const { year } = parseCalendarDate(asOf);
  const thisYear = monthDayIn(year, monthDay);
  return isBefore(thisYear, asOf) ? monthDayIn(year + 1, monthDay) : thisYear;
}
