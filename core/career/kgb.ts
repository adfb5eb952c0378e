import { addMonths, formatIndonesian, isBefore, type CalendarDate } from '../dates/calendar-date.js';
import type { EmployeeRecord } from '../records/employee.js';
import { defaultCareerRules, type CareerRules } from './rules.js';
import { describeMonths } from './wording.js';

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
      reason: 'karena KGB menurut PP 7/1977 hanya dihitung untuk PNS; kenaikan gaji PPPK mengikuti perjanjian kerja',
    };
  }

  const start = kgbStart(record);
  if (!start) {
    return {
      ...noKgb(),
      reason:
        'karena TMT KGB terakhir, TMT golongan dan TMT CPNS belum tercatat, sehingga KGB berikutnya tidak dapat dihitung',
    };
  }

  const nextDate = addMonths(start.date, rules.kgbIntervalMonths);
  const noticeDate = addMonths(nextDate, -rules.kgbNoticeLeadMonths);
  const because = `karena ${start.description} dan KGB berkala setiap ${describeMonths(rules.kgbIntervalMonths)} (${rules.kgbSource})`;

  // Checked before "overdue": a KGB that would fall on or after retirement is neither due nor overdue.
  if (tmtPension !== null && !isBefore(nextDate, tmtPension)) {
    return {
      ...noKgb(),
      basis: start.basis,
      reason: `${because}; KGB berikutnya (${formatIndonesian(nextDate)}) jatuh pada atau setelah TMT pensiun ${formatIndonesian(tmtPension)}, sehingga tidak ada KGB lagi`,
    };
  }

  const missed = missedKgbs(nextDate, asOf, rules, tmtPension);
  if (missed.length > 0) {
    const list =
      missed.length === 1
        ? `KGB TMT ${formatIndonesian(nextDate)} sudah lewat dan belum tercatat`
        : `${missed.length} KGB sudah lewat dan belum tercatat (TMT ${missed.map(formatIndonesian).join(', ')})`;
    return {
      nextDate,
      noticeDate,
      overdue: true,
      missed,
      basis: start.basis,
      reason: `${because}; ${list}, sehingga perlu segera diproses`,
    };
  }
  return {
    nextDate,
    noticeDate,
    overdue: false,
    missed: [],
    basis: start.basis,
    reason: `${because}; surat pemberitahuan KGB disiapkan sekitar ${formatIndonesian(noticeDate)}`,
  };
}

function noKgb(): KgbDates {
  return { nextDate: null, noticeDate: null, overdue: false, missed: [], basis: null, reason: '' };
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
function kgbStart(record: KgbRecord): { date: CalendarDate; basis: KgbBasis; description: string } | null {
  if (record.lastKgbTmt) {
    return {
      date: record.lastKgbTmt,
      basis: 'last-kgb',
      description: `KGB terakhir TMT ${formatIndonesian(record.lastKgbTmt)}`,
    };
  }
  if (record.tmtGolongan) {
    return {
      date: record.tmtGolongan,
      basis: 'tmt-golongan',
      description: `KGB terakhir belum tercatat sehingga dihitung dari TMT golongan ${formatIndonesian(record.tmtGolongan)}`,
    };
  }
  if (record.tmtCpns) {
    return {
      date: record.tmtCpns,
      basis: 'tmt-cpns',
      description: `KGB terakhir dan TMT golongan belum tercatat sehingga dihitung dari TMT CPNS ${formatIndonesian(record.tmtCpns)}`,
    };
  }
  return null;
}
