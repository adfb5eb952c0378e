import { pnsRankIndex } from './golongan.js';
import type { CareerRules, JenjangRule } from './rules.js';
import { type EmployeeRecord, type JfJenjang, type PnsGolongan, type PositionType } from '../records/employee.js';

/** Where the jenjang used for a JF came from; every reason built on an assumed one says so. */
export type JenjangSource = 'recorded' | 'position-type' | 'position-name' | 'golongan';

export interface ResolvedJenjang {
  jenjang: JfJenjang;
  rule: JenjangRule;
  source: JenjangSource;
}

const jenjangOfKeahlianType: Readonly<Partial<Record<PositionType, JfJenjang>>> = {
  JF_AHLI_PERTAMA: 'AHLI_PERTAMA',
  JF_AHLI_MUDA: 'AHLI_MUDA',
  JF_AHLI_MADYA: 'AHLI_MADYA',
  JF_AHLI_UTAMA: 'AHLI_UTAMA',
};

const keterampilan: readonly JfJenjang[] = ['PEMULA', 'TERAMPIL', 'MAHIR', 'PENYELIA'];

/**
 * The jenjang of a JF: recorded, or implied by the keahlian position type, or for keterampilan read from the
 * position name ("Pengelola Barang Milik Negara Terampil") and, failing that, from the golongan (the keterampilan
 * ranges do not overlap). Null for a post that is not a JF, or a keterampilan rank outside every range.
 */
export function resolveJenjang(
  record: Pick<EmployeeRecord, 'positionType' | 'positionName' | 'golongan' | 'jenjang'>,
  golongan: PnsGolongan,
  rules: CareerRules,
): ResolvedJenjang | null {
  const withRule = (jenjang: JfJenjang, source: JenjangSource) => ({ jenjang, rule: rules.jenjang[jenjang], source });
  if (record.jenjang) return withRule(record.jenjang, 'recorded');
  const keahlian = jenjangOfKeahlianType[record.positionType];
  if (keahlian) return withRule(keahlian, 'position-type');
  if (record.positionType !== 'JF_KETERAMPILAN') return null;
  const words = record.positionName.toUpperCase().split(/[^A-Z]+/);
  const named = keterampilan.filter((j) => words.includes(j));
  if (named.length === 1) return withRule(named[0]!, 'position-name');
  const byRank = keterampilan.find((j) => rankWithin(golongan, rules.jenjang[j].lowest, rules.jenjang[j].highest));
  return byRank ? withRule(byRank, 'golongan') : null;
}

export function rankWithin(golongan: PnsGolongan, lowest: PnsGolongan, highest: PnsGolongan): boolean {
  const index = pnsRankIndex(golongan);
  return index >= pnsRankIndex(lowest) && index <= pnsRankIndex(highest);
}

/** "jenjang Ahli Muda (III/c–III/d)", with how it was found when it was not recorded. */
export function describeJenjang(resolved: ResolvedJenjang): string {
  return describeJenjangIn(resolved, 'id');
}

export function describeJenjangIn(resolved: ResolvedJenjang, lang: 'id' | 'en'): string {
  const { rule, source } = resolved;
  const range = rule.lowest === rule.highest ? rule.lowest : `${rule.lowest}–${rule.highest}`;
  if (lang === 'en') {
    const assumed =
      source === 'position-name' ? ', read from the position name as no jenjang is recorded'
        : source === 'golongan' ? ', inferred from the rank as no jenjang is recorded'
          : '';
    return `the ${rule.label} jenjang (${range}${assumed})`;
  }
  const assumed =
    source === 'position-name'
      ? ', dibaca dari nama jabatan karena kolom jenjang kosong'
      : source === 'golongan'
        ? ', disimpulkan dari golongan karena kolom jenjang kosong'
        : '';
  return `jenjang ${rule.label} (${range}${assumed})`;
}

