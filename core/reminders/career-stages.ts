import { findKpPeriod, type CareerDates, type CareerRules } from '../career/index.js';
import { addDays, addMonths, isBefore, type CalendarDate } from '../dates/calendar-date.js';
import type { EmployeeRecord } from '../records/employee.js';
import type { ReminderRules } from './reminder-rules.js';
import type { ReminderStage } from './reminder-stage.js';

/** Early enough that no submission window counts as closed: the search then returns the first period itself. */
const beforeAnyWindow: CalendarDate = '1900-01-01';

/**
 * The KGB, KP and pension stages of one employee's current career events, whether due yet or not. Nothing for
 * someone inactive or whose TMT pensiun has come: they are no longer the office's to remind.
 */
export function careerStages(record: EmployeeRecord, dates: CareerDates, careerRules: CareerRules, rules: ReminderRules): ReminderStage[] {
  if (!record.active || dates.pension.alreadyPast) return [];
  return [...kgbStages(dates, rules), ...kpStages(record, dates, careerRules), ...pensionStages(record, dates, rules)];
}

function kgbStages(dates: CareerDates, rules: ReminderRules): ReminderStage[] {
  const { nextDate, overdue } = dates.kgb;
  // An overdue KGB is HR's to process (the digest lists it), not something the employee can prepare for.
  if (!nextDate || overdue) return [];
  return rules.kgbLeadMonths.map((months) => ({
    kind: 'kgb',
    key: `kgb:${nextDate}:${months}m`,
    eventKey: `kgb:${nextDate}`,
    eventOn: nextDate,
    firesOn: addMonths(nextDate, -months),
    lastOn: addDays(nextDate, -1),
    lead: `${months}m`,
    subject: { kind: 'kgb', kgbOn: nextDate },
  }));
}

/**
 * One reminder per rank: when the submission window of the first period the employee is eligible for opens.
 * Periods are monthly since October 2025, so reminding for every later period someone was not proposed for would
 * be a message a month; HR sees those people in the digest instead.
 */
function kpStages(_record: EmployeeRecord, dates: CareerDates, careerRules: CareerRules): ReminderStage[] {
  const { eligible, eligibleFrom } = dates.promotion;
  if (!eligible || !eligibleFrom) return [];
  const first = firstEligibleKpPeriod(eligibleFrom, careerRules);
  if (!first || !isBefore(first.period, dates.pension.tmtPension)) return [];
  return [
    {
      kind: 'kp',
      key: `kp:${first.period}`,
      eventKey: `kp:${first.period}`,
      eventOn: first.period,
      firesOn: first.opens,
      lastOn: first.closes,
      lead: 'buka',
      subject: {
        kind: 'kp',
        period: first.period,
        opens: first.opens,
        closes: first.closes,
        functional: dates.promotion.kind === 'pilihan-jf',
        kpKind: dates.promotion.kind ?? 'reguler',
        nextGolongan: dates.promotion.nextGolongan,
      },
    },
  ];
}

/** The first KP period on or after the day the years in rank are complete, with its submission window. */
export function firstEligibleKpPeriod(
  eligibleFrom: CalendarDate,
  careerRules: CareerRules,
): { period: CalendarDate; opens: CalendarDate; closes: CalendarDate } | null {
  const choice = findKpPeriod(eligibleFrom, beforeAnyWindow, careerRules);
  return choice ? { period: choice.period, opens: choice.submission.opens, closes: choice.submission.closes } : null;
}

function pensionStages(record: EmployeeRecord, dates: CareerDates, rules: ReminderRules): ReminderStage[] {
  // PPPK contracts end at the BUP without a pension proposal (DPCP, SK CPNS): the checklist does not apply.
  if (record.employmentType !== 'PNS') return [];
  const tmt = dates.pension.tmtPension;
  return rules.pensionLeadMonths.map((months) => ({
    kind: 'pensiun',
    key: `pensiun:${tmt}:${months}m`,
    eventKey: `pensiun:${tmt}`,
    eventOn: tmt,
    firesOn: addMonths(tmt, -months),
    lastOn: addDays(tmt, -1),
    lead: `${months}m`,
    subject: { kind: 'pensiun', tmt },
  }));
}
