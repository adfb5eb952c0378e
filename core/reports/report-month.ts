import { z } from 'zod';
import { addMonths, firstOfNextMonth, todayInJakarta } from '../dates/calendar-date.js';
import { wibInstant } from '../scheduling/jakarta-time.js';

export const reportMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'bulan ditulis TTTT-BB, mis. 2026-11');
export type ReportMonth = z.infer<typeof reportMonthSchema>;

const monthNames = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'] as const;

/** A calendar month in WIB as instants: [from, to). */
export interface MonthWindow {
  month: ReportMonth;
  from: Date;
  to: Date;
  /** "November 2026". */
  label: string;
  /** The first and last WIB dates, for day-keyed rows. */
  firstDay: string;
  lastDay: string;
}

export function monthWindow(month: ReportMonth): MonthWindow {
  const first = `${month}-01`;
  const next = firstOfNextMonth(first);
  const [year, number] = month.split('-').map(Number) as [number, number];
  return {
    month,
    from: wibInstant(first, 0),
    to: wibInstant(next, 0),
    label: `${monthNames[number - 1]} ${year}`,
    firstDay: first,
    lastDay: addDaysBefore(next),
  };
}

function addDaysBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function previousMonth(month: ReportMonth): ReportMonth {
  return addMonths(`${month}-01`, -1).slice(0, 7);
}

/** The month before the one `now` falls in (WIB): what the monthly report covers. */
export function lastCompleteMonth(now: Date): ReportMonth {
  return previousMonth(todayInJakarta(now).slice(0, 7));
}

/**
 * A month as HR types it: "2026-11", "11-2026", "11/2026", "november 2026", "nov 2026", or a month name alone
 * (the latest such month not after the current one). Null when it cannot be read.
 */
export function parseReportMonth(text: string, now: Date): ReportMonth | null {
  const value = text.trim().toLowerCase();
  const iso = /^(\d{4})-(\d{1,2})$/.exec(value);
  if (iso) return normalise(Number(iso[1]), Number(iso[2]));
  const numeric = /^(\d{1,2})[-/](\d{4})$/.exec(value);
  if (numeric) return normalise(Number(numeric[2]), Number(numeric[1]));
  const named = /^([a-z]+)\.?(?:\s+(\d{4}))?$/.exec(value);
  if (!named) return null;
  const index = monthNames.findIndex((name) => {
    const lower = name.toLowerCase();
    return named[1]!.length >= 3 && (lower.startsWith(named[1]!) || englishMonths[monthNames.indexOf(name)]!.startsWith(named[1]!));
  });
  if (index < 0) return null;
  const today = todayInJakarta(now);
  if (named[2]) return normalise(Number(named[2]), index + 1);
  const year = Number(today.slice(0, 4));
  const candidate = normalise(year, index + 1)!;
  return candidate > today.slice(0, 7) ? normalise(year - 1, index + 1) : candidate;
}

const englishMonths = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function normalise(year: number, month: number): ReportMonth | null {
  if (month < 1 || month > 12 || year < 2000 || year > 2999) return null;
  return `${year}-${String(month).padStart(2, '0')}`;
}
