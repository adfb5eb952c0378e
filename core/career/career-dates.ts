import { parseCalendarDate, type CalendarDate } from '../dates/calendar-date.js';
import type { EmployeeRecord } from '../records/employee.js';
import { computeKgb, type KgbDates } from './kgb.js';
import { computePension, type PensionDates } from './pension.js';
import { computePromotion, type PromotionDates } from './promotion.js';
import { findRecordProblems, type RecordProblem } from './record-problems.js';
import { defaultCareerRules, type CareerRules } from './rules.js';

export interface CareerDates {
  kgb: KgbDates;
  promotion: PromotionDates;
  pension: PensionDates;
  problems: RecordProblem[];
}

/**
 * Every career date of one employee as of a given day. Pure: `asOf` comes from the caller's clock (WIB), so the
 * same record and day always give the same answer. Expects a record that passed employeeRecordSchema.
 */
export function computeCareerDates(
  record: EmployeeRecord,
  asOf: CalendarDate,
  rules: CareerRules = defaultCareerRules,
): CareerDates {
  parseCalendarDate(asOf);
  // Pension first: a KGB or KP that would only fall after retirement is not going to happen.
  const pension = computePension(record, asOf, rules);
  const kgb = computeKgb(record, asOf, rules, pension.tmtPension);
  const promotion = computePromotion(record, asOf, rules, pension.tmtPension);
  const problems = findRecordProblems(record, { kgb, pension }, rules);
  return { kgb, promotion, pension, problems };
}
