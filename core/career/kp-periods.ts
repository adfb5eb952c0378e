import {
  addMonths,
  dayOfMonth,
  firstOfMonth,
  firstOfNextMonth,
  isBefore,
  parseCalendarDate,
  type CalendarDate,
} from '../dates/calendar-date.js';
import type { CareerRules, KpPeriodRegime } from './rules.js';

export interface KpSubmissionDates {
  opens: CalendarDate;
  closes: CalendarDate;
}

export interface KpPeriodChoice {
  period: CalendarDate;
  submission: KpSubmissionDates;
  regime: KpPeriodRegime;
  /** The nearest period that was skipped only because its submission window had already closed. */
  missed: { period: CalendarDate; submission: KpSubmissionDates } | null;
}

/** Every regime has at least one period a year, so ten years is far more than any search needs. */
const searchHorizonMonths = 120;

/** The regime a period date falls under: the latest one that had started by then (the oldest one before that). */
export function kpRegimeInForce(periodDate: CalendarDate, rules: CareerRules): KpPeriodRegime {
  const regimes = [...rules.kpPeriodRegimes].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const oldest = regimes[0];
  if (!oldest) throw new Error('CareerRules.kpPeriodRegimes is empty');
  return regimes.filter((regime) => !isBefore(periodDate, regime.from)).at(-1) ?? oldest;
}

export function isKpPeriod(date: CalendarDate, rules: CareerRules): boolean {
  const { month, day } = parseCalendarDate(date);
  return day === 1 && kpRegimeInForce(date, rules).months.includes(month);
}

export function kpSubmissionWindow(period: CalendarDate, rules: CareerRules): KpSubmissionDates {
  const window = rules.kpSubmissionWindow;
  return {
    opens: dayOfMonth(addMonths(period, -window.opensMonthsBefore), window.opensOnDay),
    closes: dayOfMonth(addMonths(period, -window.closesMonthsBefore), window.closesOnDay),
  };
}

/**
 * The first KP period on or after `earliest` whose submission window is still open (or not yet open) on `asOf`:
 * a proposal that can no longer be filed for a period has to wait for the next one.
 */
export function findKpPeriod(earliest: CalendarDate, asOf: CalendarDate, rules: CareerRules): KpPeriodChoice | null {
  let candidate = firstOfMonth(earliest) === earliest ? earliest : firstOfNextMonth(earliest);
  let missed: KpPeriodChoice['missed'] = null;
  for (let step = 0; step < searchHorizonMonths; step += 1, candidate = addMonths(candidate, 1)) {
    if (!isKpPeriod(candidate, rules)) continue;
    const submission = kpSubmissionWindow(candidate, rules);
    if (isBefore(submission.closes, asOf)) {
      missed ??= { period: candidate, submission };
      continue;
    }
    return { period: candidate, submission, regime: kpRegimeInForce(candidate, rules), missed };
  }
  return null;
}
