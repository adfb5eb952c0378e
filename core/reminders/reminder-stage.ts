import type { KpKind } from '../career/index.js';
import type { CalendarDate } from '../dates/calendar-date.js';
import type { ReminderKind } from './reminder-kinds.js';

/** What a reminder is about, with what its message needs. */
export type ReminderSubject =
  | { kind: 'kgb'; kgbOn: CalendarDate }
  | {
      kind: 'kp';
      period: CalendarDate;
      opens: CalendarDate;
      closes: CalendarDate;
      functional: boolean;
      /** Which KP the engine found (absent: regular), and the rank it leads to. */
      kpKind?: KpKind;
      nextGolongan?: string | null;
    }
  | { kind: 'pensiun'; tmt: CalendarDate }
  | { kind: 'tenggat'; deadlineId: string; title: string; note: string; dueOn: CalendarDate };

/**
 * One stage of a reminder for one event, e.g. "KGB of 1 April 2027, three months before". Stages of the same event
 * share `eventKey`; `key` is unique per person and is what makes an occurrence go out once.
 */
export interface ReminderStage {
  kind: Exclude<ReminderKind, 'khusus'>;
  key: string;
  eventKey: string;
  /** The day the reminder is about: KGB TMT, KP period, TMT pensiun, the deadline. */
  eventOn: CalendarDate;
  /** The first day the stage may go out. */
  firesOn: CalendarDate;
  /** The last day it may still go out: after that the event has passed and the reminder is pointless. */
  lastOn: CalendarDate;
  /** How far ahead of the event, as in the key: '3m', '12m', '30d', 'buka'. */
  lead: string;
  subject: ReminderSubject;
}
