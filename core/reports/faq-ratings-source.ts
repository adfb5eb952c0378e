import type { Db } from '../db/client.js';
import { countFaqRatings } from '../faq/ratings.js';

/** FAQ documents staff rated 👎 in a period (over the given agencies), most 👎 first. Counts only. */
export async function unhelpfulFaqDocuments(
  db: Db,
  period: { from: Date; to: Date; agencyIds: string[] },
): Promise<Array<{ documentId: string; title: string; helpful: number; unhelpful: number }>> {
  const perAgency = await Promise.all(period.agencyIds.map((agencyId) => countFaqRatings(db, { from: period.from, to: period.to, agencyId })));
  const documents = new Map<string, { documentId: string; title: string; helpful: number; unhelpful: number }>();
  for (const row of perAgency.flat()) {
    const entry = documents.get(row.documentId) ?? { documentId: row.documentId, title: row.title ?? row.documentId, helpful: 0, unhelpful: 0 };
    entry.helpful += row.helpful;
    entry.unhelpful += row.unhelpful;
    documents.set(row.documentId, entry);
  }
  return [...documents.values()]
    .filter((d) => d.unhelpful > 0)
    .sort((a, b) => b.unhelpful - a.unhelpful || a.helpful - b.helpful || a.documentId.localeCompare(b.documentId));
}
