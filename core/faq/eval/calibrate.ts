import { summariseResults, type EvalReport, type EvalResult } from './evaluate.js';

/**
 * Choosing the confidence threshold below which a question goes to a human. The question set is answered once
 * with no threshold (every policy question answered, each with its confidence); each candidate threshold is then
 * applied to those results: an answer below it becomes a hand-over. The threshold is chosen on the TUNING split
 * only and then reported, unchanged, on the held-out split.
 */

/** The results as they would be at `threshold`: answers below it become low-confidence hand-overs. */
export function atThreshold(results: readonly EvalResult[], threshold: number): EvalResult[] {
  return results.map((r) => {
    if (r.kind !== 'answer' || (r.confidence ?? 0) >= threshold) return r;
    return { ...r, kind: 'escalate', reason: 'low_confidence', cited: [], sourceOk: r.sourceOk === null ? null : false, correct: r.expected === 'escalate' };
  });
}

export interface ThresholdRow {
  threshold: number;
  /** Answerable questions answered with the key fact and a correct source. */
  stated: number;
  /** Out-of-scope questions handed over. */
  escalated: number;
  /** Answers given, and the share of them that were right. */
  answers: number;
  precision: number;
  /** stated + escalated: the questions where the threshold decided well. */
  score: number;
}

/** Each candidate threshold (every distinct confidence seen, and 0) with what it would give. */
export function thresholdTable(results: readonly EvalResult[]): ThresholdRow[] {
  const candidates = [...new Set([0, ...results.filter((r) => r.kind === 'answer').map((r) => r.confidence ?? 0)])].sort((a, b) => a - b);
  return candidates.map((threshold) => {
    const report = summariseResults(atThreshold(results, threshold));
    return {
      threshold,
      stated: report.answer.stated,
      escalated: report.escalate.correct,
      answers: report.precision.answers,
      precision: report.precision.rate,
      score: report.answer.stated + report.escalate.correct,
    };
  });
}

/**
 * The threshold that decides best on these results: most questions decided well (facts stated plus
 * out-of-scope handed over); among equals, the midpoint of the best run of candidates, so a small shift in
 * confidences does not flip the decision.
 */
export function chooseThreshold(results: readonly EvalResult[]): { threshold: number; table: ThresholdRow[] } {
  const table = thresholdTable(results);
  const best = Math.max(...table.map((row) => row.score));
  const firstBest = table.findIndex((row) => row.score === best);
  let lastBest = firstBest;
  while (lastBest + 1 < table.length && table[lastBest + 1]!.score === best) lastBest++;
  // Row i's decisions hold for any threshold in (candidate i-1, candidate i]: the best run spans (low, high].
  const low = firstBest > 0 ? table[firstBest - 1]!.threshold : table[firstBest]!.threshold;
  const high = table[lastBest]!.threshold;
  return { threshold: Math.round(((low + high) / 2) * 1000) / 1000, table };
}

/** A report re-scored at a threshold (from results answered with no threshold). */
export function reportAtThreshold(results: readonly EvalResult[], threshold: number): EvalReport {
  return summariseResults(atThreshold(results, threshold));
}
