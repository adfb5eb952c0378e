/** Prisma's error for a unique constraint that refused a row (both databases). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'P2002';
}

/**
 * Runs an insert that a unique key may refuse; true when the row was stored, false when it already existed. The
 * key, not a read before the write, decides: so concurrent callers (instances, retries) get one `true` between them.
 */
export async function insertOnce(insert: () => Promise<unknown>): Promise<boolean> {
  try {
    await insert();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
