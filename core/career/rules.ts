import type { CalendarDate } from '../dates/calendar-date.js';
import type { EducationLevel, Eselon, JfJenjang, PnsGolongan, PositionType } from '../records/employee.js';

/**
 * Policy numbers of the career engine. Everything the fact sheet marks "verify", and every number a regulation
 * could change, lives here rather than in the code, so HR can correct a rule without a code change.
 */

/** A set of KP period months in force from a date until the next regime starts. */
export interface KpPeriodRegime {
  /** First period date governed by this regime. */
  from: CalendarDate;
  /** Months (1–12) whose 1st is a KP period. */
  months: readonly number[];
  /** How a reason describes the periods, e.g. "setiap tanggal 1 setiap bulan". */
  description: string;
  /** The same in English, e.g. "the 1st of every month". */
  descriptionEn?: string;
  source: string;
}

/** Submission window for the period on the 1st of month M, counted in months before M. */
export interface KpSubmissionWindow {
  opensMonthsBefore: number;
  opensOnDay: number;
  closesMonthsBefore: number;
  closesOnDay: number;
  source: string;
}

/**
 * 'first-of-next-month': TMT pensiun is the 1st of the month after the month the BUP age is reached.
 * 'first-of-month-when-born-on-first': the same, except someone born on the 1st retires on the 1st of the
 * birthday month itself (the reading some offices use; the fact sheet marks this edge as unverified).
 */
export type PensionTmtRule = 'first-of-next-month' | 'first-of-month-when-born-on-first';

/** On which day someone born on 29 February reaches an age in a non-leap year. */
export type LeapDayBirthday = 'feb-28' | 'mar-1';

/** A jenjang of a jabatan fungsional: its rank range, the AK per KP inside it, and the way up (PermenPANRB 1/2023). */
export interface JenjangRule {
  track: 'keahlian' | 'keterampilan';
  /** How reasons name it, e.g. "Ahli Muda". */
  label: string;
  lowest: PnsGolongan;
  highest: PnsGolongan;
  /** Cumulative AK needed for a KP inside the range. */
  kpCreditPoints: number;
  /** The next jenjang up (null: top of the track), and the AK needed to move up to it. */
  next: JfJenjang | null;
  creditPointsToNext: number | null;
}

/** Rank range of a structural eselon (PP 100/2000 jo PP 13/2002). */
export interface EselonRule {
  lowest: PnsGolongan;
  highest: PnsGolongan;
}

/** How the end of a PPPK agreement at the BUP age is dated. */
export type PppkAgreementEnd = 'same-as-pension-tmt' | 'bup-day';

export interface CareerRules {
  kgbIntervalMonths: number;
  /** The pemberitahuan KGB goes out this long before the KGB takes effect. */
  kgbNoticeLeadMonths: number;
  kgbSource: string;

  kpMinYearsInRank: number;
  kpSource: string;
  /** Highest regular rank reachable with each education level. */
  educationCaps: Readonly<Record<EducationLevel, PnsGolongan>>;
  educationCapSource: string;
  kpPeriodRegimes: readonly KpPeriodRegime[];
  kpSubmissionWindow: KpSubmissionWindow;
  kpCreditPointsSource: string;
  /** Jenjang of each JF: rank range, AK per KP and the AK to move up (PermenPANRB 1/2023; Peraturan BKN 3/2023). */
  jenjang: Readonly<Record<JfJenjang, JenjangRule>>;
  jenjangSource: string;
  /** Keterampilan AK figures are marked "verify" in the fact sheet. */
  jenjangKeterampilanSource: string;
  /** Years in the current rank a JF needs before a KP pilihan, on top of the AK. */
  kpFunctionalMinYearsInRank: number;
  /** Rank range of each eselon, for the KP pilihan of structural posts. */
  eselonRanges: Readonly<Record<Eselon, EselonRule>>;
  eselonSource: string;
  /** The eselon assumed for a structural post whose record has none (each reason says it was assumed). */
  defaultEselon: Readonly<Partial<Record<PositionType, Eselon>>>;

  bupByPosition: Readonly<Record<PositionType, number>>;
  bupSource: string;
  pensionTmtRule: PensionTmtRule;
  leapDayBirthday: LeapDayBirthday;
  /** Practice, not law: the proposal (DPCP and documents) starts this long before TMT pensiun. */
  pensionProposalLeadMonths: number;
  pensionMinServiceYears: number;
  /** Months before TMT below which a proposal not yet finished is "mendesak" and then "sangat mendesak". */
  pensionUrgentMonths: number;
  pensionCriticalMonths: number;
  pppkAgreementEnd: PppkAgreementEnd;
  pppkAgreementSource: string;
}

