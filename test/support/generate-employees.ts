import type { EducationLevel, EmployeeRecord, Eselon, JfJenjang, PositionType } from '../../core/records/employee.js';
import { pnsGolongan, pppkGolongan } from '../../core/records/employee.js';

/** A small deterministic PRNG so a generated office is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const units = ['Sekretariat', 'Bidang Perikanan Tangkap', 'Bidang Perikanan Budidaya', 'Bidang Pengawasan', 'UPTD Pelabuhan Perikanan', 'Bidang Kelautan'];
const educationCap: Record<EducationLevel, number> = {
  SD: 4, SLTP: 6, SLTA: 9, 'D-I': 9, 'D-II': 9, 'D-III': 10, 'D-IV': 11, S1: 11, S2: 12, S3: 13,
};
const positions: Array<[PositionType, string]> = [
  ['PELAKSANA', 'Pengadministrasi Umum'],
  ['PELAKSANA', 'Pengelola Data'],
  ['PENGAWAS', 'Kepala Seksi'],
  ['ADMINISTRATOR', 'Kepala Bidang'],
  ['JF_AHLI_PERTAMA', 'Analis Kebijakan Ahli Pertama'],
  ['JF_AHLI_MUDA', 'Pengawas Perikanan Ahli Muda'],
  ['JF_AHLI_MADYA', 'Analis Kebijakan Ahli Madya'],
  ['JF_KETERAMPILAN', 'Pengelola Barang Milik Negara Terampil'],
];
const educations: EducationLevel[] = ['SLTA', 'D-III', 'S1', 'S1', 'S1', 'S2', 'D-IV'];
const names = ['Budi', 'Sari', 'Andi', 'Dewi', 'Rudi', 'Siti', 'Agus', 'Rina', 'Hendra', 'Yuni', 'Fajar', 'Maya'];
const surnames = ['Santoso', 'Wijaya', 'Pratama', 'Lestari', 'Saputra', 'Rahmawati', 'Hidayat', 'Putri'];

/** `count` valid, varied PNS records whose NIPs agree with their birth date, TMT CPNS and gender. */
export function generateEmployees(count: number, seed = 42): EmployeeRecord[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const sequenceByPrefix = new Map<string, number>();
  const result: EmployeeRecord[] = [];
  for (let i = 0; i < count; i++) {
    const birthYear = 1966 + Math.floor(random() * 34);
    const birthMonth = 1 + Math.floor(random() * 12);
    const birthDay = 1 + Math.floor(random() * 28);
    const cpnsYear = Math.min(2024, birthYear + 20 + Math.floor(random() * 12));
    const cpnsMonth = 1 + Math.floor(random() * 12);
    const gender = random() < 0.5 ? 'L' : 'P';
    const prefix = `${birthYear}${pad(birthMonth)}${pad(birthDay)}${cpnsYear}${pad(cpnsMonth)}${gender === 'L' ? 1 : 2}`;
    const sequence = (sequenceByPrefix.get(prefix) ?? 0) + 1;
    sequenceByPrefix.set(prefix, sequence);
    const education = pick(educations);
    const rankIndex = Math.min(educationCap[education], 8 + Math.floor(random() * 5));
    const [positionType, positionName] = pick(positions);
    const tmtGolonganYear = Math.min(2026, cpnsYear + Math.floor(random() * 10));
    const lastKgbYear = 2023 + Math.floor(random() * 3);
    result.push({
      nip: `${prefix}${pad(sequence, 3)}`,
      name: `${pick(names)} ${pick(surnames)}`,
      birthDate: `${birthYear}-${pad(birthMonth)}-${pad(birthDay)}`,
      gender,
      employmentType: 'PNS',
      golongan: pnsGolongan[rankIndex]!,
      tmtGolongan: `${tmtGolonganYear}-${pad(1 + Math.floor(random() * 12))}-01`,
      education,
      positionName,
      positionType,
      unit: pick(units),
      tmtCpns: `${cpnsYear}-${pad(cpnsMonth)}-01`,
      lastKgbTmt: `${lastKgbYear}-${pad(1 + Math.floor(random() * 12))}-01`,
      creditPoints: positionType.startsWith('JF_') ? Math.round(random() * 2000) / 10 : null,
      phone: `08${Math.floor(1e9 + random() * 8e9)}`,
      email: null,
      active: true,
    });
  }
  return result;
}

