import { z } from 'zod';

export const genders = ['L', 'P'] as const;
export const employmentTypes = ['PNS', 'PPPK'] as const;
export const educationLevels = ['SD', 'SLTP', 'SLTA', 'D-I', 'D-II', 'D-III', 'D-IV', 'S1', 'S2', 'S3'] as const;
export const positionTypes = [
  'JPT_UTAMA',
  'JPT_MADYA',
  'JPT_PRATAMA',
  'ADMINISTRATOR',
  'PENGAWAS',
  'PELAKSANA',
  'JF_AHLI_PERTAMA',
  'JF_AHLI_MUDA',
  'JF_AHLI_MADYA',
  'JF_AHLI_UTAMA',
  'JF_KETERAMPILAN',
] as const;

/**
 * Jenjang of a jabatan fungsional (PermenPANRB 1/2023): four of the keahlian track, four of the keterampilan track.
 * For JF_AHLI_* the position type already says it; JF_KETERAMPILAN needs it recorded (or read from the position name).
 */
export const jfJenjang = [
  'AHLI_PERTAMA', 'AHLI_MUDA', 'AHLI_MADYA', 'AHLI_UTAMA', 'PEMULA', 'TERAMPIL', 'MAHIR', 'PENYELIA',
] as const;
/** Structural eselon sub-levels (PP 100/2000 jo PP 13/2002) that still set the rank range of JPT, administrator and pengawas posts. */
export const eselons = ['I.a', 'I.b', 'II.a', 'II.b', 'III.a', 'III.b', 'IV.a', 'IV.b'] as const;

/** PNS ranks in order (PP 99/2000), lowest first. */
export const pnsGolongan = [
  'I/a', 'I/b', 'I/c', 'I/d',
  'II/a', 'II/b', 'II/c', 'II/d',
  'III/a', 'III/b', 'III/c', 'III/d',
  'IV/a', 'IV/b', 'IV/c', 'IV/d', 'IV/e',
] as const;
/** PPPK grades I–XVII (PP 49/2018; marked "verify" in the fact sheet). */
export const pppkGolongan = [
  'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII',
] as const;

export type Gender = (typeof genders)[number];
export type EmploymentType = (typeof employmentTypes)[number];
export type EducationLevel = (typeof educationLevels)[number];
export type PositionType = (typeof positionTypes)[number];
export type PnsGolongan = (typeof pnsGolongan)[number];
export type JfJenjang = (typeof jfJenjang)[number];
export type Eselon = (typeof eselons)[number];

/** Which jenjang each position type may record; the keahlian types name exactly one. */
export const jenjangByPositionType: Readonly<Partial<Record<PositionType, readonly JfJenjang[]>>> = {
  JF_AHLI_PERTAMA: ['AHLI_PERTAMA'],
  JF_AHLI_MUDA: ['AHLI_MUDA'],
  JF_AHLI_MADYA: ['AHLI_MADYA'],
  JF_AHLI_UTAMA: ['AHLI_UTAMA'],
  JF_KETERAMPILAN: ['PEMULA', 'TERAMPIL', 'MAHIR', 'PENYELIA'],
};
/** Which eselon each structural position type may record (UU 20/2023 Ps 19: JPT utama/madya I, pratama II, administrator III, pengawas IV). */
export const eselonsByPositionType: Readonly<Partial<Record<PositionType, readonly Eselon[]>>> = {
  JPT_UTAMA: ['I.a', 'I.b'],
  JPT_MADYA: ['I.a', 'I.b'],
  JPT_PRATAMA: ['II.a', 'II.b'],
  ADMINISTRATOR: ['III.a', 'III.b'],
  PENGAWAS: ['IV.a', 'IV.b'],
};

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'tanggal harus berformat YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number);
    const date = new Date(Date.UTC(y!, m! - 1, d!));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
  }, 'tanggal tidak ada di kalender');