export const defaultCareerRules: CareerRules = {
  kgbIntervalMonths: 24,
  kgbNoticeLeadMonths: 2,
  kgbSource: 'PP 7/1977 Ps 11–13',

  kpMinYearsInRank: 4,
  kpSource: 'PP 99/2000',
  educationCaps: {
    SD: 'II/a',
    SLTP: 'II/c',
    SLTA: 'III/b',
    'D-I': 'III/b',
    'D-II': 'III/b',
    'D-III': 'III/c',
    'D-IV': 'III/d',
    S1: 'III/d',
    S2: 'IV/a',
    S3: 'IV/b',
  },
  educationCapSource: 'PP 99/2000 jo PP 12/2002',
  kpPeriodRegimes: [
    {
      // Stands for everything before 2024; period dates that old are never computed in practice.
      from: '1900-01-01',
      months: [4, 10],
      description: 'setiap 1 April dan 1 Oktober',
      descriptionEn: '1 April and 1 October',
      source: 'PP 99/2000',
    },
    {
      from: '2024-01-01',
      months: [2, 4, 6, 8, 10, 12],
      description: 'enam kali setahun, tanggal 1 Februari, April, Juni, Agustus, Oktober dan Desember',
      descriptionEn: 'six a year, on the 1st of February, April, June, August, October and December',
      source: 'Peraturan BKN 4/2023',
    },
    {
      from: '2025-10-01',
      months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      description: 'setiap tanggal 1 setiap bulan',
      descriptionEn: 'the 1st of every month',
      source: 'Peraturan BKN 4/2025',
    },
  ],
  kpSubmissionWindow: {
    opensMonthsBefore: 2,
    opensOnDay: 16,
    closesMonthsBefore: 1,
    closesOnDay: 15,
    source: 'Surat BKN 13749/B-MP.01.01/SD/D/2025',
  },
  kpCreditPointsSource: 'PermenPANRB 1/2023; Peraturan BKN 3/2023',
  jenjang: {
    AHLI_PERTAMA: { track: 'keahlian', label: 'Ahli Pertama', lowest: 'III/a', highest: 'III/b', kpCreditPoints: 50, next: 'AHLI_MUDA', creditPointsToNext: 100 },
    AHLI_MUDA: { track: 'keahlian', label: 'Ahli Muda', lowest: 'III/c', highest: 'III/d', kpCreditPoints: 100, next: 'AHLI_MADYA', creditPointsToNext: 200 },
    AHLI_MADYA: { track: 'keahlian', label: 'Ahli Madya', lowest: 'IV/a', highest: 'IV/c', kpCreditPoints: 150, next: 'AHLI_UTAMA', creditPointsToNext: 450 },
    AHLI_UTAMA: { track: 'keahlian', label: 'Ahli Utama', lowest: 'IV/d', highest: 'IV/e', kpCreditPoints: 200, next: null, creditPointsToNext: null },
    PEMULA: { track: 'keterampilan', label: 'Pemula', lowest: 'II/a', highest: 'II/a', kpCreditPoints: 15, next: 'TERAMPIL', creditPointsToNext: 15 },
    TERAMPIL: { track: 'keterampilan', label: 'Terampil', lowest: 'II/b', highest: 'II/d', kpCreditPoints: 20, next: 'MAHIR', creditPointsToNext: 60 },
    MAHIR: { track: 'keterampilan', label: 'Mahir', lowest: 'III/a', highest: 'III/b', kpCreditPoints: 50, next: 'PENYELIA', creditPointsToNext: 100 },
    PENYELIA: { track: 'keterampilan', label: 'Penyelia', lowest: 'III/c', highest: 'III/d', kpCreditPoints: 100, next: null, creditPointsToNext: null },
  },
  jenjangSource: 'PermenPANRB 1/2023; Peraturan BKN 3/2023',
  jenjangKeterampilanSource: 'PermenPANRB 1/2023; Peraturan BKN 3/2023 (angka keterampilan perlu diverifikasi)',
  // PP 99/2000 Ps 9 is also read as 2 years; the AK conversion rarely reaches the AK sooner (verify).
  kpFunctionalMinYearsInRank: 4,
  eselonRanges: {
    'I.a': { lowest: 'IV/d', highest: 'IV/e' },
    'I.b': { lowest: 'IV/c', highest: 'IV/e' },
    'II.a': { lowest: 'IV/c', highest: 'IV/d' },
    'II.b': { lowest: 'IV/b', highest: 'IV/c' },
    'III.a': { lowest: 'IV/a', highest: 'IV/b' },
    'III.b': { lowest: 'III/d', highest: 'IV/a' },
    'IV.a': { lowest: 'III/c', highest: 'III/d' },
    'IV.b': { lowest: 'III/b', highest: 'III/c' },
  },
  eselonSource: 'PP 100/2000 jo PP 13/2002',
  // The ".a" sub-level has the highest top in each group, so an assumed eselon never refuses a KP the post allows.
  defaultEselon: { JPT_UTAMA: 'I.a', JPT_MADYA: 'I.b', JPT_PRATAMA: 'II.a', ADMINISTRATOR: 'III.a', PENGAWAS: 'IV.a' },

  bupByPosition: {
    JPT_UTAMA: 60,
    JPT_MADYA: 60,
    JPT_PRATAMA: 60,
    ADMINISTRATOR: 58,
    PENGAWAS: 58,
    PELAKSANA: 58,
    JF_AHLI_PERTAMA: 58,
    JF_AHLI_MUDA: 58,
    JF_KETERAMPILAN: 58,
    JF_AHLI_MADYA: 60,
    JF_AHLI_UTAMA: 65,
  },
  bupSource: 'UU 20/2023 Ps 55; PP 11/2017',
  pensionTmtRule: 'first-of-next-month',
  leapDayBirthday: 'feb-28',
  pensionProposalLeadMonths: 12,
  pensionMinServiceYears: 10,
  pensionUrgentMonths: 6,
  pensionCriticalMonths: 1,
  pppkAgreementEnd: 'same-as-pension-tmt',
  pppkAgreementSource: 'PP 49/2018 Ps 52',
};
