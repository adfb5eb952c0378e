import { z } from 'zod';
import { eselons, pnsGolongan, pppkGolongan, type EducationLevel, type EmployeeRecord, type Eselon, type JfJenjang, type PositionType } from '../records/employee.js';
import { siasnDate } from './siasn-dates.js';

/**
 * SIASN's records mapped onto LAYANI's employee record. Field names are those seen in agencies' code (camelCase
 * strings); every field is optional and a field that does not read is dropped rather than failing the record, so a
 * partial or slightly different answer still updates what it can. What SIASN leaves empty is simply absent here,
 * and absent fields never replace stored values.
 */

/** A text field: numbers are accepted as text; anything else, or blank, is absent. */
const text = z.unknown().transform((v): string | undefined => {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' || t === '-' || t.toLowerCase() === 'null' ? undefined : t;
}).optional();

export const dataUtamaSchema = z.looseObject({
  id: text,
  nipBaru: text,
  nama: text,
  tglLahir: text,
  jenisKelamin: text,
  jenisPegawaiNama: text,
  kedudukanPnsNama: text,
  statusPegawai: text,
  golRuangAkhir: text,
  tmtGolAkhir: text,
  tmtCpns: text,
  jenisJabatan: text,
  jabatanNama: text,
  jabatanFungsionalNama: text,
  jabatanFungsionalUmumNama: text,
  jabatanStrukturalNama: text,
  eselon: text,
  eselonLevel: text,
  unorNama: text,
  pendidikanTerakhirNama: text,
  tkPendidikanTerakhir: text,
});
export type DataUtama = z.infer<typeof dataUtamaSchema>;

const golonganItem = z.looseObject({ golongan: text, tmtGolongan: text });
const angkaKreditItem = z.looseObject({
  kreditBaruTotal: text,
  tanggalSk: text,
  tahunSelesaiPenailan: text,
  bulanSelesaiPenailan: text,
});
const jabatanItem = z.looseObject({
  jenisJabatan: text,
  jabatanFungsionalNama: text,
  jabatanFungsionalUmumNama: text,
  jabatanStrukturalNama: text,
  namaJabatan: text,
  eselon: text,
  tmtJabatan: text,
  unorNama: text,
});

/** The fields of the employee record SIASN can give. Contact details, the KGB TMT and `active` are HR's. */
export const siasnFields = [
  'name', 'birthDate', 'gender', 'employmentType', 'golongan', 'tmtGolongan', 'education', 'positionName', 'positionType',
  'unit', 'tmtCpns', 'creditPoints', 'jenjang', 'eselon',
] as const satisfies readonly (keyof EmployeeRecord)[];
export type SiasnField = (typeof siasnFields)[number];
export type SiasnEmployeeFields = Partial<Pick<EmployeeRecord, SiasnField>>;

export interface SiasnMainRecord {
  nip: string | undefined;
  fields: SiasnEmployeeFields;
  /** "Aktif", "CLTN", "Pensiun", …: reported to HR, never applied (LAYANI's `active` is HR's decision). */
  kedudukan: string | undefined;
}

/** null when the answer is not a record at all (malformed). */
export function mapDataUtama(data: unknown): SiasnMainRecord | null {
  const parsed = dataUtamaSchema.safeParse(Array.isArray(data) && data.length === 1 ? data[0] : data);
  if (!parsed.success) return null;
  const d = parsed.data;
  const employmentType = employmentTypeOf(d.statusPegawai, d.jenisPegawaiNama);
  const fields: SiasnEmployeeFields = {
    name: d.nama,
    birthDate: siasnDate(d.tglLahir),
    gender: genderOf(d.jenisKelamin),
    employmentType,
    golongan: golonganOf(d.golRuangAkhir),
    tmtGolongan: siasnDate(d.tmtGolAkhir),
    education: educationOf(d.pendidikanTerakhirNama) ?? educationOf(d.tkPendidikanTerakhir),
    positionName: d.jabatanNama ?? d.jabatanStrukturalNama ?? d.jabatanFungsionalNama ?? d.jabatanFungsionalUmumNama,
    positionType: positionTypeOf({
      jenisJabatan: d.jenisJabatan,
      eselon: d.eselon ?? d.eselonLevel,
      functional: d.jabatanFungsionalNama ?? (isFunctional(d.jenisJabatan) ? d.jabatanNama : undefined),
    }),
    unit: d.unorNama,
    tmtCpns: siasnDate(d.tmtCpns),
  };
  fields.eselon = fields.positionType && !fields.positionType.startsWith('JF_') && fields.positionType !== 'PELAKSANA' ? (eselonOf(d.eselon) ?? eselonOf(d.eselonLevel)) : undefined;
  // JF_AHLI_* already name their jenjang; only the keterampilan track needs it recorded.
  fields.jenjang = fields.positionType === 'JF_KETERAMPILAN' ? jenjangOf(d.jabatanFungsionalNama ?? d.jabatanNama) : undefined;
  return { nip: d.nipBaru, fields: withoutAbsent(fields), kedudukan: d.kedudukanPnsNama };
}

