import { formatIndonesian, parseCalendarDate, type CalendarDate } from '../dates/calendar-date.js';
import type { CalendarData, DateRange, Holiday } from './calendar-file.js';
import { compileWeeklyHours, defaultOfficeHours, type DayPeriods, type OfficeHours } from './office-hours.js';

/**
 * ConsDesk's business calendar and SLA clock. Pure: every question takes the instant it is about (callers pass
 * clock.now()), and nothing reads the server's time zone. Office days are WIB days (UTC+7, no DST).
 *
 * Work goes day by day over the day's open periods, never minute by minute, so an SLA of several business days
 * costs a handful of iterations.
 */

const minuteMs = 60_000;
const dayMs = 86_400_000;
const wibOffsetMs = 7 * 60 * minuteMs;
/** More closed days in a row than this means the configuration can never open (guards every loop). */
const maxClosedDaysInARow = 366;

const indonesianWeekdays = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;
const englishWeekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const englishMonths = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export interface BusinessCalendarOptions {
  holidays: readonly Holiday[];
  ramadan: readonly DateRange[];
  /** Years the holiday list covers (from the loaded files); see `covers`. */
  years?: readonly number[];
  officeHours?: OfficeHours;
}

/** An open period as instants: [from, to). */
export interface OpenInterval {
  from: Date;
  to: Date;
}

type Interval = readonly [startMs: number, endMs: number];

/** Days since 1970-01-01 counted in WIB. */
function wibDayOf(ms: number): number {
  return Math.floor((ms + wibOffsetMs) / dayMs);
}

function wibMidnightMs(day: number): number {
  return day * dayMs - wibOffsetMs;
}

