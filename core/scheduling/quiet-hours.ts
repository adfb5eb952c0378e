import { addDays } from '../dates/calendar-date.js';
import { wibInstant, wibParts } from './jakarta-time.js';

/** 21:00–06:00 WIB: personal messages nobody asked for (broadcasts, reminders, nudges) wait for the morning. */
export const quietHours = { startHour: 21, endHour: 6 } as const;

/** When quiet hours end, if `at` falls inside them; null when messages may go out now. */
export function quietHoursEnd(at: Date): Date | null {
  const { date, hour } = wibParts(at);
  if (hour >= quietHours.startHour) return wibInstant(addDays(date, 1), quietHours.endHour);
  if (hour < quietHours.endHour) return wibInstant(date, quietHours.endHour);
  return null;
}
