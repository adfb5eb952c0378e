import type { EducationLevel, PnsGolongan } from '../records/employee.js';
import { pnsRankIndex } from './golongan.js';
import type { CareerRules } from './rules.js';

export interface EducationCapCheck {
  cap: PnsGolongan;
  /** Where the current rank stands against the highest regular rank the education allows. */
  standing: 'below' | 'at' | 'above';
}

export function checkEducationCap(
  golongan: PnsGolongan,
  education: EducationLevel,
  rules: CareerRules,
): EducationCapCheck {
  const cap = rules.educationCaps[education];
  const difference = pnsRankIndex(golongan) - pnsRankIndex(cap);
  return { cap, standing: difference < 0 ? 'below' : difference === 0 ? 'at' : 'above' };
}
