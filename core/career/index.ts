export { computeCareerDates, type CareerDates } from './career-dates.js';
export { computeKgb, type KgbBasis, type KgbDates, type KgbRecord } from './kgb.js';
export { computePromotion, type PromotionBlock, type PromotionDates, type PromotionRecord } from './promotion.js';
export { kpKindFor, kpKindWords, type KpKind } from './kp-kind.js';
export { resolveJenjang, describeJenjang, type ResolvedJenjang, type JenjangSource } from './jenjang.js';
export { resolveEselon, widestEselonRange, describeEselon, type ResolvedEselon } from './eselon.js';
export { computePension, dateAgeIsReached, pensionTmtFor, type PensionDates, type PensionRecord, type PensionUrgency } from './pension.js';
export { findRecordProblems, type RecordProblem, type RecordProblemCode } from './record-problems.js';
export { findKpPeriod, isKpPeriod, kpRegimeInForce, kpSubmissionWindow, type KpPeriodChoice } from './kp-periods.js';
export { checkEducationCap, type EducationCapCheck } from './education-cap.js';
export {
  defaultCareerRules,
  type CareerRules,
  type JenjangRule,
  type EselonRule,
  type PppkAgreementEnd,
  type KpPeriodRegime,
  type KpSubmissionWindow,
  type LeapDayBirthday,
  type PensionTmtRule,
} from './rules.js';
export { careerRulesFrom, careerSettingsOf, type CareerSettings } from './configured-rules.js';
