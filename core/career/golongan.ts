import { pnsGolongan, type PnsGolongan } from '../records/employee.js';

export function isPnsGolongan(value: string): value is PnsGolongan {
  return (pnsGolongan as readonly string[]).includes(value);
}

/** Position in the PP 99/2000 order (I/a = 0 … IV/e = 16), so ranks can be compared. */
export function pnsRankIndex(golongan: PnsGolongan): number {
  return pnsGolongan.indexOf(golongan);
}

export const topPnsGolongan: PnsGolongan = 'IV/e';
