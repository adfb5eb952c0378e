import type { CalendarDate } from '../dates/calendar-date.js';
import type { EducationLevel, PnsGolongan, PositionType } from '../records/employee.js';

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
  /** Cumulative angka kredit a functional position needs for a KP; a JF type missing here must be checked by hand. */
  kpCreditPoints: Readonly<Partial<Record<PositionType, number>>>;
  kpCreditPointsSource: string;

  bupByPosition: Readonly<Record<PositionType, number>>;
  bupSource: string;
  pensionTmtRule: PensionTmtRule;
  leapDayBirthday: LeapDayBirthday;
  /** Practice, not law: the proposal (DPCP and documents) starts this long before TMT pensiun. */
  pensionProposalLeadMonths: number;
  pensionMinServiceYears: number;
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
      source: 'PP 99/2000',
    },
    {
      from: '2024-01-01',
      months: [2, 4, 6, 8, 10, 12],
      description: 'enam kali setahun, tanggal 1 Februari, April, Juni, Agustus, Oktober dan Desember',
      source: 'Peraturan BKN 4/2023',
    },
    {
      from: '2025-10-01',
      months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      description: 'setiap tanggal 1 setiap bulan',
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
  kpCreditPoints: {
    JF_AHLI_PERTAMA: 50,
    JF_AHLI_MUDA: 100,
    JF_AHLI_MADYA: 150,
    JF_AHLI_UTAMA: 200,
  },
  kpCreditPointsSource: 'PermenPANRB 1/2023; Peraturan BKN 3/2023',

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
};
