import { todayInJakarta } from '../dates/calendar-date.js';
import type { Db } from '../db/client.js';
import { directSql } from '../db/direct-sql.js';

export const faqOutcomes = ['answered', 'personal', 'escalated', 'refused'] as const;
export type FaqOutcomeKind = (typeof faqOutcomes)[number];

const outcomeOfKind = { answer: 'answered', personal: 'personal', escalate: 'escalated', refuse: 'refused' } as const;

/**
 * Counts one FAQ answer per agency, WIB day and outcome for the monthly service report: a counter row, never the
 * question or who asked. One statement, so concurrent askers on several instances all count.
 */
export async function countFaqOutcome(db: Db, agencyId: string, kind: keyof typeof outcomeOfKind, at: Date): Promise<void> {
  await directSql(db).execute(
    `INSERT INTO "FaqOutcomeCount" ("agencyId", "day", "outcome", "count") VALUES ($1, $2, $3, 1)
     ON CONFLICT ("agencyId", "day", "outcome") DO UPDATE SET "count" = "FaqOutcomeCount"."count" + 1`,
    [agencyId, todayInJakarta(at), outcomeOfKind[kind]],
  );
}
