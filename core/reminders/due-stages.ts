import type { CalendarDate } from '../dates/calendar-date.js';
import type { ReminderStage } from './reminder-stage.js';

export interface DueStages {
  /** The one stage per event to send now. */
  send: ReminderStage[];
  /** Earlier stages of the same events whose day also came: recorded, never sent. */
  superseded: ReminderStage[];
}

/**
 * Of the stages of one event whose day has come while the event is still ahead, only the latest goes; the older
 * ones are marked superseded. A first run, or a pass after downtime, then sends "one month before" instead of both
 * "three months" and "one month" on the same morning.
 */
export function dueStages(stages: readonly ReminderStage[], asOf: CalendarDate): DueStages {
  const latestByEvent = new Map<string, ReminderStage>();
  const due = stages.filter((s) => s.firesOn <= asOf && asOf <= s.lastOn);
  for (const stage of due) {
    const latest = latestByEvent.get(stage.eventKey);
    if (!latest || stage.firesOn > latest.firesOn) latestByEvent.set(stage.eventKey, stage);
  }
  const send = [...latestByEvent.values()];
  const chosen = new Set(send);
  return { send, superseded: due.filter((s) => !chosen.has(s)) };
}

/** Stages still to come after `asOf`, up to and including `until`, soonest first. */
export function upcomingStages(stages: readonly ReminderStage[], asOf: CalendarDate, until: CalendarDate): ReminderStage[] {
  return stages.filter((s) => s.firesOn > asOf && s.firesOn <= until).sort((a, b) => (a.firesOn < b.firesOn ? -1 : a.firesOn > b.firesOn ? 1 : 0));
}
