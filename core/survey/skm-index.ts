import { z } from 'zod';

/**
 * Survei Kepuasan Masyarakat (PermenPANRB 14/2017): nine elements (unsur), each scored 1–4. The index (IKM) is the
 * average of the elements' mean scores (each weighted 1/9) converted to 25–100 by × 25, with a quality letter.
 */
export const skmElements = [
  { key: 'u1', id: 'Persyaratan', en: 'Requirements' },
  { key: 'u2', id: 'Sistem, mekanisme dan prosedur', en: 'System, mechanism and procedure' },
  { key: 'u3', id: 'Waktu penyelesaian', en: 'Completion time' },
  { key: 'u4', id: 'Biaya/tarif', en: 'Cost/fee' },
  { key: 'u5', id: 'Produk spesifikasi jenis pelayanan', en: 'Service products' },
  { key: 'u6', id: 'Kompetensi pelaksana', en: 'Staff competence' },
  { key: 'u7', id: 'Perilaku pelaksana', en: 'Staff conduct' },
  { key: 'u8', id: 'Penanganan pengaduan, saran dan masukan', en: 'Handling of complaints and suggestions' },
  { key: 'u9', id: 'Sarana dan prasarana', en: 'Facilities' },
] as const;

export type SkmElementKey = (typeof skmElements)[number]['key'];

/** One response: nine scores 1–4 in the order of `skmElements`. */
export const skmScoresSchema = z.array(z.number().int().min(1, 'nilai 1–4').max(4, 'nilai 1–4')).length(9, 'sembilan unsur');
export type SkmScores = z.infer<typeof skmScoresSchema>;

/** Quality letters and their intervals on the converted scale (Lampiran PermenPANRB 14/2017). */
export const skmGrades = [
  { letter: 'A', from: 88.31, to: 100, id: 'Sangat Baik', en: 'Very good' },
  { letter: 'B', from: 76.61, to: 88.3, id: 'Baik', en: 'Good' },
  { letter: 'C', from: 65.0, to: 76.6, id: 'Kurang Baik', en: 'Fair' },
  { letter: 'D', from: 25.0, to: 64.99, id: 'Tidak Baik', en: 'Poor' },
] as const;
export type SkmLetter = (typeof skmGrades)[number]['letter'];

/** Rounded to two decimals first, as the regulation's intervals are written: 88.305 → 88.31 → A. */
export function skmGrade(index: number): (typeof skmGrades)[number] {
  if (!Number.isFinite(index) || index < 25 || index > 100) throw new RangeError(`IKM must be 25–100, got ${index}`);
  const rounded = Math.round(index * 100) / 100;
  return skmGrades.find((grade) => rounded >= grade.from) ?? skmGrades[skmGrades.length - 1]!;
}

export const skmResultSchema = z.object({
  responses: z.number().int(),
  /** Mean score (1–4) of each element, in the order of `skmElements`; null without responses. */
  elementMeans: z.array(z.number().nullable()),
  /** The unit's IKM before conversion (1–4), and converted (25–100), rounded to two decimals. */
  average: z.number().nullable(),
  index: z.number().nullable(),
  letter: z.enum(['A', 'B', 'C', 'D']).nullable(),
  quality: z.string().nullable(),
});
export type SkmResult = z.infer<typeof skmResultSchema>;

/** The IKM of a set of responses: NRR per element, weighted 1/9 each, × 25. */
export function computeSkm(responses: readonly SkmScores[]): SkmResult {
  if (responses.length === 0) {
    return { responses: 0, elementMeans: skmElements.map(() => null), average: null, index: null, letter: null, quality: null };
  }
  const elementMeans = skmElements.map((_, i) => responses.reduce((sum, r) => sum + r[i]!, 0) / responses.length);
  const average = elementMeans.reduce((sum, mean) => sum + mean, 0) / elementMeans.length;
  const index = Math.round(average * 25 * 100) / 100;
  const grade = skmGrade(index);
  return {
    responses: responses.length,
    elementMeans: elementMeans.map((m) => Math.round(m * 1000) / 1000),
    average: Math.round(average * 10000) / 10000,
    index,
    letter: grade.letter,
    quality: grade.id,
  };
}