function dateOfWibDay(day: number): CalendarDate {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

function wibDayOfDate(date: CalendarDate): number {
  const { year, month, day } = parseCalendarDate(date);
  return Date.UTC(year, month - 1, day) / dayMs;
}

function instant(at: Date, name: string): number {
  const ms = at instanceof Date ? at.getTime() : NaN;
  if (Number.isNaN(ms)) throw new RangeError(`Invalid Date passed as ${name}`);
  return ms;
}

export class BusinessCalendar {
  readonly years: readonly number[];
  private readonly holidaysByDate = new Map<CalendarDate, Holiday[]>();
  private readonly ramadanRanges: readonly DateRange[];
  private readonly regularWeek: readonly DayPeriods[];
  private readonly ramadanWeek: readonly DayPeriods[];

  constructor({ holidays, ramadan, years = [], officeHours = defaultOfficeHours }: BusinessCalendarOptions) {
    for (const holiday of holidays) {
      parseCalendarDate(holiday.date);
      const list = this.holidaysByDate.get(holiday.date) ?? [];
      list.push(holiday);
      this.holidaysByDate.set(holiday.date, list);
    }
    for (const range of ramadan) {
      parseCalendarDate(range.from);
      parseCalendarDate(range.to);
    }
    this.ramadanRanges = [...ramadan];
    this.years = [...years].sort((a, b) => a - b);
    this.regularWeek = compileWeeklyHours(officeHours.regular, 'regular office hours');
    this.ramadanWeek = compileWeeklyHours(officeHours.ramadan, 'Ramadan office hours');
  }

  static fromCalendarData(data: CalendarData, officeHours?: OfficeHours): BusinessCalendar {
    return new BusinessCalendar({ ...data, ...(officeHours ? { officeHours } : {}) });
  }

  /** Whether a calendar file for that date's year was loaded; outside them no holiday is known. */
  covers(date: CalendarDate): boolean {
    return this.years.includes(parseCalendarDate(date).year);
  }

  /** Holidays and cuti bersama on that date (usually none or one). */
  holidaysOn(date: CalendarDate): readonly Holiday[] {
    parseCalendarDate(date);
    return this.holidaysByDate.get(date) ?? [];
  }

  isRamadan(date: CalendarDate): boolean {
    parseCalendarDate(date);
    return this.ramadanRanges.some(({ from, to }) => from <= date && date <= to);
  }

  /** A weekday with open hours that is not a holiday or cuti bersama. */
  isBusinessDay(date: CalendarDate): boolean {
    return this.periodsOfDay(wibDayOfDate(date)).length > 0;
  }

  /** The open periods of a WIB calendar day, as instants. */
  openIntervalsOn(date: CalendarDate): OpenInterval[] {
    return this.periodsOfDay(wibDayOfDate(date)).map(([from, to]) => ({ from: new Date(from), to: new Date(to) }));
  }

  isOpen(at: Date): boolean {
    const ms = instant(at, 'at');
    return this.periodsOfDay(wibDayOf(ms)).some(([start, end]) => start <= ms && ms < end);
  }

  /** The instant ConsDesk next opens: `at` itself when it is open then. */
  nextOpening(at: Date): Date {
    const ms = instant(at, 'at');
    for (const [start, end] of this.periodsFrom(ms)) {
      if (ms < end) return new Date(Math.max(start, ms));
    }
    throw new Error('unreachable: periodsFrom never ends');
  }

  /**
   * The SLA due time: the instant when `minutes` open minutes have passed since `start`. Time outside office
   * hours does not count. A due time that falls exactly at closing stays at closing (not the next opening);
   * 0 minutes gives `start` back.
   */
  addBusinessMinutes(start: Date, minutes: number): Date {
    const ms = instant(start, 'start');
    if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`Business minutes must be ≥ 0, got ${minutes}`);
    let remaining = Math.round(minutes * minuteMs);
    if (remaining === 0) return new Date(ms);
    for (const [periodStart, periodEnd] of this.periodsFrom(ms)) {
      if (periodEnd <= ms) continue;
      const from = Math.max(periodStart, ms);
      const available = periodEnd - from;
      if (remaining <= available) return new Date(from + remaining);
      remaining -= available;
    }
    throw new Error('unreachable: periodsFrom never ends');
  }

  /** Open minutes between two instants (may be fractional with seconds); negative when `to` is before `from`. */
  businessMinutesBetween(from: Date, to: Date): number {
    const fromMs = instant(from, 'from');
    const toMs = instant(to, 'to');
    if (toMs < fromMs) return -this.businessMinutesBetween(to, from);
    let total = 0;
    for (let day = wibDayOf(fromMs); day <= wibDayOf(toMs); day++) {
      for (const [start, end] of this.periodsOfDay(day)) {
        total += Math.max(0, Math.min(end, toMs) - Math.max(start, fromMs));
      }
    }
    return total / minuteMs;
  }

  /** "Senin, 5 Januari 2026 pukul 07.30 WIB" / "Monday, 5 January 2026 at 07:30 WIB". */
  describeNextOpening(at: Date, lang: 'id' | 'en'): string {
    return describeWibInstant(this.nextOpening(at), lang);
  }

  /** Open periods of a WIB day as absolute [start, end) milliseconds. */
  private periodsOfDay(day: number): Interval[] {
    const date = dateOfWibDay(day);
    if (this.holidaysByDate.has(date)) return [];
    const week = this.isRamadan(date) ? this.ramadanWeek : this.regularWeek;
    const midnight = wibMidnightMs(day);
    const weekday = new Date(day * dayMs).getUTCDay();
    return (week[weekday] ?? []).map(([start, end]): Interval => [midnight + start * minuteMs, midnight + end * minuteMs]);
  }

  /** Open periods from the WIB day containing `ms` onwards, endlessly; throws after a year without any. */
  private *periodsFrom(ms: number): Generator<Interval> {
    let closedInARow = 0;
    for (let day = wibDayOf(ms); ; day++) {
      const periods = this.periodsOfDay(day);
      if (periods.length === 0) {
        if (++closedInARow > maxClosedDaysInARow) {
          throw new Error(`ConsDesk has no open hours for more than ${maxClosedDaysInARow} days after ${dateOfWibDay(day - closedInARow)}`);
        }
        continue;
      }
      closedInARow = 0;
      yield* periods;
    }
  }
}

/** An instant as WIB wall-clock text, in the style of describeNextOpening. */
export function describeWibInstant(at: Date, lang: 'id' | 'en'): string {
  const ms = instant(at, 'at');
  const wib = new Date(ms + wibOffsetMs);
  const date = wib.toISOString().slice(0, 10);
  const hours = String(wib.getUTCHours()).padStart(2, '0');
  const minutes = String(wib.getUTCMinutes()).padStart(2, '0');
  const weekday = wib.getUTCDay();
  if (lang === 'id') return `${indonesianWeekdays[weekday]}, ${formatIndonesian(date)} pukul ${hours}.${minutes} WIB`;
  return `${englishWeekdays[weekday]}, ${wib.getUTCDate()} ${englishMonths[wib.getUTCMonth()]} ${wib.getUTCFullYear()} at ${hours}:${minutes} WIB`;
}