export const calendarDateSchema = isoDate;

export const nipSchema = z.string().regex(/^\d{18}$/, 'NIP harus 18 digit angka');

/** An employee record as the domain sees it: what import, the API and the career engine all share. */
export const employeeRecordSchema = z
  .object({
    nip: nipSchema,
    name: z.string().trim().min(1, 'nama wajib diisi').max(200),
    birthDate: isoDate,
    gender: z.enum(genders, { error: 'jenis kelamin harus L atau P' }),
    employmentType: z.enum(employmentTypes, { error: 'jenis pegawai harus PNS atau PPPK' }),
    golongan: z.string().min(1, 'golongan wajib diisi'),
    tmtGolongan: isoDate.nullable(),
    education: z.enum(educationLevels, { error: `pendidikan harus salah satu dari ${educationLevels.join(', ')}` }),
    positionName: z.string().trim().min(1, 'jabatan wajib diisi').max(300),
    positionType: z.enum(positionTypes, { error: `jenis jabatan harus salah satu dari ${positionTypes.join(', ')}` }),
    unit: z.string().trim().min(1, 'unit kerja wajib diisi').max(300),
    tmtCpns: isoDate.nullable(),
    lastKgbTmt: isoDate.nullable(),
    /** Cumulative AK counted toward the next KP or jenjang (since the last KP), as in SIASN's "AK kumulatif". */
    creditPoints: z.number().min(0, 'angka kredit tidak boleh negatif').nullable(),
    /** Jenjang of a JF; optional (older files and the API may omit it): null = derive from position type, name or golongan. */
    jenjang: z.enum(jfJenjang, { error: `jenjang harus salah satu dari ${jfJenjang.join(', ')}` }).nullish(),
    /** Eselon of a structural post; optional: null = the default per position type in the career rules. */
    eselon: z.enum(eselons, { error: `eselon harus salah satu dari ${eselons.join(', ')}` }).nullish(),
    phone: z.string().regex(/^\+?\d{8,15}$/, 'nomor telepon harus 8–15 digit').nullable(),
    email: z.email('alamat e-mail tidak valid').nullable(),
    active: z.boolean(),
  })
  .superRefine((e, ctx) => {
    const ranks: readonly string[] = e.employmentType === 'PNS' ? pnsGolongan : pppkGolongan;
    if (!ranks.includes(e.golongan)) {
      ctx.addIssue({
        code: 'custom',
        path: ['golongan'],
        message:
          e.employmentType === 'PNS'
            ? 'golongan PNS harus berbentuk I/a sampai IV/e'
            : 'golongan PPPK harus angka Romawi I sampai XVII',
      });
    }
    const allowedJenjang = jenjangByPositionType[e.positionType] ?? [];
    if (e.jenjang && !allowedJenjang.includes(e.jenjang)) {
      ctx.addIssue({
        code: 'custom',
        path: ['jenjang'],
        message:
          allowedJenjang.length === 0
            ? `jenjang hanya diisi untuk jabatan fungsional, bukan ${e.positionType}; kosongkan kolom ini`
            : `jenjang ${e.jenjang} tidak sesuai dengan jenis jabatan ${e.positionType} (seharusnya ${allowedJenjang.join(' atau ')})`,
      });
    }
    const allowedEselon = eselonsByPositionType[e.positionType] ?? [];
    if (e.eselon && !allowedEselon.includes(e.eselon)) {
      ctx.addIssue({
        code: 'custom',
        path: ['eselon'],
        message:
          allowedEselon.length === 0
            ? `eselon hanya diisi untuk JPT, administrator dan pengawas, bukan ${e.positionType}; kosongkan kolom ini`
            : `eselon ${e.eselon} tidak sesuai dengan jenis jabatan ${e.positionType} (seharusnya ${allowedEselon.join(' atau ')})`,
      });
    }
  });

export type EmployeeRecord = z.infer<typeof employeeRecordSchema>;
