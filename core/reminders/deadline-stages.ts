import { addDays, type CalendarDate } from '../dates/calendar-date.js';
import { nextMonthDay, type MonthDay } from './day-month.js';
import type { ReminderStage } from './reminder-stage.js';

/** A yearly deadline as the planner needs it (YearlyDeadline without the bookkeeping). */
export interface YearlyDeadlineSpec {
  id: string;
  title: string;
  monthDay: MonthDay;
  /** Days before the deadline a reminder goes, e.g. [30, 7, 1]; 0 is the day itself. */
  daysBefore: readonly number[];
  note: string;
}

/** "30,7,1" → [30, 7, 1]: whole days from 0 to 365, each once, furthest first. Throws on anything else. */
export function parseDaysBefore(text: string): number[] {
  const parts = text.split(/[,\s]+/).filter(Boolean);
  const days = parts.map(Number);
  if (parts.length === 0 || days.some((d) => !Number.isInteger(d) || d < 0 || d > 365)) {
    throw new RangeError(`"${text}" bukan daftar hari seperti 30,7,1 (bilangan bulat 0 sampai 365)`);
  }
  return [...new Set(days)].sort((a, b) => b - a);
}

/**
 * The stages of a deadline's next occurrence on or after `asOf`. The same for everyone the deadline is for, so the
 * daily pass computes them once per deadline. The deadline day itself still counts: "hari ini batasnya" helps.
 */
export function deadlineStages(deadline: YearlyDeadlineSpec, asOf: CalendarDate): ReminderStage[] {
  const dueOn = nextMonthDay(deadline.monthDay, asOf);
  return deadline.daysBefore.map((days) => ({
    kind: 'tenggat',
    key: `tenggat:${deadline.id}:${dueOn}:${days}d`,
    eventKey: `tenggat:${deadline.id}:${dueOn}`,
    eventOn: dueOn,
    firesOn: addDays(dueOn, -days),
    lastOn: dueOn,
    lead: `${days}d`,
    subject: { kind: 'tenggat', deadlineId: deadline.id, title: deadline.title, note: deadline.note, dueOn },
  }));
}