function listOf(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  return data && typeof data === 'object' ? [data] : [];
}

/** rw-golongan: the TMT of the rank SIASN names as the last one (or of the latest rank in the history). */
export function lastRankTmt(data: unknown, golongan: string | undefined): string | undefined {
  const items = listOf(data)
    .map((item) => golonganItem.safeParse(item))
    .flatMap((r) => (r.success ? [{ golongan: golonganOf(r.data.golongan), tmt: siasnDate(r.data.tmtGolongan) }] : []))
    .filter((i): i is { golongan: string | undefined; tmt: string } => i.tmt !== undefined)
    .sort((a, b) => (a.tmt < b.tmt ? 1 : -1));
  return (golongan ? items.find((i) => i.golongan === golongan) : undefined)?.tmt ?? items[0]?.tmt;
}

/** rw-angkakredit: the cumulative credit points of the latest assessment. */
export function cumulativeCreditPoints(data: unknown): number | undefined {
  const items = listOf(data)
    .map((item) => angkaKreditItem.safeParse(item))
    .flatMap((r) => {
      if (!r.success) return [];
      const total = Number((r.data.kreditBaruTotal ?? '').replace(',', '.'));
      if (!r.data.kreditBaruTotal || !Number.isFinite(total) || total < 0) return [];
      const year = Number(r.data.tahunSelesaiPenailan) || 0;
      const month = Number(r.data.bulanSelesaiPenailan) || 0;
      const when = year > 0 ? `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}` : (siasnDate(r.data.tanggalSk) ?? '');
      return [{ total, when }];
    });
  if (items.length === 0) return undefined;
  items.sort((a, b) => (a.when < b.when ? 1 : a.when > b.when ? -1 : b.total - a.total));
  return items[0]!.total;
}

/** rw-jabatan: name and type of the latest position, for records whose main answer lacks them. */
export function latestPosition(data: unknown): Pick<SiasnEmployeeFields, 'positionName' | 'positionType' | 'jenjang' | 'eselon'> {
  const items = listOf(data)
    .map((item) => jabatanItem.safeParse(item))
    .flatMap((r) => (r.success ? [{ ...r.data, tmt: siasnDate(r.data.tmtJabatan) ?? '' }] : []))
    .sort((a, b) => (a.tmt < b.tmt ? 1 : -1));
  const latest = items[0];
  if (!latest) return {};
  const name = latest.namaJabatan ?? latest.jabatanStrukturalNama ?? latest.jabatanFungsionalNama ?? latest.jabatanFungsionalUmumNama;
  const positionType = positionTypeOf({ jenisJabatan: latest.jenisJabatan, eselon: latest.eselon, functional: latest.jabatanFungsionalNama });
  return withoutAbsent({
    positionName: name,
    positionType,
    eselon: positionType && !positionType.startsWith('JF_') && positionType !== 'PELAKSANA' ? eselonOf(latest.eselon) : undefined,
    jenjang: positionType === 'JF_KETERAMPILAN' ? jenjangOf(latest.jabatanFungsionalNama) : undefined,
  });
}

function withoutAbsent<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** "II.a", "IIa", "II/A", or SIASN's numeric level "21" → "II.a"; eselon V and unknown values are absent. */
export function eselonOf(value: string | undefined): Eselon | undefined {
  if (!value) return undefined;
  const compact = value.replace(/\s+/g, '').toUpperCase();
  const roman = /^(IV|III|II|I)[./-]?([AB])$/.exec(compact);
  const numeric = /^([1-4])([12])$/.exec(compact);
  const text = roman ? `${roman[1]}.${roman[2]!.toLowerCase()}` : numeric ? `${['I', 'II', 'III', 'IV'][Number(numeric[1]) - 1]}.${numeric[2] === '1' ? 'a' : 'b'}` : '';
  return (eselons as readonly string[]).includes(text) ? (text as Eselon) : undefined;
}

/** The jenjang a functional title names ("Penyuluh Perikanan Ahli Muda" → AHLI_MUDA, "… Mahir" → MAHIR). */
export function jenjangOf(title: string | undefined): JfJenjang | undefined {
  if (!title) return undefined;
  const found = /\b(ahli\s+pertama|ahli\s+muda|ahli\s+madya|ahli\s+utama|pemula|terampil|mahir|penyelia)\b/i.exec(title);
  return found ? (found[1]!.toUpperCase().replace(/\s+/g, '_') as JfJenjang) : undefined;
}

