import {
  addMonths,
  addYears,
  firstOfNextMonth,
  formatCalendarDate,
  formatIndonesian,
  isBefore,
  isLeapYear,
  parseCalendarDate,
  yearsBetween,
  type CalendarDate,
} from '../dates/calendar-date.js';
import type { EmployeeRecord } from '../records/employee.js';
import { defaultCareerRules, type CareerRules, type LeapDayBirthday, type PensionTmtRule } from './rules.js';
import { describeMonths, positionTypeWords } from './wording.js';

export interface PensionDates {
  /** Batas usia pensiun for the current position type. */
  bupAge: number;
  bupReachedOn: CalendarDate;
  tmtPension: CalendarDate;
  proposalStartsOn: CalendarDate;
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
  const tmtPension = pensionTmtFor(record.birthDate, bupReachedOn, rules.pensionTmtRule);
  const proposalStartsOn = addMonths(tmtPension, -rules.pensionProposalLeadMonths);
  const alreadyPast = !isBefore(asOf, tmtPension);
  const serviceYearsAtTmt =
    record.employmentType === 'PNS' && record.tmtCpns ? yearsBetween(record.tmtCpns, tmtPension) : null;

  const parts = [
    `karena lahir ${formatIndonesian(record.birthDate)} dan BUP ${positionTypeWords[record.positionType]} ` +
      `${bupAge} tahun (${rules.bupSource}), usia ${bupAge} tahun tercapai ${formatIndonesian(bupReachedOn)}` +
      leapDayNote(record.birthDate, bupReachedOn) +
      tmtRuleNote(tmtPension, bupReachedOn),
    `usul pensiun mulai disiapkan ${formatIndonesian(proposalStartsOn)} ` +
      `(${describeMonths(rules.pensionProposalLeadMonths)} sebelum TMT)`,
  ];
  if (alreadyPast) parts.push('TMT pensiun sudah lewat');
  if (serviceYearsAtTmt !== null && serviceYearsAtTmt < rules.pensionMinServiceYears) {
    parts.push(
      `masa kerja pada TMT pensiun hanya ${serviceYearsAtTmt} tahun, kurang dari syarat ` +
        `${rules.pensionMinServiceYears} tahun untuk hak pensiun`,
    );
  }

  return {
    bupAge,
    bupReachedOn,
    tmtPension,
    proposalStartsOn,
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
