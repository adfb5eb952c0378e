import {
  addMonths,
  addYears,
  daysBetween,
  firstOfNextMonth,
  formatCalendarDate,
  formatIndonesian,
  isBefore,
  isLeapYear,
  monthsBetween,
  parseCalendarDate,
  yearsBetween,
  type CalendarDate,
} from '../dates/calendar-date.js';
import type { EmployeeRecord } from '../records/employee.js';
import { defaultCareerRules, type CareerRules, type LeapDayBirthday, type PensionTmtRule } from './rules.js';
import { describeMonths, positionTypeWords } from './wording.js';

/**
 * How late the pension proposal is on asOf: 'none' before the proposal should start (or after TMT), 'due' once it
 * should have started, 'urgent' and 'critical' as TMT nears (months in the rules). We do not know whether HR has
 * started it, so every message says "bila belum".
 */
export type PensionUrgency = 'none' | 'due' | 'urgent' | 'critical';

export interface PensionDates {
  /** 'pensiun' for PNS; PPPK have no pension: their agreement ends at the BUP age ('akhir-perjanjian'). */
  kind: 'pensiun' | 'akhir-perjanjian';
  /** Batas usia pensiun for the current position type. */
  bupAge: number;
  bupReachedOn: CalendarDate;
  /** TMT pensiun (PNS) or the day the work agreement ends (PPPK). */
  tmtPension: CalendarDate;
  /** When to start the pension proposal; null for PPPK, who have none. */
  proposalStartsOn: CalendarDate | null;
  urgency: PensionUrgency;
  /** Days from asOf to tmtPension (negative once past). */
  daysToTmt: number;
  /** asOf is on or after TMT pensiun. */
  alreadyPast: boolean;
  /** Whole years from TMT CPNS to TMT pensiun; null for PPPK or when TMT CPNS is missing. */
  serviceYearsAtTmt: number | null;
  reason: string;
}

export type PensionRecord = Pick<EmployeeRecord, 'employmentType' | 'birthDate' | 'positionType' | 'tmtCpns'>;

/** The day someone turns `age`; only 29 February birthdays need a rule, and that rule is configurable. */
export function dateAgeIsReached(birthDate: CalendarDate, age: number, leapDayBirthday: LeapDayBirthday): CalendarDate {
  const birth = parseCalendarDate(birthDate);
  const year = birth.year + age;
  if (birth.month === 2 && birth.day === 29 && !isLeapYear(year) && leapDayBirthday === 'mar-1') {
    return formatCalendarDate({ year, month: 3, day: 1 });
  }
  // addYears clamps 29 February to 28 February in non-leap years, which is the 'feb-28' reading.
  return addYears(birthDate, age);
}

export function pensionTmtFor(birthDate: CalendarDate, bupReachedOn: CalendarDate, rule: PensionTmtRule): CalendarDate {
  if (rule === 'first-of-month-when-born-on-first' && parseCalendarDate(birthDate).day === 1) return bupReachedOn;
  return firstOfNextMonth(bupReachedOn);
}

