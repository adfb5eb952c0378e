import { addMonths, formatIndonesian, isBefore, type CalendarDate } from '../dates/calendar-date.js';
import type { EmployeeRecord } from '../records/employee.js';
import { defaultCareerRules, type CareerRules } from './rules.js';
import { describeMonths, describeMonthsEn, formatEnglish, type Bilingual } from './wording.js';

const said = (text: Bilingual) => ({ reason: text.id, reasonEn: text.en });

/** Which recorded date the next KGB was counted from. */
export type KgbBasis = 'last-kgb' | 'tmt-golongan' | 'tmt-cpns';

export interface KgbDates {
  /** TMT of the next KGB; when overdue, the missed TMT that HR still has to process. */
  nextDate: CalendarDate | null;
  /** When the pemberitahuan KGB is due. */
  noticeDate: CalendarDate | null;
  overdue: boolean;
  /**
   * Every KGB date that has passed without being recorded, oldest first (every interval since the last one
   * recorded, none on or after TMT pensiun); each is a KGB HR must process. Empty when not overdue.
   */
  missed: CalendarDate[];
  basis: KgbBasis | null;
  reason: string;
  /** The same reason in English, for staff who chose English. */
  reasonEn: string;
}

export type KgbRecord = Pick<EmployeeRecord, 'employmentType' | 'lastKgbTmt' | 'tmtGolongan' | 'tmtCpns'>;

/**
 * Next KGB = last KGB TMT + the interval. The date is deliberately not rolled forward past `asOf`: a missed KGB
 * is money owed to the employee, so it is reported as overdue instead of silently skipped.
 * `tmtPension` (when known) drops a KGB that would only fall after retirement.
 */
export function computeKgb(
  record: KgbRecord,
  asOf: CalendarDate,
  rules: CareerRules = defaultCareerRules,
  tmtPension: CalendarDate | null = null,
): KgbDates {
  if (record.employmentType === 'PPPK') {
    return {
      ...noKgb(),
      ...said({
        id: 'karena KGB menurut PP 7/1977 hanya dihitung untuk PNS; kenaikan gaji PPPK mengikuti perjanjian kerja',
        en: 'because the periodic salary step (KGB) of PP 7/1977 is for PNS only; PPPK pay follows the work agreement',
      }),
    };
  }

  const start = kgbStart(record);
  if (!start) {
    return {
      ...noKgb(),
      ...said({
        id: 'karena TMT KGB terakhir, TMT golongan dan TMT CPNS belum tercatat, sehingga KGB berikutnya tidak dapat dihitung',
        en: 'because the last KGB, rank and CPNS dates are not recorded, so the next KGB cannot be computed',
      }),
    };
  }

  const nextDate = addMonths(start.date, rules.kgbIntervalMonths);
  const noticeDate = addMonths(nextDate, -rules.kgbNoticeLeadMonths);
  const because: Bilingual = {
    id: `karena ${start.description.id} dan KGB berkala setiap ${describeMonths(rules.kgbIntervalMonths)} (${rules.kgbSource})`,
    en: `because ${start.description.en} and the KGB comes every ${describeMonthsEn(rules.kgbIntervalMonths)} (${rules.kgbSource})`,
  };

  // Checked before "overdue": a KGB that would fall on or after retirement is neither due nor overdue.
  if (tmtPension !== null && !isBefore(nextDate, tmtPension)) {
    return {
      ...noKgb(),
      basis: start.basis,
      ...said({
        id: `${because.id}; KGB berikutnya (${formatIndonesian(nextDate)}) jatuh pada atau setelah TMT pensiun ${formatIndonesian(tmtPension)}, sehingga tidak ada KGB lagi`,
        en: `${because.en}; the next KGB (${formatEnglish(nextDate)}) falls on or after retirement (TMT pensiun ${formatEnglish(tmtPension)}), so there is no further KGB`,
      }),
    };
  }

  const missed = missedKgbs(nextDate, asOf, rules, tmtPension);
  if (missed.length > 0) {
    const list: Bilingual =
      missed.length === 1
        ? { id: `KGB TMT ${formatIndonesian(nextDate)} sudah lewat dan belum tercatat`, en: `the KGB of ${formatEnglish(nextDate)} has passed and is not recorded` }
        : {
            id: `${missed.length} KGB sudah lewat dan belum tercatat (TMT ${missed.map(formatIndonesian).join(', ')})`,
            en: `${missed.length} KGBs have passed and are not recorded (${missed.map(formatEnglish).join(', ')})`,
          };
    return {
      nextDate,
      noticeDate,
      overdue: true,
      missed,
      basis: start.basis,
      ...said({
        id: `${because.id}; ${list.id}, sehingga perlu segera diproses`,
        en: `${because.en}; ${list.en}, so HR must process ${missed.length === 1 ? 'it' : 'each'} without delay`,
      }),
    };
  }
  return {
    nextDate,
    noticeDate,
    overdue: false,
    missed: [],
    basis: start.basis,
    ...said({
      id: `${because.id}; surat pemberitahuan KGB disiapkan sekitar ${formatIndonesian(noticeDate)}`,
      en: `${because.en}; the KGB notice is prepared around ${formatEnglish(noticeDate)}`,
    }),
  };
}

function noKgb(): KgbDates {
  return { nextDate: null, noticeDate: null, overdue: false, missed: [], basis: null, reason: '', reasonEn: '' };
}

/** The run of KGB dates from `first`, every interval, that are before `asOf` (and before TMT pensiun). */
function missedKgbs(first: CalendarDate, asOf: CalendarDate, rules: CareerRules, tmtPension: CalendarDate | null): CalendarDate[] {
  const missed: CalendarDate[] = [];
  // Counted from the first each time, so a 29th–31st never drifts through a short month.
  for (let step = 0, date = first; isBefore(date, asOf); step += 1, date = addMonths(first, step * rules.kgbIntervalMonths)) {
    if (tmtPension !== null && !isBefore(date, tmtPension)) break;
    missed.push(date);
  }
  return missed;
}

/** The last SK that set the salary step; older SKs only stand in when newer ones were never recorded. */
function kgbStart(record: KgbRecord): { date: CalendarDate; basis: KgbBasis; description: Bilingual } | null {
  if (record.lastKgbTmt) {
    return {
      date: record.lastKgbTmt,
      basis: 'last-kgb',
      description: {
        id: `KGB terakhir TMT ${formatIndonesian(record.lastKgbTmt)}`,
        en: `the last KGB took effect on ${formatEnglish(record.lastKgbTmt)}`,
      },
    };
  }
  if (record.tmtGolongan) {
    return {
      date: record.tmtGolongan,
      basis: 'tmt-golongan',
      description: {
        id: `KGB terakhir belum tercatat sehingga dihitung dari TMT golongan ${formatIndonesian(record.tmtGolongan)}`,
        en: `the last KGB is not recorded, so it is counted from the rank date ${formatEnglish(record.tmtGolongan)}`,
      },
    };
  }
  if (record.tmtCpns) {
    return {
      date: record.tmtCpns,
      basis: 'tmt-cpns',
      description: {
        id: `KGB terakhir dan TMT golongan belum tercatat sehingga dihitung dari TMT CPNS ${formatIndonesian(record.tmtCpns)}`,
        en: `the last KGB and the rank date are not recorded, so it is counted from TMT CPNS ${formatEnglish(record.tmtCpns)}`,
      },
    };
  }
  return null;
}
