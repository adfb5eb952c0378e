import { isCalendarDate } from '../dates/calendar-date.js';

/**
 * A date as SIASN writes it ("26-09-1986" most often; "26/09/1986", "1986-09-26" and ISO timestamps too) as
 * LAYANI's "YYYY-MM-DD", or undefined when it is empty or not a real date.
 */
export function siasnDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  let match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  let iso: string | undefined;
  if (match) iso = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  else if ((match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(text))) iso = `${match[1]}-${match[2]}-${match[3]}`;
  return iso && isCalendarDate(iso) ? iso : undefined;
}
