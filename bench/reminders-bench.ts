import { randomUUID } from 'node:crypto';
import { audienceMatcher } from '../core/audience/audience-matcher.js';
import { cliActor } from '../core/auth/actor.js';
import { parseConfig } from '../core/config/load-config.js';
import { bulkInsert } from '../core/db/bulk-insert.js';
import type { DatabaseKind } from '../core/db/database-url.js';
import { createLogger } from '../core/logging/logger.js';
import { composeDigest } from '../core/reminders/digest/send-digest.js';
import { planDeadline, planDueReminders } from '../core/reminders/plan-reminders.js';
import { runReminderPass, type ReminderEnv } from '../core/reminders/reminder-pass.js';
import { audienceSchema } from '../core/audience/audience.js';
import { saveEmployees } from '../core/records/save-employees.js';
import { startRuntime } from '../core/runtime.js';
import { wibInstant } from '../core/scheduling/jakarta-time.js';
import { generateEmployees } from '../test/support/generate-employees.js';
import { createTestDatabase } from '../test/support/test-databases.js';

const employeeCount = 10_000;
/** A Tuesday in the weeks before an everyone-deadline, so every employee has something due. */
const day = '2027-03-02';
const rssMb = () => process.memoryUsage().rss / 1_048_576;
const seconds = (startedMs: number) => ((performance.now() - startedMs) / 1000).toFixed(2);

/** The planner alone: every employee's due reminders for one day, in memory. */
export function benchReminderPlanning(): void {
  const people = generateEmployees(employeeCount, 2026);
  const skp = planDeadline(
    { id: 'skp', title: 'SKP', monthDay: '03-31', daysBefore: [30, 7, 1], note: '' },
    audienceMatcher(audienceSchema.parse({ everyone: true })),
    day,
  );
  planDueReminders(people[0]!, day, { deadlines: [skp] });
  const started = performance.now();
  let due = 0;
  for (const person of people) due += planDueReminders(person, day, { deadlines: [skp] }).send.length;
  console.log(`reminder planning ${employeeCount} employees (in memory): ${seconds(started)} s, ${due} due, RSS ${rssMb().toFixed(0)} MB (target ≤ 2 s)`);
}

/**
 * The daily pass on a database of 10,000 employees (two thirds linked to Telegram, an everyone-deadline): the first
 * run records everything due and queues the messages; a second run the same day finds nothing new; the digest
 * reads the whole agency again.
 */
export async function benchReminders(kind: DatabaseKind): Promise<void> {
  const database = await createTestDatabase(kind);
  try {
    const runtime = await startRuntime(parseConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' }), { log: createLogger('silent'), watchCorpus: false });
    const agency = await runtime.db.agency.findFirstOrThrow();
    await saveEmployees(runtime.db, cliActor, agency.id, generateEmployees(employeeCount, 2026));
    const ids = (await runtime.db.employee.findMany({ select: { id: true } })).map((e) => e.id);
    const linked = ids.filter((_, index) => index % 3 !== 0);
    await runtime.db.$transaction((tx) =>
      bulkInsert(tx, kind, 'ChatIdentity', ['id', 'employeeId', 'platform', 'externalId', 'linkedAt'], linked.map((id, i) => [randomUUID(), id, 'telegram', String(900_000 + i), new Date()])),
    );
    await runtime.callerFor(cliActor).reminders.createDeadline({ title: 'SKP', monthDay: '03-31', daysBefore: [30, 7, 1] });
    const env: ReminderEnv = { db: runtime.db, careerRules: runtime.settings.careerRules, log: runtime.log };
    const now = wibInstant(day, 7, 30);

    let started = performance.now();
    const first = await runReminderPass(env, agency.id, now);
    const firstSeconds = seconds(started);
    const recorded = first.telegram + first.digest + first.muted + first.superseded;
    console.log(
      `[${kind}] reminder pass ${employeeCount} employees, first run (${recorded} recorded: ${first.telegram} Telegram, ${first.digest} digest, ` +
        `${first.superseded} superseded): ${firstSeconds} s, RSS ${rssMb().toFixed(0)} MB (target ≤ 2 s)`,
    );
    started = performance.now();
    const again = await runReminderPass(env, agency.id, new Date(now.getTime() + 60_000));
    console.log(`[${kind}] reminder pass again the same day (${again.telegram + again.digest} new): ${seconds(started)} s, RSS ${rssMb().toFixed(0)} MB`);
    started = performance.now();
    const digest = await composeDigest(env, agency.id, new Date(now.getTime() + 120_000), true);
    console.log(`[${kind}] weekly digest for ${digest.digest.activeCount} employees (${digest.text.length} characters): ${seconds(started)} s, RSS ${rssMb().toFixed(0)} MB`);
    await runtime.close();
  } finally {
    await database.drop();
  }
}
