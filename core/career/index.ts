export { computeCareerDates, type CareerDates } from './career-dates.js';
export { computeKgb, type KgbBasis, type KgbDates, type KgbRecord } from './kgb.js';
export { computePromotion, type PromotionBlock, type PromotionDates, type PromotionRecord } from './promotion.js';
export { computePension, dateAgeIsReached, pensionTmtFor, type PensionDates, type PensionRecord } from './pension.js';
export { findRecordProblems, type RecordProblem, type RecordProblemCode } from './record-problems.js';
export { findKpPeriod, isKpPeriod, kpRegimeInForce, kpSubmissionWindow, type KpPeriodChoice } from './kp-periods.js';
export { checkEducationCap, type EducationCapCheck } from './education-cap.js';
export {
  defaultCareerRules,
  type CareerRules,
  type KpPeriodRegime,
  type KpSubmissionWindow,
  type LeapDayBirthday,
  type PensionTmtRule,
} from './rules.js';
