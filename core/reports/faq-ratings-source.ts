import type { Db } from '../db/client.js';

/**
 * FAQ documents staff rated 👎 in a period, most 👎 first. 👍/👎 are kept in memory only until they are stored
 * in the database; until then the report lists none.
 */
export async function unhelpfulFaqDocuments(
  _db: Db,
  _period: { from: Date; to: Date; agencyIds: string[] },
): Promise<Array<{ documentId: string; title: string; helpful: number; unhelpful: number }>> {
  return [];
}
