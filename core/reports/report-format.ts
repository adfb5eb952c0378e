import { formatBusinessMinutes } from '../calendar/business-duration.js';
import type { ServiceReport } from './report-schema.js';

/** Numbers as an Indonesian reader writes them: 1.234 and 4,5. */
export const number = (value: number | null, digits = 1) =>
  value === null ? '—' : value.toLocaleString('id-ID', { maximumFractionDigits: digits });

/** Business minutes as "2 jam 15 menit" (jam kerja). */
export const businessDuration = formatBusinessMinutes;

export const percent = (value: number | null) => (value === null ? '—' : `${number(value)}%`);

type Change = ServiceReport['change'][number];

export function formatChangeValue(unit: Change['unit'], value: number | null): string {
  if (value === null) return '—';
  switch (unit) {
    case 'menit':
      return businessDuration(value);
    case 'persen':
      return percent(value);
    case 'skala5':
    case 'ikm':
      return number(value, 2);
    default:
      return number(value, 0);
  }
}

/** "▲ 12" / "▼ 3,5%" / "tetap"; percentages change in points. */
export function formatDelta(change: Change): string {
  if (change.current === null || change.previous === null) return '—';
  const delta = change.current - change.previous;
  if (Math.abs(delta) < 1e-9) return 'tetap';
  const arrow = delta > 0 ? '▲' : '▼';
  const size = Math.abs(delta);
  const text =
    change.unit === 'menit' ? businessDuration(size) : change.unit === 'persen' ? `${number(size)} poin` : number(size, change.unit === 'jumlah' ? 0 : 2);
  return `${arrow} ${text}`;
}

/** Whether a change is good news (for colour): null when there is nothing to compare. */
export function isImprovement(change: Change): boolean | null {
  if (change.current === null || change.previous === null || change.current === change.previous) return null;
  return change.current > change.previous === change.higherIsBetter;
}

/** "Senin, 1 Desember 2026 08.00 WIB" for the report's stamps. */
export function wibStamp(iso: string): string {
  const at = new Date(new Date(iso).getTime() + 7 * 3600_000);
  const months = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
  const hh = String(at.getUTCHours()).padStart(2, '0');
  const mm = String(at.getUTCMinutes()).padStart(2, '0');
  return `${at.getUTCDate()} ${months[at.getUTCMonth()]} ${at.getUTCFullYear()} ${hh}.${mm} WIB`;
}
