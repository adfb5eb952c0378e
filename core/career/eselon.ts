import type { EmployeeRecord, Eselon, PnsGolongan } from '../records/employee.js';
import { eselonsByPositionType } from '../records/employee.js';
import { pnsRankIndex } from './golongan.js';
import type { CareerRules, EselonRule } from './rules.js';

export interface ResolvedEselon {
  eselon: Eselon;
  rule: EselonRule;
  /** The record had no eselon: the rules' default for the position type was used. */
  assumed: boolean;
}

/** The eselon of a structural post: recorded, or the default for its position type. Null for other posts. */
export function resolveEselon(record: Pick<EmployeeRecord, 'positionType' | 'eselon'>, rules: CareerRules): ResolvedEselon | null {
  if (record.eselon) return { eselon: record.eselon, rule: rules.eselonRanges[record.eselon], assumed: false };
  const fallback = rules.defaultEselon[record.positionType];
  return fallback ? { eselon: fallback, rule: rules.eselonRanges[fallback], assumed: true } : null;
}

/**
 * The widest rank range any eselon of the position type allows: with no eselon recorded, a rank is only an
 * anomaly when no sub-level of the post could hold it.
 */
export function widestEselonRange(record: Pick<EmployeeRecord, 'positionType' | 'eselon'>, rules: CareerRules): EselonRule | null {
  if (record.eselon) return rules.eselonRanges[record.eselon];
  const candidates = (eselonsByPositionType[record.positionType] ?? []).map((e) => rules.eselonRanges[e]);
  if (candidates.length === 0) return null;
  const byIndex = (pick: (r: EselonRule) => PnsGolongan, better: (a: number, b: number) => boolean) =>
    candidates.map(pick).reduce((a, b) => (better(pnsRankIndex(b), pnsRankIndex(a)) ? b : a));
  return { lowest: byIndex((r) => r.lowest, (a, b) => a < b), highest: byIndex((r) => r.highest, (a, b) => a > b) };
}

export function describeEselon(resolved: ResolvedEselon, rules: CareerRules, lang: 'id' | 'en' = 'id'): string {
  const { eselon, rule, assumed } = resolved;
  const range = `${rule.lowest}–${rule.highest}`;
  if (lang === 'en') return `eselon ${eselon} (${range}, ${rules.eselonSource})${assumed ? ', assumed as no eselon is recorded' : ''}`;
  return `eselon ${eselon} (${range}, ${rules.eselonSource})${assumed ? ', dianggap demikian karena kolom eselon kosong' : ''}`;
}
