/** Times on Slack cards, in WIB (Asia/Jakarta, UTC+7, no daylight saving). */

const weekdays = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
const wibOffsetMs = 7 * 3_600_000;

/** "Senin, 24 Nov 2026 10.30 WIB" */
export function formatWib(at: Date): string {
  const wib = new Date(at.getTime() + wibOffsetMs);
  const hours = String(wib.getUTCHours()).padStart(2, '0');
  const minutes = String(wib.getUTCMinutes()).padStart(2, '0');
  return `${weekdays[wib.getUTCDay()]}, ${wib.getUTCDate()} ${months[wib.getUTCMonth()]} ${wib.getUTCFullYear()} ${hours}.${minutes} WIB`;
}

/** Business minutes as "1 jam 30 menit", the same words as the service report. */
export { formatBusinessMinutes } from '../../core/calendar/business-duration.js';
