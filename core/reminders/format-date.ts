import { daysBetween, formatIndonesian, parseCalendarDate, type CalendarDate } from '../dates/calendar-date.js';

export type Lang = 'id' | 'en';

const englishMonths = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "1 April 2027" in either language. */
export function formatDate(date: CalendarDate, lang: Lang): string {
  if (lang === 'id') return formatIndonesian(date);
  const { year, month, day } = parseCalendarDate(date);
  return `${day} ${englishMonths[month - 1]} ${year}`;
}

/**
 * How far off a day is, as people say it ("12 hari lagi", "sekitar 3 bulan lagi"). Counted from the day the message
 * is written, so a reminder sent late after downtime still tells the truth.
 */
export function describeDistance(from: CalendarDate, to: CalendarDate, lang: Lang): string {
  const days = daysBetween(from, to);
  const months = Math.round(days / 30.44);
  if (lang === 'en') {
    if (days <= 0) return 'today';
    if (days === 1) return 'tomorrow';
    return days < 45 ? `in ${days} days` : `in about ${months} months`;
  }
  if (days <= 0) return 'hari ini';
  if (days === 1) return 'besok';
  return days < 45 ? `${days} hari lagi` : `sekitar ${months} bulan lagi`;
}
