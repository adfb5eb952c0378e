/**
 * The Indeks Kepuasan Masyarakat per PermenPANRB 14/2017: the mean score of each of the nine elements, averaged
 * (weight 1/9 each), × 25, and the quality letter by the regulation's intervals.
 */
import { describe, expect, it } from 'vitest';
import { computeSkm, skmGrade, skmScoresSchema, type SkmScores } from '../../core/survey/skm-index.js';

const all = (score: number): SkmScores => Array(9).fill(score) as SkmScores;

describe('SKM index and quality letter', () => {
  it('scores everyone "sangat baik" as 100 (A) and everyone "tidak baik" as 25 (D)', () => {
    expect(computeSkm([all(4), all(4)])).toMatchObject({ average: 4, index: 100, letter: 'A', quality: 'Sangat Baik' });
    expect(computeSkm([all(1)])).toMatchObject({ average: 1, index: 25, letter: 'D', quality: 'Tidak Baik' });
    expect(computeSkm([all(3)])).toMatchObject({ index: 75, letter: 'C', quality: 'Kurang Baik' });
  });

  it('averages each element over the respondents, then the nine elements with equal weight', () => {
    // Worked example, three respondents:
    //   U1 (4+3+4)/3 = 3.667  U2 (3+3+3)/3 = 3  U3 (2+3+4)/3 = 3  U4 4  U5 (3+4+3)/3 = 3.333
    //   U6 (4+4+3)/3 = 3.667  U7 4  U8 (2+2+3)/3 = 2.333  U9 (3+3+4)/3 = 3.333
    //   sum = 30.333…, average = 3.37037…, IKM = 3.37037 × 25 = 84.26 → B (76.61–88.30), "Baik".
    const result = computeSkm([
      [4, 3, 2, 4, 3, 4, 4, 2, 3],
      [3, 3, 3, 4, 4, 4, 4, 2, 3],
      [4, 3, 4, 4, 3, 3, 4, 3, 4],
    ]);
    expect(result.elementMeans).toEqual([3.667, 3, 3, 4, 3.333, 3.667, 4, 2.333, 3.333]);
    expect(result.average).toBeCloseTo(3.3704, 4);
    expect(result.index).toBe(84.26);
    expect(result.letter).toBe('B');
    expect(result.quality).toBe('Baik');
    expect(result.responses).toBe(3);
  });

  it('puts the boundaries of the intervals where the regulation does', () => {
    expect(skmGrade(100).letter).toBe('A');
    expect(skmGrade(88.31).letter).toBe('A');
    expect(skmGrade(88.3).letter).toBe('B');
    expect(skmGrade(88.305).letter).toBe('A'); // rounds to 88.31
    expect(skmGrade(76.61).letter).toBe('B');
    expect(skmGrade(76.6).letter).toBe('C');
    expect(skmGrade(65).letter).toBe('C');
    expect(skmGrade(64.99).letter).toBe('D');
    expect(skmGrade(25).letter).toBe('D');
    expect(() => skmGrade(24.9)).toThrow(RangeError);
  });

  it('gives 3.0644 (the regulation\'s lower bound of B before conversion) as B, and 3.064 as C', () => {
    expect(computeSkm([[4, 4, 4, 3, 3, 3, 3, 2, 2]]).index).toBe(77.78); // 28/9 × 25
    expect(skmGrade(3.0644 * 25).letter).toBe('B');
    expect(skmGrade(3.064 * 25).letter).toBe('C');
  });

  it('has no index without responses and refuses scores outside 1–4 or not nine', () => {
    expect(computeSkm([])).toMatchObject({ responses: 0, index: null, letter: null });
    expect(skmScoresSchema.safeParse([1, 2, 3, 4, 5, 1, 2, 3, 4]).success).toBe(false);
    expect(skmScoresSchema.safeParse([1, 2, 3]).success).toBe(false);
    expect(skmScoresSchema.safeParse(all(2)).success).toBe(true);
  });
});
