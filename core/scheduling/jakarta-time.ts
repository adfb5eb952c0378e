/** Asia/Jakarta is UTC+7 all year (no daylight saving), so WIB arithmetic is a fixed offset. */
const wibOffsetMs = 7 * 3600_000;

export interface WibParts {
  /** YYYY-MM-DD in WIB. */
  date: string;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

export function wibParts(at: Date): WibParts {
  const shifted = new Date(at.getTime() + wibOffsetMs);
  return {
    date: shifted.toISOString().slice(0, 10),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    weekday: shifted.getUTCDay(),
  };
}

/** The instant of a WIB wall-clock time on a WIB calendar day. */
export function wibInstant(date: string, hour: number, minute = 0): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - wibOffsetMs + (hour * 60 + minute) * 60_000);
}