const rank = (g: string) => pnsGolongan.indexOf(g as (typeof pnsGolongan)[number]);
/** Rank ranges as the fact sheet states them (PermenPANRB 1/2023; PP 100/2000 jo PP 13/2002), for generating only. */
const jfPosts: Array<[PositionType, JfJenjang | null, string, string, string]> = [
  ['JF_AHLI_PERTAMA', null, 'Penyuluh Perikanan Ahli Pertama', 'III/a', 'III/b'],
  ['JF_AHLI_MUDA', null, 'Pengawas Perikanan Ahli Muda', 'III/c', 'III/d'],
  ['JF_AHLI_MADYA', null, 'Analis Kebijakan Ahli Madya', 'IV/a', 'IV/c'],
  ['JF_AHLI_UTAMA', 'AHLI_UTAMA', 'Analis Kebijakan Ahli Utama', 'IV/d', 'IV/e'],
  ['JF_KETERAMPILAN', 'TERAMPIL', 'Pranata Komputer Terampil', 'II/b', 'II/d'],
  ['JF_KETERAMPILAN', null, 'Pengelola Barang Milik Negara Mahir', 'III/a', 'III/b'],
  ['JF_KETERAMPILAN', 'PENYELIA', 'Penyuluh Perikanan Penyelia', 'III/c', 'III/d'],
];
const structuralPosts: Array<[PositionType, Eselon | null, string, string, string]> = [
  ['JPT_PRATAMA', 'II.a', 'Kepala Dinas', 'IV/c', 'IV/d'],
  ['ADMINISTRATOR', 'III.a', 'Sekretaris Dinas', 'IV/a', 'IV/b'],
  ['ADMINISTRATOR', 'III.b', 'Kepala Bidang', 'III/d', 'IV/a'],
  ['ADMINISTRATOR', null, 'Kepala UPTD', 'IV/a', 'IV/b'],
  ['PENGAWAS', 'IV.a', 'Kepala Seksi', 'III/c', 'III/d'],
  ['PENGAWAS', null, 'Kepala Subbagian', 'III/c', 'III/d'],
  ['PENGAWAS', 'IV.b', 'Kepala Seksi UPTD', 'III/b', 'III/c'],
];

/**
 * An office as DKP's actually is: functional officials (keahlian and keterampilan, some at the top of their
 * jenjang), structural heads with or without a recorded eselon, pelaksana, and PPPK. Every rank sits inside the
 * range of its jenjang or eselon, whatever the education, so a correct engine flags none of them.
 */
export function generateMixedOffice(count: number, seed = 42): EmployeeRecord[] {
  const random = seededRandom(seed ^ 0x5eed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  return generateEmployees(count, seed).map((generated, index) => {
    const slot = index % 20;
    // In rank since 2021–2024, so the 4 years of many end in the simulated years 2025–2028.
    const inRankSince = Math.max(Number(generated.tmtCpns!.slice(0, 4)), 2021 + Math.floor(random() * 4));
    const base = { ...generated, tmtGolongan: `${inRankSince}-${pad(1 + Math.floor(random() * 12))}-01` };
    if (slot < 8) {
      const [positionType, jenjang, positionName, lowest, highest] = pick(jfPosts);
      const golongan = pnsGolongan[rank(lowest) + Math.floor(random() * (rank(highest) - rank(lowest) + 1))]!;
      return { ...base, positionType, positionName, golongan, jenjang, eselon: null, creditPoints: Math.round(random() * 3000) / 10 };
    }
    if (slot < 12) {
      const [positionType, eselon, positionName, lowest, highest] = pick(structuralPosts);
      const golongan = pnsGolongan[rank(lowest) + Math.floor(random() * (rank(highest) - rank(lowest) + 1))]!;
      return { ...base, positionType, positionName, golongan, eselon, jenjang: null, creditPoints: null };
    }
    if (slot < 17) {
      return { ...base, positionType: 'PELAKSANA', positionName: 'Pengadministrasi Umum', jenjang: null, eselon: null, creditPoints: null };
    }
    // PPPK: NI PPPK = birth date + appointment year + a 2-digit code + gender + sequence; no CPNS or KGB dates.
    const [positionType, jenjang, positionName] = pick(jfPosts.slice(0, 3));
    const appointed = 2022 + Math.floor(random() * 3);
    const nip = `${base.nip.slice(0, 8)}${appointed}13${base.gender === 'L' ? 1 : 2}${pad(index + 1, 3)}`;
    return {
      ...base, nip, employmentType: 'PPPK', golongan: pick(pppkGolongan.slice(6, 12)), tmtCpns: null, lastKgbTmt: null,
      tmtGolongan: `${appointed}-01-01`, positionType, positionName, jenjang, eselon: null, creditPoints: null,
    };
  });
}

const csvHeaders = [
  'nip', 'nama', 'tanggal_lahir', 'jenis_kelamin', 'jenis_pegawai', 'golongan', 'tmt_golongan', 'pendidikan', 'jabatan',
  'jenis_jabatan', 'unit_kerja', 'tmt_cpns', 'tmt_kgb_terakhir', 'angka_kredit', 'telepon', 'email', 'aktif',
];

/** The records as an import file in the template's columns. */
export function employeesCsv(records: readonly EmployeeRecord[]): string {
  const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const lines = records.map((r) =>
    [
      r.nip, r.name, r.birthDate, r.gender, r.employmentType, r.golongan, r.tmtGolongan ?? '', r.education,
      r.positionName, r.positionType, r.unit, r.tmtCpns ?? '', r.lastKgbTmt ?? '',
      r.creditPoints === null ? '' : String(r.creditPoints), r.phone ?? '', r.email ?? '', r.active ? 'ya' : 'tidak',
    ].map(quote).join(','),
  );
  return [csvHeaders.join(','), ...lines].join('\n') + '\n';
}

/** The records as an .xlsx import file (NIP column as text, as the template asks). */
export async function employeesXlsx(records: readonly EmployeeRecord[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('pegawai');
  const [header, ...lines] = employeesCsv(records).trimEnd().split('\n');
  sheet.addRow(header!.split(','));
  for (const line of lines) sheet.addRow(line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.slice(0, 17).map((cell) => cell.replace(/,$/, '').replace(/^"|"$/g, '').replaceAll('""', '"')));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
