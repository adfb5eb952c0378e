import type { PositionType } from '../records/employee.js';

/**
 * Which KP a post gets (PP 99/2000 Ps 4–9): pelaksana the regular one, capped by education; functional officials a
 * KP pilihan inside their jenjang's range on credit points; structural officials a KP pilihan inside their
 * eselon's range. The education cap binds only the regular KP.
 */
export type KpKind = 'reguler' | 'pilihan-jf' | 'pilihan-struktural';

const structural: ReadonlySet<PositionType> = new Set(['JPT_UTAMA', 'JPT_MADYA', 'JPT_PRATAMA', 'ADMINISTRATOR', 'PENGAWAS']);

export function kpKindFor(positionType: PositionType): KpKind {
  if (positionType.startsWith('JF_')) return 'pilihan-jf';
  if (structural.has(positionType)) return 'pilihan-struktural';
  return 'reguler';
}

export const kpKindWords: Readonly<Record<KpKind, { id: string; en: string }>> = {
  reguler: { id: 'KP reguler', en: 'regular promotion' },
  'pilihan-jf': { id: 'KP pilihan jabatan fungsional', en: 'functional-post promotion (KP pilihan)' },
  'pilihan-struktural': { id: 'KP pilihan jabatan struktural', en: 'structural-post promotion (KP pilihan)' },
};
