import type { Config } from '../config/config-schema.js';
import { defaultCareerRules, type CareerRules, type LeapDayBirthday, type PppkAgreementEnd } from './rules.js';

/**
 * The career rules the fact sheet marks "verify", as deployment settings (CAREER_* in .env): HR can switch a
 * reading once BKPSDMD confirms it, without a code change. Everything else stays in defaultCareerRules.
 */
export interface CareerSettings {
  /** TMT pensiun of someone born on the 1st: the 1st of the next month, or the 1st of the birthday month itself. */
  pensionTmtBornOnFirst: 'next-month' | 'same-month';
  leapDayBirthday: LeapDayBirthday;
  pppkAgreementEnd: PppkAgreementEnd;
  /** Years in rank a JF needs before a KP pilihan (on top of the AK). */
  jfKpMinYearsInRank: number;
}

export function careerRulesFrom(settings: CareerSettings, base: CareerRules = defaultCareerRules): CareerRules {
  return {
    ...base,
    pensionTmtRule: settings.pensionTmtBornOnFirst === 'same-month' ? 'first-of-month-when-born-on-first' : 'first-of-next-month',
    leapDayBirthday: settings.leapDayBirthday,
    pppkAgreementEnd: settings.pppkAgreementEnd,
    kpFunctionalMinYearsInRank: settings.jfKpMinYearsInRank,
  };
}

/** The CAREER_* variables of a configuration. */
export function careerSettingsOf(config: Config): CareerSettings {
  return {
    pensionTmtBornOnFirst: config.CAREER_PENSION_TMT_BORN_ON_FIRST,
    leapDayBirthday: config.CAREER_LEAP_DAY_BIRTHDAY,
    pppkAgreementEnd: config.CAREER_PPPK_AGREEMENT_END,
    jfKpMinYearsInRank: config.CAREER_JF_KP_MIN_YEARS,
  };
}
