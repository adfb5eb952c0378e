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
import {
  describeMonths,
  describeMonthsEn,
  formatEnglish as en,
  joinBilingual,
  positionTypeWords,
  positionTypeWordsEn,
  type Bilingual,
} from './wording.js';

const id = formatIndonesian;

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
  /** The same reason in English, for staff who chose English. */
  reasonEn: string;
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
  const born = leapDayNote(record.birthDate, bupReachedOn);

  if (!pns) {
    const parts: Bilingual[] = [
      {
        id:
          `karena lahir ${id(record.birthDate)} dan batas usia ${positionTypeWords[record.positionType]} ${bupAge} tahun ` +
          `(${rules.bupSource}), usia ${bupAge} tahun tercapai ${id(bupReachedOn)}${born.id}, sehingga perjanjian kerja ` +
          `PPPK berakhir ${id(tmtPension)} (${rules.pppkAgreementSource})`,
        en:
          `because you were born on ${en(record.birthDate)} and the age limit for ${positionTypeWordsEn[record.positionType]} ` +
          `is ${bupAge} (${rules.bupSource}), reached on ${en(bupReachedOn)}${born.en}, so the PPPK work agreement ends on ` +
          `${en(tmtPension)} (${rules.pppkAgreementSource})`,
      },
      { id: 'PPPK tidak mengajukan usul pensiun', en: 'PPPK have no pension proposal' },
    ];
    if (alreadyPast) parts.push({ id: 'perjanjian kerja sudah berakhir', en: 'the agreement has ended' });
    const reason = joinBilingual(parts);
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
      reason: reason.id,
      reasonEn: reason.en,
    };
  }

  const proposalStartsOn = addMonths(tmtPension, -rules.pensionProposalLeadMonths);
  const serviceYearsAtTmt = record.tmtCpns ? yearsBetween(record.tmtCpns, tmtPension) : null;
  const urgency = pensionUrgency(asOf, tmtPension, proposalStartsOn, rules);
  const sameDay = tmtPension === bupReachedOn;

  const parts: Bilingual[] = [
    {
      id:
        `karena lahir ${id(record.birthDate)} dan BUP ${positionTypeWords[record.positionType]} ${bupAge} tahun ` +
        `(${rules.bupSource}), usia ${bupAge} tahun tercapai ${id(bupReachedOn)}${born.id}` +
        (sameDay
          ? `, dan bagi yang lahir tanggal 1, TMT pensiun adalah tanggal 1 bulan itu juga, yaitu ${id(tmtPension)}`
          : `, sehingga TMT pensiun adalah tanggal 1 bulan berikutnya, yaitu ${id(tmtPension)}`),
      en:
        `because you were born on ${en(record.birthDate)} and the retirement age (BUP) for ${positionTypeWordsEn[record.positionType]} ` +
        `is ${bupAge} (${rules.bupSource}), reached on ${en(bupReachedOn)}${born.en}` +
        (sameDay
          ? `, and for someone born on the 1st retirement takes effect on the 1st of that month, ${en(tmtPension)}`
          : `, so retirement (TMT pensiun) takes effect on the 1st of the next month, ${en(tmtPension)}`),
    },
    {
      id: `usul pensiun mulai disiapkan ${id(proposalStartsOn)} (${describeMonths(rules.pensionProposalLeadMonths)} sebelum TMT)`,
      en: `the pension proposal starts on ${en(proposalStartsOn)} (${describeMonthsEn(rules.pensionProposalLeadMonths)} before)`,
    },
  ];
  if (alreadyPast) parts.push({ id: 'TMT pensiun sudah lewat', en: 'the retirement date has passed' });
  else if (urgency !== 'none') parts.push(describeUrgency(urgency, asOf, tmtPension, proposalStartsOn));
  if (serviceYearsAtTmt !== null && serviceYearsAtTmt < rules.pensionMinServiceYears) {
    parts.push({
      id: `masa kerja pada TMT pensiun hanya ${serviceYearsAtTmt} tahun, kurang dari syarat ${rules.pensionMinServiceYears} tahun untuk hak pensiun`,
      en: `service at retirement is only ${serviceYearsAtTmt} years, short of the ${rules.pensionMinServiceYears} years a pension needs`,
    });
  }
  const reason = joinBilingual(parts);

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
    reason: reason.id,
    reasonEn: reason.en,
  };
}

function leapDayNote(birthDate: CalendarDate, bupReachedOn: CalendarDate): Bilingual {
  const birth = parseCalendarDate(birthDate);
  const reached = parseCalendarDate(bupReachedOn);
  if (birth.month !== 2 || birth.day !== 29 || reached.day === 29) return { id: '', en: '' };
  const feb = reached.month === 2;
  return {
    id: ` (lahir 29 Februari: pada tahun bukan kabisat usia dianggap tercapai ${feb ? '28 Februari' : '1 Maret'})`,
    en: ` (born on 29 February: in a non-leap year the age counts as reached on ${feb ? '28 February' : '1 March'})`,
  };
}

function pensionUrgency(asOf: CalendarDate, tmt: CalendarDate, proposalStartsOn: CalendarDate, rules: CareerRules): PensionUrgency {
  if (!isBefore(asOf, tmt) || isBefore(asOf, proposalStartsOn)) return 'none';
  if (!isBefore(asOf, addMonths(tmt, -rules.pensionCriticalMonths))) return 'critical';
  if (!isBefore(asOf, addMonths(tmt, -rules.pensionUrgentMonths))) return 'urgent';
  return 'due';
}

/** "bila usul pensiun belum diajukan, usul sudah terlambat 5 bulan dan TMT pensiun tinggal 8 hari — SANGAT MENDESAK". */
function describeUrgency(urgency: PensionUrgency, asOf: CalendarDate, tmt: CalendarDate, proposalStartsOn: CalendarDate): Bilingual {
  const days = daysBetween(asOf, tmt);
  const months = monthsBetween(asOf, tmt);
  const lateDays = daysBetween(proposalStartsOn, asOf);
  const lateMonths = monthsBetween(proposalStartsOn, asOf);
  const left = days <= 62 ? { id: `${days} hari`, en: `${days} days` } : { id: `${months} bulan`, en: `${months} months` };
  const late =
    lateDays === 0
      ? { id: 'harus dimulai hari ini', en: 'must start today' }
      : lateDays < 31
        ? { id: `sudah terlambat ${lateDays} hari`, en: `is ${lateDays} days late` }
        : { id: `sudah terlambat ${lateMonths} bulan`, en: `is ${lateMonths} months late` };
  const level =
    urgency === 'critical' ? { id: ' — SANGAT MENDESAK', en: ' — VERY URGENT' }
      : urgency === 'urgent' ? { id: ' — mendesak', en: ' — urgent' }
        : { id: '', en: '' };
  return {
    id: `bila usul pensiun belum diajukan, usul ${late.id} dan TMT pensiun tinggal ${left.id}${level.id}`,
    en: `if the pension proposal has not been filed, it ${late.en} and retirement is ${left.en} away${level.en}`,
  };
}
