import type { AudienceCandidate } from '../audience/audience-matcher.js';
import { computeCareerDates, defaultCareerRules, type CareerDates, type CareerRules } from '../career/index.js';
import type { CalendarDate } from '../dates/calendar-date.js';
import type { EmployeeRecord } from '../records/employee.js';
import { careerStages } from './career-stages.js';
import { deadlineStages, type YearlyDeadlineSpec } from './deadline-stages.js';
import { dueStages, type DueStages } from './due-stages.js';
import { defaultReminderRules, type ReminderRules } from './reminder-rules.js';
import type { ReminderStage } from './reminder-stage.js';

/** A yearly deadline with who it is for and its stages as of the planning day (the same for everyone it reaches). */
export interface PlannedDeadline {
  spec: YearlyDeadlineSpec;
  reaches(employee: AudienceCandidate): boolean;
  stages: ReminderStage[];
}

export function planDeadline(spec: YearlyDeadlineSpec, reaches: PlannedDeadline['reaches'], asOf: CalendarDate): PlannedDeadline {
  return { spec, reaches, stages: deadlineStages(spec, asOf) };
}

/**
 * Every stage of one employee's reminders as of a day: career events and the yearly deadlines they are in the
 * audience of. None for inactive staff or anyone whose TMT pensiun has come.
 */
export function employeeStages(
  record: EmployeeRecord,
  dates: CareerDates,
  deadlines: readonly PlannedDeadline[],
  careerRules: CareerRules,
  rules: ReminderRules,
): ReminderStage[] {
  if (!record.active || dates.pension.alreadyPast) return [];
  const stages = careerStages(record, dates, careerRules, rules);
  for (const deadline of deadlines) if (deadline.reaches(record)) stages.push(...deadline.stages);
  return stages;
}

export interface PlanOptions {
  careerRules?: CareerRules;
  rules?: ReminderRules;
  deadlines?: readonly PlannedDeadline[];
}

/** The planner in one call (record + day + rules + deadlines → what is due): pure, for tests and previews. */
export function planDueReminders(record: EmployeeRecord, asOf: CalendarDate, options: PlanOptions = {}): DueStages {
  const careerRules = options.careerRules ?? defaultCareerRules;
  const dates = computeCareerDates(record, asOf, careerRules);
  const stages = employeeStages(record, dates, options.deadlines ?? [], careerRules, options.rules ?? defaultReminderRules);
  return dueStages(stages, asOf);
}
