import { audienceSchema, type Audience } from '../audience/audience.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../logging/logger.js';
import { parseDaysBefore, type YearlyDeadlineSpec } from './deadline-stages.js';
import { isMonthDay } from './day-month.js';

export interface StoredDeadline extends YearlyDeadlineSpec {
  audience: Audience;
}

/** An agency's active yearly deadlines. A row that no longer parses is skipped and logged, never guessed at. */
export async function loadActiveDeadlines(db: Db, agencyId: string, log?: Logger): Promise<StoredDeadline[]> {
  const rows = await db.yearlyDeadline.findMany({ where: { agencyId, active: true }, orderBy: { createdAt: 'asc' } });
  const result: StoredDeadline[] = [];
  for (const row of rows) {
    try {
      if (!isMonthDay(row.monthDay)) throw new RangeError(`monthDay "${row.monthDay}" is not MM-DD`);
      result.push({
        id: row.id,
        title: row.title,
        monthDay: row.monthDay,
        daysBefore: parseDaysBefore(row.daysBefore),
        note: row.note,
        audience: audienceSchema.parse(JSON.parse(row.audience)),
      });
    } catch (error) {
      log?.error({ deadlineId: row.id, reason: (error as Error).message }, 'yearly deadline skipped: stored row is invalid');
    }
  }
  return result;
}
