import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { categoryOf } from './categories.js';

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

/** Which alerts were already raised, kept on the ticket so a restart does not raise them again. */
export type SlaFlag = 'fr80' | 'frBreach' | 'res80' | 'resBreach';

export function parseSlaFlags(value: string): Set<SlaFlag> {
  return new Set(value.split(',').filter(Boolean) as SlaFlag[]);
}

export function formatSlaFlags(flags: Set<SlaFlag>): string {
  return [...flags].sort().join(',');
}