export function computePension(
  record: PensionRecord,
  asOf: CalendarDate,
  rules: CareerRules = defaultCareerRules,
): PensionDates {
  const bupAge = rules.bupByPosition[record.positionType];
  const bupReachedOn = dateAgeIsReached(record.birthDate, bupAge, rules.leapDayBirthday);
  const pns = record.employmentType === 'PNS';
  const pensionTmt = pensionTmtFor(record.birthDate, bupReachedOn, rules.pensionTmtRule);
  const tmtPension = pns || rules.pppkAgreementEnd === 'same-as-pension-tmt' ? pensionTmt : bupReachedOn;
  const alreadyPast = !isBefore(asOf, tmtPension);
  const daysToTmt = daysBetween(asOf, tmtPension);

  if (!pns) {
    const parts = [
      `karena lahir ${formatIndonesian(record.birthDate)} dan batas usia ${positionTypeWords[record.positionType]} ` +
        `${bupAge} tahun (${rules.bupSource}), usia ${bupAge} tahun tercapai ${formatIndonesian(bupReachedOn)}` +
        leapDayNote(record.birthDate, bupReachedOn) +
        `, sehingga perjanjian kerja PPPK berakhir ${formatIndonesian(tmtPension)} (${rules.pppkAgreementSource})`,
      'PPPK tidak mengajukan usul pensiun',
    ];
    if (alreadyPast) parts.push('perjanjian kerja sudah berakhir');
    return {
      kind: 'akhir-perjanjian',
      bupAge,
      bupReachedOn,
      tmtPension,
      proposalStartsOn: null,
      urgency: 'none',
      daysToTmt,
      alreadyPast,
      serviceYearsAtTmt: null,
      reason: parts.join('; '),
    };
  }

  const proposalStartsOn = addMonths(tmtPension, -rules.pensionProposalLeadMonths);
  const serviceYearsAtTmt = record.tmtCpns ? yearsBetween(record.tmtCpns, tmtPension) : null;
  const urgency = pensionUrgency(asOf, tmtPension, proposalStartsOn, rules);

  const parts = [
    `karena lahir ${formatIndonesian(record.birthDate)} dan BUP ${positionTypeWords[record.positionType]} ` +
      `${bupAge} tahun (${rules.bupSource}), usia ${bupAge} tahun tercapai ${formatIndonesian(bupReachedOn)}` +
      leapDayNote(record.birthDate, bupReachedOn) +
      tmtRuleNote(tmtPension, bupReachedOn),
    `usul pensiun mulai disiapkan ${formatIndonesian(proposalStartsOn)} ` +
      `(${describeMonths(rules.pensionProposalLeadMonths)} sebelum TMT)`,
  ];
  if (alreadyPast) parts.push('TMT pensiun sudah lewat');
  else if (urgency !== 'none') parts.push(describeUrgency(urgency, asOf, tmtPension, proposalStartsOn));
  if (serviceYearsAtTmt !== null && serviceYearsAtTmt < rules.pensionMinServiceYears) {
    parts.push(
      `masa kerja pada TMT pensiun hanya ${serviceYearsAtTmt} tahun, kurang dari syarat ` +
        `${rules.pensionMinServiceYears} tahun untuk hak pensiun`,
    );
  }

  return {
    kind: 'pensiun',
    bupAge,
    bupReachedOn,
    tmtPension,
    proposalStartsOn,
    urgency,
    daysToTmt,
    alreadyPast,
    serviceYearsAtTmt,
    reason: parts.join('; '),
  };
}

function leapDayNote(birthDate: CalendarDate, bupReachedOn: CalendarDate): string {
  const birth = parseCalendarDate(birthDate);
  const reached = parseCalendarDate(bupReachedOn);
  if (birth.month !== 2 || birth.day !== 29 || reached.day === 29) return '';
  const day = reached.month === 2 ? '28 Februari' : '1 Maret';
  return ` (lahir 29 Februari: pada tahun bukan kabisat usia dianggap tercapai ${day})`;
}

function tmtRuleNote(tmtPension: CalendarDate, bupReachedOn: CalendarDate): string {
  if (tmtPension === bupReachedOn) {
    return `, dan bagi yang lahir tanggal 1, TMT pensiun adalah tanggal 1 bulan itu juga, yaitu ${formatIndonesian(tmtPension)}`;
  }
  return `, sehingga TMT pensiun adalah tanggal 1 bulan berikutnya, yaitu ${formatIndonesian(tmtPension)}`;
}

function pensionUrgency(asOf: CalendarDate, tmt: CalendarDate, proposalStartsOn: CalendarDate, rules: CareerRules): PensionUrgency {
  if (!isBefore(asOf, tmt) || isBefore(asOf, proposalStartsOn)) return 'none';
  if (!isBefore(asOf, addMonths(tmt, -rules.pensionCriticalMonths))) return 'critical';
  if (!isBefore(asOf, addMonths(tmt, -rules.pensionUrgentMonths))) return 'urgent';
  return 'due';
}

/** "bila usul pensiun belum diajukan, sudah terlambat 5 bulan; TMT tinggal 8 hari — sangat mendesak". */
function describeUrgency(urgency: PensionUrgency, asOf: CalendarDate, tmt: CalendarDate, proposalStartsOn: CalendarDate): string {
  const days = daysBetween(asOf, tmt);
  const left = days <= 62 ? `${days} hari` : `${monthsBetween(asOf, tmt)} bulan`;
  const lateDays = daysBetween(proposalStartsOn, asOf);
  const late = lateDays === 0 ? 'harus dimulai hari ini' : lateDays < 31 ? `sudah terlambat ${lateDays} hari` : `sudah terlambat ${monthsBetween(proposalStartsOn, asOf)} bulan`;
  const level = urgency === 'critical' ? ' — SANGAT MENDESAK' : urgency === 'urgent' ? ' — mendesak' : '';
  return `bila usul pensiun belum diajukan, usul ${late} dan TMT pensiun tinggal ${left}${level}`;
}
