import type { Db } from '../db/client.js';

/** One 👍/👎 press on an FAQ answer: the documents it cited, never who pressed. */
export interface FaqRatingInput {
  /** The answer's random id: an answer is counted once per document, whichever instance receives the press. */
  answerId: string;
  documents: ReadonlyArray<{ documentId: string; title?: string }>;
  helpful: boolean;
  /** The asker's agency, so each agency's HR sees its own staff's ratings. */
  agencyId: string | null;
  at?: Date;
}

/** 👍/👎 counts for one corpus document over a period. */
export interface FaqRatingCount {
  documentId: string;
  title?: string;
  helpful: number;
  unhelpful: number;
}

export interface FaqRatingFilter {
  from?: Date;
  to?: Date;
  agencyId?: string;
}

/**
 * Stores a rating for each cited document. Returns false when this answer was already rated (the unique
 * (answerId, documentId) key holds across instances and restarts), true when it was counted now.
 */
export async function recordFaqRating(db: Db, input: FaqRatingInput): Promise<boolean> {
  if (input.documents.length === 0) return false;
  const createdAt = input.at ?? new Date();
  try {
    await db.$transaction(
      input.documents.map((doc) =>
        db.faqRating.create({
          data: {
            answerId: input.answerId,
            documentId: doc.documentId,
            documentTitle: doc.title ?? null,
            helpful: input.helpful,
            agencyId: input.agencyId,
            createdAt,
          },
        }),
      ),
    );
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') return false;
    throw error;
  }
}

/**
 * 👍/👎 per document in [from, to) (either end open), optionally for one agency; the most distrusted first
 * (👎 descending, then 👍 ascending, then document id), so HR reads the entries that need work at the top.
 */
export async function countFaqRatings(db: Db, filter: FaqRatingFilter = {}): Promise<FaqRatingCount[]> {
  const createdAt = filter.from || filter.to ? { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } : undefined;
  const where = { ...(createdAt ? { createdAt } : {}), ...(filter.agencyId ? { agencyId: filter.agencyId } : {}) };
  const [groups, titles] = await Promise.all([
    db.faqRating.groupBy({ by: ['documentId', 'helpful'], where, _count: { _all: true } }),
    // The latest title each document was rated under (titles change when HR edits the corpus).
    db.faqRating.findMany({
      where: { ...where, documentTitle: { not: null } },
      select: { documentId: true, documentTitle: true },
      orderBy: { createdAt: 'desc' },
      distinct: ['documentId'],
    }),
  ]);
  const counts = new Map<string, FaqRatingCount>();
  for (const group of groups) {
    const count = counts.get(group.documentId) ?? { documentId: group.documentId, helpful: 0, unhelpful: 0 };
    if (group.helpful) count.helpful += group._count._all;
    else count.unhelpful += group._count._all;
    counts.set(group.documentId, count);
  }
  for (const row of titles) {
    const count = counts.get(row.documentId);
    if (count && row.documentTitle) count.title = row.documentTitle;
  }
  return [...counts.values()].sort(
    (a, b) => b.unhelpful - a.unhelpful || a.helpful - b.helpful || a.documentId.localeCompare(b.documentId),
  );
}
