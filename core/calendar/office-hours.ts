/**
 * When ConsDesk is staffed, as WIB wall-clock times (UTC+7 fixed: no daylight saving since 1964).
 *
 * Each day is a list of open periods, so an agency that wants SLA clocks to stop over the lunch break can split a
 * day in two (e.g. 07:30–12:00 and 13:00–16:00). The defaults below keep one period per day: the desk is
 * considered reachable for the whole office day and breaks are not subtracted.
 */

export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

/** A period the desk is open, "HH:MM" in WIB; `to` is exclusive and may be "24:00". */
export interface OpenPeriod {
  from: string;
  to: string;
}

export type WeeklyHours = Readonly<Record<Weekday, readonly OpenPeriod[]>>;

export interface OfficeHours {
  /** Normal weeks. */
  regular: WeeklyHours;
  /** Days inside a Ramadan range of the calendar files. */
  ramadan: WeeklyHours;
}

/** Index 0 = Sunday, as Date.prototype.getUTCDay numbers the days. */
export const weekdaysFromSunday: readonly Weekday[] = [
  'sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
];

const closed: readonly OpenPeriod[] = [];

/**
 * Perpres 21/2023 (hari kerja dan jam kerja instansi pemerintah): Monday–Friday, 37.5 hours a week excluding
 * breaks, starting 07.30. 07.30–16.00 Mon–Thu (60 min break) and 07.30–16.30 Fri (90 min break) is the usual
 * schedule giving 4 × 7.5 h + 7.5 h = 37.5 h.
 */
export const regularOfficeHours: WeeklyHours = {
  monday: [{ from: '07:30', to: '16:00' }],
  tuesday: [{ from: '07:30', to: '16:00' }],
  wednesday: [{ from: '07:30', to: '16:00' }],
  thursday: [{ from: '07:30', to: '16:00' }],
  friday: [{ from: '07:30', to: '16:30' }],
  saturday: closed,
  sunday: closed,
};

/**
 * Ramadan: Perpres 21/2023 sets 32.5 hours a week starting 08.00; the yearly Surat Edaran MenPANRB on Ramadan
 * working hours has used 08.00–15.00 Mon–Thu (30 min break) and 08.00–15.30 Fri (60 min break) for five-day
 * offices: 4 × 6.5 h + 6.5 h = 32.5 h. Check the SE of the year; the agency (PPK) may set its own times.
 */
export const ramadanOfficeHours: WeeklyHours = {
  monday: [{ from: '08:00', to: '15:00' }],
  tuesday: [{ from: '08:00', to: '15:00' }],
  wednesday: [{ from: '08:00', to: '15:00' }],
  thursday: [{ from: '08:00', to: '15:00' }],
  friday: [{ from: '08:00', to: '15:30' }],
  saturday: closed,
  sunday: closed,
};

/** Weekends are closed in both schedules; holidays and cuti bersama come from the calendar files. */
export const defaultOfficeHours: OfficeHours = {
  regular: regularOfficeHours,
  ramadan: ramadanOfficeHours,
};

const timeOfDayPattern = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** "07:30" → 450 minutes after midnight; "24:00" is allowed as the end of a day. */
export function parseTimeOfDay(value: string): number {
  const match = timeOfDayPattern.exec(value);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!match || minutes > 24 * 60) throw new RangeError(`Not a valid HH:MM time of day: "${value}"`);
  return minutes;
}

/** Open periods of one day as [start, end) minutes after midnight WIB, sorted. */
export type DayPeriods = readonly (readonly [start: number, end: number])[];

/**
 * Checks and converts a weekly schedule: indexed like getUTCDay (0 = Sunday). Throws on a malformed time, an
 * empty or reversed period, overlapping periods, or a week with no open time at all (the SLA clock would never
 * advance). Office hours are developer configuration, so a mistake here is a programming error.
 */
export function compileWeeklyHours(hours: WeeklyHours, label = 'office hours'): readonly DayPeriods[] {
  const week = weekdaysFromSunday.map((weekday) => {
    const periods = hours[weekday]
      .map(({ from, to }): [number, number] => {
        const start = parseTimeOfDay(from);
        const end = parseTimeOfDay(to);
        if (end <= start) throw new RangeError(`${label}, ${weekday}: period ${from}–${to} ends before it starts`);
        return [start, end];
      })
      .sort((a, b) => a[0] - b[0]);
    periods.forEach((period, i) => {
      const previous = periods[i - 1];
      if (previous && period[0] < previous[1]) throw new RangeError(`${label}, ${weekday}: periods overlap`);
    });
    return periods;
  });
  if (week.every((periods) => periods.length === 0)) throw new RangeError(`${label}: no open period in the week`);
  return week;
}
