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

/** A text staff may read, in both languages LAYANI speaks. */
export interface Bilingual {
  id: string;
  en: string;
}

const englishMonths = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "1 May 2027": the English twin of formatIndonesian. */
export function formatEnglish(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${day} ${englishMonths[month - 1]} ${year}`;
}

/** Parts of a reason joined the same way in both languages. */
export function joinBilingual(parts: readonly Bilingual[], separator = '; '): Bilingual {
  return { id: parts.map((p) => p.id).join(separator), en: parts.map((p) => p.en).join(separator) };
}

/** "2 years" / "18 months". */
export function describeMonthsEn(months: number): string {
  if (months % 12 === 0) return months === 12 ? '1 year' : `${months / 12} years`;
  return `${months} months`;
}

/** How English reasons name a position type. */
export const positionTypeWordsEn: Readonly<Record<PositionType, string>> = {
  JPT_UTAMA: 'JPT utama',
  JPT_MADYA: 'JPT madya',
  JPT_PRATAMA: 'JPT pratama',
  ADMINISTRATOR: 'administrator',
  PENGAWAS: 'pengawas',
  PELAKSANA: 'pelaksana',
  JF_AHLI_PERTAMA: 'functional post, ahli pertama',
  JF_AHLI_MUDA: 'functional post, ahli muda',
  JF_AHLI_MADYA: 'functional post, ahli madya',
  JF_AHLI_UTAMA: 'functional post, ahli utama',
  JF_KETERAMPILAN: 'functional post, keterampilan',
};
