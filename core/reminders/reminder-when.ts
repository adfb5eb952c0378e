import { addDays, isCalendarDate, todayInJakarta, type CalendarDate } from '../dates/calendar-date.js';
import { wibInstant } from '../scheduling/jakarta-time.js';

const monthNames = ['januari', 'februari', 'maret', 'april', 'mei', 'juni', 'juli', 'agustus', 'september', 'oktober', 'november', 'desember'];
const pad = (n: number) => String(n).padStart(2, '0');

/** When a reminder without a time goes out: the start of the office day. */
export const defaultReminderTime = { hour: 8, minute: 0 } as const;

/**
 * A date at the start of `words`, as HR types it: 2027-03-10, 10-03-2027, 10/03/2027, 10.03.2027, "10 Maret 2027",
 * "hari ini", "besok", "lusa". Returns the date and how many words it took, or null.
 */
export function readDate(words: readonly string[], today: CalendarDate): { date: CalendarDate; used: number } | null {
  const first = (words[0] ?? '').toLowerCase();
  if (first === 'besok') return { date: addDays(today, 1), used: 1 };
  if (first === 'lusa') return { date: addDays(today, 2), used: 1 };
  if (first === 'hari' && (words[1] ?? '').toLowerCase() === 'ini') return { date: today, used: 2 };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(first);
  if (iso) return valid(`${iso[1]}-${pad(Number(iso[2]))}-${pad(Number(iso[3]))}`, 1);
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(first);
  if (dmy) return valid(`${dmy[3]}-${pad(Number(dmy[2]))}-${pad(Number(dmy[1]))}`, 1);
  const month = (words[1] ?? '').toLowerCase();
  const monthIndex = month.length >= 3 ? monthNames.findIndex((name) => name.startsWith(month)) : -1;
  if (/^\d{1,2}$/.test(first) && monthIndex >= 0 && /^\d{4}$/.test(words[2] ?? '')) {
    return valid(`${words[2]}-${pad(monthIndex + 1)}-${pad(Number(first))}`, 3);
  }
  return null;
}

function valid(date: CalendarDate, used: number): { date: CalendarDate; used: number } | null {
  return isCalendarDate(date) ? { date, used } : null;
}

/** A time at the start of `words`: 09:00, 09.00, 9.30, "jam 9", "pukul 13.30" (WIB). */
export function readTime(words: readonly string[]): { hour: number; minute: number; used: number } | null {
  const lead = /^(jam|pukul|pkl\.?)$/i.test(words[0] ?? '') ? 1 : 0;
  const match = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(words[lead] ?? '');
  // A bare number is a time only after "jam"/"pukul"; otherwise it could be the start of something else.
  if (!match || (!match[2] && lead === 0)) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  if (hour > 23 || minute > 59) return null;
  return { hour, minute, used: lead + 1 };
}

/**
 * "10-03-2027 09.00", "besok", "hari ini" → the instant it names in WIB. No time means 08.00; "hari ini" without
 * a time means now. Returns null when the text is not a date (and time) alone.
 */
export function parseWhen(text: string, now: Date): Date | null {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const today = todayInJakarta(now);
  const date = readDate(words, today);
  if (!date) return null;
  const time = readTime(words.slice(date.used));
  if (date.used + (time?.used ?? 0) !== words.length) return null;
  if (!time) return date.date === today ? now : wibInstant(date.date, defaultReminderTime.hour, defaultReminderTime.minute);
  return wibInstant(date.date, time.hour, time.minute);
}

/** The end of a day in WIB (23.59): "sampai 29-03-2027" includes that day. */
export const endOfWibDay = (date: CalendarDate): Date => wibInstant(date, 23, 59);
