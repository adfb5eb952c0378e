/**
 * Onboarding an agency with the `layani` command (a real process): one command registers it, imports its staff
 * file, prints its link codes as a PDF and a CSV sheet and checks the bot is in its channels; codes for a unit are
 * re-issued only on request. The printed codes link accounts.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../core/auth/actor.js';
import { parseConfig } from '../../core/config/load-config.js';
import { createLogger } from '../../core/logging/logger.js';
import { startRuntime, type Runtime } from '../../core/runtime.js';
import { FakeSlack } from '../fakes/fake-slack.js';
import { runLayani } from '../support/cli-process.js';
import { employeesCsv, generateEmployees } from '../support/generate-employees.js';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/test-databases.js';

const triage = 'C0DINKESTRIASE';
/** Each `layani` run is a new Node process that loads the code first: a few seconds on a busy machine. */
const cliTestMs = 90_000;
const leads = 'G0DINKESRAHASIA';

describe.each(testDatabaseKinds)('onboarding an agency from the command line on %s', (kind) => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let dir: string;
  let env: Record<string, string>;
  const staff = generateEmployees(24, 11).map((person, index) => ({ ...person, active: true, unit: index < 8 ? 'Bidang Pelayanan Kesehatan' : 'Sekretariat' }));

  // Asynchronously: the Slack fake answers from this process.
  const layani = (...args: string[]) => runLayani(args, { env, cwd: dir });
  const withRuntime = async <T>(work: (runtime: Runtime) => Promise<T>): Promise<T> => {
    const runtime = await startRuntime(parseConfig(env), { log: createLogger('silent'), watchCorpus: false });
    try {
      return await work(runtime);
    } finally {
      await runtime.close();
    }
  };
  const csvRows = (path: string) => readFileSync(path, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r\n/).slice(1).map((line) => line.split(','));

  beforeAll(async () => {
    slack = new FakeSlack({
      signingSecret: 'onboarding',
      channels: [
        { id: triage, name: 'dinkes-triase', members: ['U0LAYANIBOT', 'U0SARI'] },
        // The bot was not invited to the leads' channel yet.
        { id: leads, name: 'dinkes-rahasia', is_private: true, members: ['U0HENDRA'], botIsMember: false },
      ],
    });
    await slack.start();
    database = await createTestDatabase(kind);
    dir = mkdtempSync(join(tmpdir(), 'layani-onboard-'));
    writeFileSync(join(dir, 'pegawai-dinkes.csv'), employeesCsv(staff));
    env = { DATABASE_URL: database.url, LOG_LEVEL: 'silent', SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: 'onboarding', SLACK_API_URL: slack.apiUrl };
  });
  afterAll(async () => {
    await slack?.stop();
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('registers, imports, prints a sheet of working codes and says the bot is missing from a channel', async () => {
    const run = await layani('agency', 'onboard', 'DINKES', 'Dinas Kesehatan Provinsi Kepulauan Bangka Belitung', '--staff', 'pegawai-dinkes.csv', '--triage', triage, '--confidential', leads, '--out', 'lembar');
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('1. Instansi DINKES terdaftar.');
    expect(run.stdout).toContain('2. Pegawai diimpor: 24 baru');
    expect(run.stdout).toContain('3. 24 kode tautan baru untuk DINKES');
    expect(run.stdout).toMatch(new RegExp(`✗ Instansi DINKES: bot belum ada di kanal pimpinan \\(rahasia\\) ${leads}`));
    expect(run.stdout).toMatch(/\/invite @LAYANI/);
    const pdf = join(dir, 'lembar', 'kode-tautan-DINKES.pdf');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const rows = csvRows(join(dir, 'lembar', 'kode-tautan-DINKES.csv'));
    expect(rows).toHaveLength(24);
    expect(new Set(rows.map((row) => row[1]))).toEqual(new Set(staff.map((person) => person.nip)));

    // A printed code links the employee it was printed for.
    const [name, nip, , code] = rows[0]!;
    await withRuntime(async (runtime) => {
      const linked = await runtime.callerFor(systemActor).identity.redeemLinkCode({ code: code!, platform: 'telegram', externalId: '777001' });
      const employee = await runtime.db.employee.findUniqueOrThrow({ where: { id: linked.employeeId }, include: { agency: true } });
      expect({ name: employee.name, nip: employee.nip, agency: employee.agency.code }).toEqual({ name, nip, agency: 'DINKES' });
      expect(await runtime.db.agency.findUniqueOrThrow({ where: { code: 'DINKES' } })).toMatchObject({ triageChannel: triage, confidentialChannel: leads });
    });
  }, cliTestMs);

  it('re-issues codes only on request, and then only for the unit asked', async () => {
    const again = await layani('link-codes', '--agency', 'DINKES', '--out', 'lagi');
    expect(again.stdout).toContain('0 kode tautan baru untuk DINKES');
    expect(again.stdout).toContain('1 pegawai sudah menautkan akun');
    expect(again.stdout).toContain('23 pegawai masih memegang kode yang berlaku');
    expect(existsSync(join(dir, 'lagi.pdf'))).toBe(false);

    const unit = await layani('link-codes', '--agency', 'DINKES', '--unit', 'Bidang Pelayanan Kesehatan', '--reissue', '--out', 'pelayanan');
    expect(unit.stdout).toContain('8 kode tautan baru untuk DINKES');
    const rows = csvRows(join(dir, 'pelayanan.csv'));
    expect(rows.map((row) => row[2])).toEqual(Array(8).fill('Bidang Pelayanan Kesehatan'));
    const printedBefore = csvRows(join(dir, 'lembar', 'kode-tautan-DINKES.csv'));
    await withRuntime(async (runtime) => {
      // Still one valid code per employee: a re-issued code voids the one printed before, in that unit only.
      const live = await runtime.db.linkCode.groupBy({ by: ['employeeId'], where: { usedAt: null, expiresAt: { gt: new Date() } }, _count: { _all: true } });
      expect(live).toHaveLength(24);
      expect(live.every((row) => row._count._all === 1)).toBe(true);
      const redeem = (code: string, chat: string) => runtime.callerFor(systemActor).identity.redeemLinkCode({ code, platform: 'telegram', externalId: chat });
      const inUnit = printedBefore.find((row) => row[2] === 'Bidang Pelayanan Kesehatan' && row !== printedBefore[0])!;
      const elsewhere = printedBefore.find((row) => row[2] === 'Sekretariat')!;
      await expect(redeem(inUnit[3]!, '777002')).rejects.toThrow(/kedaluwarsa/);
      await expect(redeem(elsewhere[3]!, '777003')).resolves.toMatchObject({ employeeId: expect.any(String) });
      await expect(redeem(rows.find((row) => row[1] === inUnit[1])![3]!, '777002')).resolves.toMatchObject({ employeeId: expect.any(String) });
    });
  }, cliTestMs);
});