function genderOf(value: string | undefined): EmployeeRecord['gender'] | undefined {
  if (!value) return undefined;
  if (/^(l|m|pria|laki)/i.test(value)) return 'L';
  if (/^(p|f|w|wanita|perempuan)/i.test(value)) return 'P';
  return undefined;
}

function employmentTypeOf(...values: Array<string | undefined>): EmployeeRecord['employmentType'] | undefined {
  for (const value of values) {
    if (!value) continue;
    if (/pppk|p3k/i.test(value)) return 'PPPK';
    if (/\bc?pns\b/i.test(value)) return 'PNS';
  }
  return undefined;
}

/** "III/b", "III/B", "iii / b" → "III/b"; PPPK grades "IX" stay as they are. */
export function golonganOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const compact = value.replace(/\s+/g, '');
  const pns = /^(IV|III|II|I)\/?([a-e])$/i.exec(compact);
  if (pns) {
    const rank = `${pns[1]!.toUpperCase()}/${pns[2]!.toLowerCase()}`;
    return (pnsGolongan as readonly string[]).includes(rank) ? rank : undefined;
  }
  const grade = compact.toUpperCase();
  return (pppkGolongan as readonly string[]).includes(grade) ? grade : undefined;
}

const educationPatterns: ReadonlyArray<readonly [EducationLevel, RegExp]> = [
  ['S3', /\b(s-?3|doktor)\b/i],
  ['S2', /\b(s-?2|magister|master|spesialis)\b/i],
  ['D-IV', /\b(d-?iv|diploma\s*iv|d-?4)\b/i],
  ['S1', /\b(s-?1|sarjana)\b/i],
  ['D-III', /\b(d-?iii|diploma\s*iii|d-?3)\b/i],
  ['D-II', /\b(d-?ii|diploma\s*ii|d-?2)\b/i],
  ['D-I', /\b(d-?i|diploma\s*i|d-?1)\b/i],
  ['SLTA', /\b(slta|sma|smk|smu|stm|smea|aliyah)\b/i],
  ['SLTP', /\b(sltp|smp|mts|tsanawiyah)\b/i],
  ['SD', /\b(sd|sekolah dasar|ibtidaiyah)\b/i],
];

function educationOf(value: string | undefined): EducationLevel | undefined {
  if (!value) return undefined;
  return educationPatterns.find(([, pattern]) => pattern.test(value))?.[0];
}

function isFunctional(jenisJabatan: string | undefined): boolean {
  return jenisJabatan !== undefined && /^2$|fungsional\s*tertentu|^jf$|^fungsional$/i.test(jenisJabatan);
}

/**
 * The position type from SIASN's position kind ("1" structural, "2" functional, "4" executive, or their names),
 * the echelon and the functional title's level. Unknown → absent: the stored type stays.
 */
export function positionTypeOf(p: { jenisJabatan?: string; eselon?: string; functional?: string }): PositionType | undefined {
  const kind = p.jenisJabatan ?? '';
  if (/^1$|struktural/i.test(kind) || (!kind && p.eselon)) {
    const eselon = (p.eselon ?? '').toUpperCase().replace(/\s+/g, '');
    if (/^(I\.?A|1A?|11)$/.test(eselon)) return 'JPT_UTAMA';
    if (/^(I\.?B|I|12)$/.test(eselon)) return 'JPT_MADYA';
    if (/^(II(\.?[AB])?|2[12]?)$/.test(eselon)) return 'JPT_PRATAMA';
    if (/^(III(\.?[AB])?|3[12]?)$/.test(eselon)) return 'ADMINISTRATOR';
    if (/^(IV(\.?[AB])?|V(\.?[AB])?|4[12]?|5[12]?)$/.test(eselon)) return 'PENGAWAS';
    return undefined;
  }
  if (isFunctional(kind) || (!kind && p.functional)) {
    const title = p.functional ?? '';
    if (/ahli\s+utama/i.test(title)) return 'JF_AHLI_UTAMA';
    if (/ahli\s+madya/i.test(title)) return 'JF_AHLI_MADYA';
    if (/ahli\s+muda/i.test(title)) return 'JF_AHLI_MUDA';
    if (/ahli\s+pertama/i.test(title)) return 'JF_AHLI_PERTAMA';
    if (/terampil|mahir|penyelia|pemula/i.test(title)) return 'JF_KETERAMPILAN';
    return undefined;
  }
  if (/^4$|fungsional\s*umum|pelaksana/i.test(kind)) return 'PELAKSANA';
  return undefined;
}
