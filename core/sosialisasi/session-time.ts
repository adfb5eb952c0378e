import { describeWibInstant } from '../calendar/business-calendar.js';
import { wibParts } from '../scheduling/jakarta-time.js';

/** "Selasa, 1 Desember 2026 pukul 09.00–11.00 WIB". */
export function describeSessionTime(session: { startsAt: Date; endsAt: Date }): string {
  const end = wibParts(session.endsAt);
  const endText = `${String(end.hour).padStart(2, '0')}.${String(end.minute).padStart(2, '0')}`;
  return describeWibInstant(session.startsAt, 'id').replace(/ WIB$/, `–${endText} WIB`);
}

/** The WIB calendar day of the session: its check-in code is valid that day only. */
export function sessionDay(session: { startsAt: Date }): string {
  return wibParts(session.startsAt).date;
}
