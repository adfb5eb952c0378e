import type { PositionType } from '../records/employee.js';

/** How reasons name a position type to the employee. */
export const positionTypeWords: Readonly<Record<PositionType, string>> = {
  JPT_UTAMA: 'JPT utama',
  JPT_MADYA: 'JPT madya',
  JPT_PRATAMA: 'JPT pratama',
  ADMINISTRATOR: 'administrator',
  PENGAWAS: 'pengawas',
  PELAKSANA: 'pelaksana',
  JF_AHLI_PERTAMA: 'jabatan fungsional ahli pertama',
  JF_AHLI_MUDA: 'jabatan fungsional ahli muda',
  JF_AHLI_MADYA: 'jabatan fungsional ahli madya',
  JF_AHLI_UTAMA: 'jabatan fungsional ahli utama',
  JF_KETERAMPILAN: 'jabatan fungsional keterampilan',
};

export function isFunctionalPosition(positionType: PositionType): boolean {
  return positionType.startsWith('JF_');
}

/** "2 tahun" for 24, "18 bulan" for 18: intervals read the way the regulations state them. */
export function describeMonths(months: number): string {
  return months % 12 === 0 ? `${months / 12} tahun` : `${months} bulan`;
}

/** Indonesian decimal comma; credit points come in halves and eighths (e.g. 12,5 AK per year). */
export function formatNumber(value: number): string {
  return String(Math.round(value * 1000) / 1000).replace('.', ',');
}
