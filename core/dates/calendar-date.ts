/**
 * Calendar dates as "YYYY-MM-DD" strings. HR dates (TMT, birth dates, periods) are days in the office calendar,
 * not instants, so they never go through `Date` objects that a server time zone could shift by a day.
 */
export type CalendarDate = string;

export interface CalendarDateParts {
  year: number;
  month: number;
  day: number;
}


const indonesianMonthNames = [
  'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni',
  'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember',
] as const;

/** WIB has been UTC+7 without daylight saving since 1964, so a fixed offset is exact. */
const jakartaOffsetMs = 7 * 60 * 60 * 1000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The number written by the ASCII digits value[from, from + length), or -1 if any of them is not a digit. */
function digitsAt(value: string, from: number, length: number): number {
  let result = 0;
  for (let i = from; i < from + length; i++) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    result = result * 10 + digit;
  }
  return result;
}

/**
 * Every date comparison and step parses its arguments, so this runs millions of times in a reminder pass or an
 * audit of a whole agency; reading the digits directly is several times faster than matching the pattern.
 */
function partsOrNull(value: string): CalendarDateParts | null {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isCalendarDate(value: string): boolean {
  return partsOrNull(value) !== null;
}

/** Throws on anything that is not a real day: a bad date here is a programming error, not user input. */
export function parseCalendarDate(value: string): CalendarDateParts {
  const parts = partsOrNull(value);
  if (!parts) throw new RangeError(`Not a valid YYYY-MM-DD calendar date: "${value}"`);
  return parts;
}

export function formatCalendarDate({ year, month, day }: CalendarDateParts): CalendarDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Moves by whole months; a day that does not exist in the target month becomes that month's last day. */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const { year, month, day } = parseCalendarDate(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return formatCalendarDate({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

/** 29 February plus one year is 28 February (clamped, like addMonths). */
export function addYears(date: CalendarDate, years: number): CalendarDate {
  return addMonths(date, years * 12);
}

export function firstOfMonth(date: CalendarDate): CalendarDate {
  const { year, month } = parseCalendarDate(date);
  return formatCalendarDate({ year, month, day: 1 });
}

export function firstOfNextMonth(date: CalendarDate): CalendarDate {
  return addMonths(firstOfMonth(date), 1);
}

/** Same day of another month, for windows such as "the 16th of two months before". */
export function dayOfMonth(date: CalendarDate, day: number): CalendarDate {
  const { year, month } = parseCalendarDate(date);
  return formatCalendarDate({ year, month, day: Math.min(day, daysInMonth(year, month)) });
}

export function compareDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
  // Validated fixed-width strings sort like the dates they name.
  parseCalendarDate(a);
  parseCalendarDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isBefore(a: CalendarDate, b: CalendarDate): boolean {
  return compareDates(a, b) < 0;
}

export function isAfter(a: CalendarDate, b: CalendarDate): boolean {
  return compareDates(a, b) > 0;
}

export function maxDate(first: CalendarDate, ...rest: CalendarDate[]): CalendarDate {
  return rest.reduce((latest, date) => (isAfter(date, latest) ? date : latest), parseAndReturn(first));
}

export function minDate(first: CalendarDate, ...rest: CalendarDate[]): CalendarDate {
  return rest.reduce((earliest, date) => (isBefore(date, earliest) ? date : earliest), parseAndReturn(first));
}

function parseAndReturn(date: CalendarDate): CalendarDate {
  parseCalendarDate(date);
  return date;
}

/**
 * Whole months completed from `from` to `to`: the largest n with addMonths(from, n) ≤ to. Using addMonths keeps
 * it consistent with how due dates are computed (31 Jan → 29 Feb counts as one month). Negative if `to` is earlier.
 */
export function monthsBetween(from: CalendarDate, to: CalendarDate): number {
  if (isBefore(to, from)) return -monthsBetween(to, from);
  const start = parseCalendarDate(from);
  const end = parseCalendarDate(to);
  const candidate = (end.year - start.year) * 12 + (end.month - start.month);
  return isAfter(addMonths(from, candidate), to) ? candidate - 1 : candidate;
}

/** Whole years completed, e.g. an age or years of service. */
export function yearsBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.trunc(monthsBetween(from, to) / 12);
}

/** Today's date at the office (WIB), whatever zone the server runs in. */
export function todayInJakarta(now: Date): CalendarDate {
  const shifted = new Date(now.getTime() + jakartaOffsetMs);
  if (Number.isNaN(shifted.getTime())) throw new RangeError('Invalid Date passed to todayInJakarta');
  return formatCalendarDate({
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  });
}

/** "1 April 2026": how dates are written in letters and chat replies. */
export function formatIndonesian(date: CalendarDate): string {
  const { year, month, day } = parseCalendarDate(date);
  return `${day} ${indonesianMonthNames[month - 1]} ${year}`;
}

/** "26-09-1986": the numeric form used on Indonesian forms, and how a NIP's date reads to staff. */
export function formatDayMonthYear(date: CalendarDate): string {
  const [year, month, day] = date.split('-');
  parseCalendarDate(date);
  return `${day}-${month}-${year}`;
}

/** A day plus `days` (negative to go back). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
