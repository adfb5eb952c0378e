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

/** Business minutes as "1 jam 30 menit" ("—" when there is nothing to measure). */
export function formatBusinessMinutes(minutes: number | null): string {
  if (minutes === null || !Number.isFinite(minutes)) return '—';
  const total = Math.round(minutes);
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return `${rest} menit`;
  return rest === 0 ? `${hours} jam` : `${hours} jam ${rest} menit`;
}
