import { addYears, formatIndonesian, isBefore, maxDate, type CalendarDate } from '../dates/calendar-date.js';
import type { EmployeeRecord } from '../records/employee.js';
import { checkEducationCap } from './education-cap.js';
import { isPnsGolongan, topPnsGolongan } from './golongan.js';
import { findKpPeriod } from './kp-periods.js';
import { defaultCareerRules, type CareerRules } from './rules.js';
import { formatNumber, isFunctionalPosition, positionTypeWords } from './wording.js';

export type PromotionBlock = 'education-cap' | 'credit-points' | 'top-rank' | 'not-applicable' | 'missing-data';

export interface PromotionDates {
  /**
   * A regular KP can be planned (nothing blocks it; blockedBy is null). Whether the years in rank are already
   * complete on asOf is `eligibleFrom <= asOf`.
   */
  eligible: boolean;
  /** The day the minimum years in the current rank are complete. */
  eligibleFrom: CalendarDate | null;
  /** The earliest KP period the employee can still be proposed for. */
  period: CalendarDate | null;
  submissionOpens: CalendarDate | null;
  submissionCloses: CalendarDate | null;
  blockedBy: PromotionBlock | null;
  reason: string;
}

export type PromotionRecord = Pick<
  EmployeeRecord,
  'employmentType' | 'golongan' | 'tmtGolongan' | 'education' | 'positionType' | 'creditPoints'
>;

/**
 * Regular KP (kenaikan pangkat reguler): minimum years in rank, capped by education, for JF also the credit
 * points, on the first period whose submission window has not closed. `tmtPension` (when known) rules out a
 * period that would only come after retirement.
 */
export function computePromotion(
  record: PromotionRecord,
  asOf: CalendarDate,
  rules: CareerRules = defaultCareerRules,
  tmtPension: CalendarDate | null = null,
): PromotionDates {
  if (record.employmentType === 'PPPK') {
    return blocked(
      'not-applicable',
      'karena kenaikan pangkat reguler PNS (PP 99/2000) tidak berlaku bagi PPPK; kenaikan jenjang PPPK mengikuti perjanjian kerja',
    );
  }
  const golongan = record.golongan;
  if (!isPnsGolongan(golongan)) {
    return blocked(
      'missing-data',
      `karena golongan "${golongan}" bukan golongan PNS (I/a sampai IV/e), sehingga kenaikan pangkat tidak dapat dihitung`,
    );
  }
  if (golongan === topPnsGolongan) {
    return blocked('top-rank', `karena golongan ${golongan} (Pembina Utama) adalah pangkat tertinggi PNS (${rules.kpSource})`);
  }

  const educationCap = checkEducationCap(golongan, record.education, rules);
  if (educationCap.standing !== 'below') {
    const verb = educationCap.standing === 'at' ? 'sudah mencapai' : 'sudah melebihi';
    const advice = educationCap.standing === 'above' ? '; periksa data pendidikan dan golongan' : '';
    return blocked(
      'education-cap',
      `karena golongan ${golongan} ${verb} batas pangkat tertinggi untuk pendidikan ${record.education}, yaitu ` +
        `${educationCap.cap} (${rules.educationCapSource})${advice}`,
    );
  }

  const eligibleFrom = record.tmtGolongan ? addYears(record.tmtGolongan, rules.kpMinYearsInRank) : null;
  const rankTime =
    record.tmtGolongan && eligibleFrom
      ? `masa ${rules.kpMinYearsInRank} tahun dalam pangkat ${golongan} (TMT ${formatIndonesian(record.tmtGolongan)}) ` +
        `tercapai ${formatIndonesian(eligibleFrom)}`
      : null;

  const creditPointsNeeded = rules.kpCreditPoints[record.positionType];
  const creditPoints = record.creditPoints;
  if (creditPointsNeeded !== undefined && creditPoints !== null && creditPoints < creditPointsNeeded) {
    return {
      ...blocked(
        'credit-points',
        `karena angka kredit ${formatNumber(creditPoints)} masih kurang ${formatNumber(creditPointsNeeded - creditPoints)} ` +
          `dari ${formatNumber(creditPointsNeeded)} AK yang dibutuhkan ${positionTypeWords[record.positionType]} ` +
          `untuk naik pangkat (${rules.kpCreditPointsSource})` +
          (rankTime ? `; ${rankTime}` : ''),
      ),
      eligibleFrom,
    };
  }

  if (!eligibleFrom || !rankTime) {
    return blocked(
      'missing-data',
      `karena TMT golongan belum tercatat, sehingga masa ${rules.kpMinYearsInRank} tahun dalam pangkat tidak dapat ` +
        'dihitung; lengkapi data TMT golongan',
    );
  }

  const choice = findKpPeriod(maxDate(eligibleFrom, asOf), asOf, rules);
  if (!choice) {
    return { ...blocked('not-applicable', `karena ${rankTime}, tetapi aturan tidak memuat periode KP sesudahnya`), eligibleFrom };
  }
  if (tmtPension !== null && !isBefore(choice.period, tmtPension)) {
    return {
      ...blocked(
        'not-applicable',
        `karena ${rankTime}, tetapi periode KP terdekat (${formatIndonesian(choice.period)}) jatuh pada atau setelah ` +
          `TMT pensiun ${formatIndonesian(tmtPension)}`,
      ),
      eligibleFrom,
    };
  }

  const notes = [
    `karena ${rankTime}`,
    `periode KP ${choice.regime.description} (${choice.regime.source}), sehingga KP reguler paling cepat TMT ` +
      `${formatIndonesian(choice.period)} dengan usul diajukan ${formatIndonesian(choice.submission.opens)} s.d. ` +
      `${formatIndonesian(choice.submission.closes)} (${rules.kpSubmissionWindow.source})`,
  ];
  if (choice.missed) {
    notes.push(
      `usul untuk periode ${formatIndonesian(choice.missed.period)} sudah ditutup ` +
        `${formatIndonesian(choice.missed.submission.closes)}`,
    );
  }
  notes.push('syarat: SKP minimal Baik dalam 2 tahun terakhir');
  const creditPointNote = creditPointsNoteForEligible(record, creditPointsNeeded);
  if (creditPointNote) notes.push(creditPointNote);

  return {
    eligible: true,
    eligibleFrom,
    period: choice.period,
    submissionOpens: choice.submission.opens,
    submissionCloses: choice.submission.closes,
    blockedBy: null,
    reason: notes.join('; '),
  };
}

function creditPointsNoteForEligible(record: PromotionRecord, needed: number | undefined): string | null {
  if (!isFunctionalPosition(record.positionType)) return null;
  if (needed === undefined) return 'periksa juga angka kredit yang dibutuhkan jenjang jabatan fungsional ini';
  if (record.creditPoints === null) {
    return `angka kredit belum tercatat, periksa apakah sudah mencapai ${formatNumber(needed)} AK`;
  }
  return `angka kredit ${formatNumber(record.creditPoints)} sudah memenuhi ${formatNumber(needed)} AK`;
}

function blocked(blockedBy: PromotionBlock, reason: string): PromotionDates {
  return {
    eligible: false,
    eligibleFrom: null,
    period: null,
    submissionOpens: null,
    submissionCloses: null,
    blockedBy,
    reason,
  };
}
