import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BusinessCalendar } from './business-calendar.js';
import { loadCalendarFiles, type CalendarProblem } from './calendar-file.js';
import { defaultOfficeHours, type OfficeHours } from './office-hours.js';

export * from './business-calendar.js';
export * from './calendar-file.js';
export * from './office-hours.js';

/** <repo>/calendar: the YYYY.json files HR maintains. */
export const defaultCalendarDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'calendar');

export interface LoadedBusinessCalendar {
  calendar: BusinessCalendar;
  /** Files that did not load (Indonesian reasons); log them at startup so HR can fix the file. */
  problems: CalendarProblem[];
}

/** Loads the calendar files (read once: edits take effect on restart) with the standard office hours. */
export function defaultBusinessCalendar(
  dir: string = defaultCalendarDir,
  officeHours: OfficeHours = defaultOfficeHours,
): LoadedBusinessCalendar {
  const { calendar, problems } = loadCalendarFiles(dir);
  return { calendar: BusinessCalendar.fromCalendarData(calendar, officeHours), problems };
}
