import type { Db } from '../db/client.js';
import { directSql } from '../db/direct-sql.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One sending rate shared by every instance on a PostgreSQL database: a platform limits the bot, not each process
 * sending for it. Sends are spaced evenly, `intervalMs` apart, on one schedule kept in a SendBudget row; each send
 * takes the next free slot with one atomic statement and waits for it. Slots are counted on the database's clock,
 * so instances on machines whose clocks differ still share one schedule.
 *
 * Evenly spaced rather than a bucket refilled each second: a refill lets a second's worth go at the end of one
 * second and as many at the start of the next, which Telegram's moving window answers with 429.
 */
export class SharedSendBudget {
  constructor(
    private readonly db: Db,
    /** Which budget: one per bot (e.g. `telegram:<bot id>`). */
    private readonly key: string,
    private readonly intervalMs: number,
  ) {}

  /** Resolves when this instance may send one message. */
  async take(): Promise<void> {
    const [row] = await directSql(this.db).query<{ waitMs: number }>(
      `WITH now AS (SELECT clock_timestamp() AT TIME ZONE 'UTC' AS at)
       INSERT INTO "SendBudget" ("key", "nextSlotAt")
       SELECT $1, now.at + make_interval(secs => $2::float8 / 1000) FROM now
       ON CONFLICT ("key") DO UPDATE
         SET "nextSlotAt" = GREATEST("SendBudget"."nextSlotAt", (SELECT at FROM now)) + make_interval(secs => $2::float8 / 1000)
       RETURNING (EXTRACT(EPOCH FROM ("nextSlotAt" - (SELECT at FROM now))) * 1000 - $2::float8)::float8 AS "waitMs"`,
      [this.key, this.intervalMs],
    );
    const wait = row?.waitMs ?? 0;
    if (wait > 0) await sleep(wait);
  }
}
