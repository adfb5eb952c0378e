import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { categoryOf } from './categories.js';
import type { SlaState } from './ticket-view.js';

/** An agency's own targets (business minutes), when they differ from the category defaults; null keeps the default. */
export interface AgencySlaTargets {
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
}

export function slaDueTimes(calendar: BusinessCalendar, openedAt: Date, category: string, agency?: AgencySlaTargets | null) {
  const targets = categoryOf(category);
  return {
    firstResponseDueAt: calendar.addBusinessMinutes(openedAt, agency?.firstResponseMinutes ?? targets.firstResponse),
    resolutionDueAt: calendar.addBusinessMinutes(openedAt, agency?.resolutionMinutes ?? targets.resolution),
  };
}

/** Share of the target used so far, counting business minutes only. */
export function slaFraction(calendar: BusinessCalendar, startedAt: Date, dueAt: Date, now: Date): number {
  const target = calendar.businessMinutesBetween(startedAt, dueAt);
  if (target <= 0) return now >= dueAt ? 1 : 0;
  return calendar.businessMinutesBetween(startedAt, now) / target;
}

export function slaState(
  calendar: BusinessCalendar,
  startedAt: Date,
  dueAt: Date,
  doneAt: Date | null,
  now: Date,
): SlaState {
  if (doneAt) return doneAt <= dueAt ? 'met' : 'breached';
  const fraction = slaFraction(calendar, startedAt, dueAt, now);
  if (fraction >= 1) return 'breached';
  if (fraction >= 0.8) return 'warning';
  return 'ok';
}

/** Which alerts were already raised, kept on the ticket so a restart does not raise them again. */
export type SlaFlag = 'fr80' | 'frBreach' | 'res80' | 'resBreach';

export function parseSlaFlags(value: string): Set<SlaFlag> {
  return new Set(value.split(',').filter(Boolean) as SlaFlag[]);
}

export function formatSlaFlags(flags: Set<SlaFlag>): string {
  return [...flags].sort().join(',');
}
