/**
 * `layani reminders run [--dry-run] [--as-of DATE]`: an operator runs the daily reminder pass by hand. A dry run
 * counts what would go and changes nothing; a real run queues each reminder once, however often it is run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../core/auth/actor.js';
import { fixedClock } from '../../core/clock/clock.js';
import { runRemindersAsOperator } from '../../core/reminders/operator-reminder-pass.js';
import { wibInstant } from '../../core/scheduling/jakarta-time.js';
import { employeeRecord } from '../support/employees.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { runLayani } from '../support/cli-process.js';
import { testDatabaseKinds } from '../support/test-databases.js';

describe.each(testDatabaseKinds)('the reminder pass run by an operator on %s', (kind) => {
  let rt: TestRuntime;
  // Today is 5 January 2027; the KGB of 1 May 2027 gets its three-month reminder from 1 February.
  const clock = fixedClock(wibInstant('2027-01-05', 9));
  const budi = employeeRecord({ nip: '198609262015051001', lastKgbTmt: '2025-05-01', tmtGolongan: '2021-04-01' });
  const sari = employeeRecord({ nip: '199001012015052001', name: 'Sari Wijaya', birthDate: '1990-01-01', gender: 'P', unit: 'Bidang Kelautan', lastKgbTmt: '2025-05-01', tmtGolongan: '2021-04-01' });

  beforeAll(async () => {
    rt = await createTestRuntime(kind, { clock });
    const admin = rt.callerFor(cliActor);
    const budiId = (await admin.records.upsert({ record: budi })).employee.id;
    await admin.records.upsert({ record: sari });
    await rt.db.chatIdentity.create({ data: { employeeId: budiId, platform: 'telegram', externalId: '7001' } });
    // Whatever is due today (nothing for these two) is out of the way.
    await rt.db.reminderOccurrence.deleteMany();
    await rt.db.outboxMessage.deleteMany();
  });
  afterAll(async () => rt?.stop());

  it('a dry run for a coming day counts what would go and sends and records nothing', async () => {
    const result = await runRemindersAsOperator(rt, { dryRun: true, asOf: '2027-02-02' });
    expect(result.agencies).toEqual([expect.objectContaining({ code: 'DKP', summary: { employees: 2, telegram: 1, digest: 1, muted: 0, superseded: 0 } })]);
    expect(await rt.db.reminderOccurrence.count()).toBe(0);
    expect(await rt.db.outboxMessage.count()).toBe(0);
  });

  it('from the command line, prints the same counts per agency', async () => {
    const cli = await runLayani(['reminders', 'run', '--dry-run', '--as-of', '2027-02-02'], { env: { DATABASE_URL: rt.database.url, LOG_LEVEL: 'silent' } });
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain('uji coba');
    expect(cli.stdout).toMatch(/^DKP\t2\t1\t1\t0\t0$/m);
  }, 60_000);

  it('a real run queues the reminder once; running it again sends nothing more', async () => {
    const first = await runRemindersAsOperator(rt, { dryRun: false, asOf: '2027-02-02' });
    expect(first.agencies[0]!.summary).toMatchObject({ telegram: 1, digest: 1 });
    const texts = await rt.db.outboxMessage.findMany({ where: { kind: 'telegram.text' } });
    expect(texts).toHaveLength(1);
    expect(JSON.parse(texts[0]!.payload)).toMatchObject({ chatId: '7001' });
    const again = await runRemindersAsOperator(rt, { dryRun: false, asOf: '2027-02-02' });
    expect(again.agencies[0]!.summary).toMatchObject({ telegram: 0, digest: 0 });
    expect(await rt.db.outboxMessage.count({ where: { kind: 'telegram.text' } })).toBe(1);
  });

  it('refuses a date it cannot read and an agency that does not exist, saying what to write', async () => {
    await expect(runRemindersAsOperator(rt, { dryRun: true, asOf: '02-02-2027' })).rejects.toThrow(/YYYY-MM-DD/);
    await expect(runRemindersAsOperator(rt, { dryRun: true, agencyCode: 'XYZ' })).rejects.toThrow(/layani agency list/);
  });
});
