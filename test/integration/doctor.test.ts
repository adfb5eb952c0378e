import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderFindings } from '../../cli/commands/doctor.js';
import { openDatabase } from '../../core/db/open-database.js';
import { runDoctor, type Finding } from '../../core/ops/doctor.js';
import { FakeOpenAI } from '../fakes/fake-openai.js';
import { FakeSiasn } from '../fakes/fake-siasn.js';
import { FakeSlack } from '../fakes/fake-slack.js';
import { FakeTelegram } from '../fakes/fake-telegram.js';
import { runLayani } from '../support/cli-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-databases.js';

/** A loopback port nothing listens on: connecting to it is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const finding = (findings: Finding[], area: string) => findings.find((f) => f.area === area);

describe('layani doctor', () => {
  let telegram: FakeTelegram;
  let slack: FakeSlack;
  let openai: FakeOpenAI;
  let siasn: FakeSiasn;
  let database: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    telegram = new FakeTelegram();
    slack = new FakeSlack({ signingSecret: 'doctor-secret' });
    openai = new FakeOpenAI();
    siasn = new FakeSiasn();
    await Promise.all([telegram.start(), slack.start(), openai.start(), siasn.start()]);
    database = await createTestDatabase('sqlite');
    await (await openDatabase(database.url)).close();
    env = {
      DATABASE_URL: database.url,
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.url,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: 'doctor-secret',
      SLACK_API_URL: slack.apiUrl,
      SLACK_TRIAGE_CHANNEL: 'C0TRIAGE',
      OPENAI_API_KEY: 'sk-test-key',
      OPENAI_BASE_URL: `${openai.url}/v1`,
      LLM_MODEL: 'gpt-4o-mini',
      ...siasn.env(),
    };
  });
  afterAll(async () => {
    await Promise.all([telegram?.stop(), slack?.stop(), openai?.stop(), siasn?.stop()]);
    await database?.drop();
  });

  it('checks the SIASN credentials by fetching both tokens, and never prints them', async () => {
    expect(finding(await runDoctor(env), 'SIASN')).toMatchObject({ status: 'ok', summary: expect.stringMatching(/token gateway dan SSO diterima; 5 permintaan\/detik; sinkronisasi malam "30 1 \* \* \*" WIB/) });
    const refused = finding(await runDoctor({ ...env, SIASN_SSO_PASSWORD: 'kata-sandi-lama-99' }), 'SIASN')!;
    expect(refused).toMatchObject({ status: 'fail', summary: 'kredensial ditolak (HTTP 401)', fix: expect.stringMatching(/SIASN_SSO_USERNAME dan SIASN_SSO_PASSWORD/) });
    expect(renderFindings([refused])).not.toMatch(/kata-sandi-lama-99|cs-test-secret|ck-test-agency/);
    const partial = finding(await runDoctor({ ...env, SIASN_SSO_PASSWORD: '', SIASN_SSO_USERNAME: '' }), 'SIASN')!;
    expect(partial).toMatchObject({ status: 'fail', fix: expect.stringContaining('isi SIASN_SSO_USERNAME, SIASN_SSO_PASSWORD') });
    expect(finding(await runDoctor({ DATABASE_URL: env.DATABASE_URL! }), 'SIASN')).toMatchObject({ status: 'off' });
  });

  it('passes when every endpoint accepts its credentials', async () => {
    const findings = await runDoctor(env);
    expect(findings.filter((f) => f.status !== 'ok')).toEqual([]);
    expect(finding(findings, 'Telegram')!.summary).toContain('@layani_test_bot');
    expect(finding(findings, 'Migrasi')!.summary).toMatch(/semuanya sudah diterapkan/);
    expect(renderFindings(findings)).toMatch(/Semua pemeriksaan lulus\.$/);
  });

  it('says a wrong Telegram token is wrong and where to get the right one', async () => {
    const findings = await runDoctor({ ...env, TELEGRAM_BOT_TOKEN: '123456789:WRONG-token-wrong-token-wrong' });
    expect(finding(findings, 'Telegram')).toMatchObject({ status: 'fail', summary: expect.stringMatching(/kredensial ditolak \(HTTP 401/) });
    const text = renderFindings(findings);
    expect(text).toMatch(/✗ Telegram: kredensial ditolak/);
    expect(text).toMatch(/Perbaiki: TELEGRAM_BOT_TOKEN salah .*@BotFather/);
    expect(text).toMatch(/1 masalah harus diperbaiki\./);
    expect(text).not.toContain('WRONG-token');
  });

  it('tells an unreachable endpoint from a wrong token', async () => {
    const port = await closedPort();
    const findings = await runDoctor({ ...env, SLACK_API_URL: `http://127.0.0.1:${port}/api/`, SLACK_BOT_TOKEN: 'xoxb-wrong' });
    expect(finding(findings, 'Slack')).toMatchObject({
      status: 'fail',
      summary: `tidak dapat dihubungi di http://127.0.0.1:${port}/api/ (ECONNREFUSED)`,
      fix: expect.stringMatching(/koneksi internet.*SLACK_API_URL/),
    });
    expect(finding(findings, 'Telegram')!.status).toBe('ok');
  });

  it('reports a rejected Slack token, a rejected LLM key and a model the server does not have', async () => {
    const slackWrong = await runDoctor({ ...env, SLACK_BOT_TOKEN: 'xoxb-revoked' });
    expect(finding(slackWrong, 'Slack')).toMatchObject({ status: 'fail', summary: 'kredensial ditolak (invalid_auth)' });
    const keyWrong = await runDoctor({ ...env, OPENAI_API_KEY: 'sk-wrong' });
    expect(finding(keyWrong, 'LLM')).toMatchObject({ status: 'fail', summary: 'kredensial ditolak (HTTP 401)' });
    const modelWrong = await runDoctor({ ...env, LLM_MODEL: 'gpt-9' });
    expect(finding(modelWrong, 'LLM')).toMatchObject({ status: 'fail', fix: expect.stringMatching(/Isi LLM_MODEL dengan salah satu model yang tersedia: gpt-4o-mini/) });
  });

  it('in webhook mode, says when Telegram cannot deliver to the webhook', async () => {
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}/telegram/webhook`;
    const webhookEnv = { ...env, TELEGRAM_WEBHOOK_URL: url, TELEGRAM_WEBHOOK_SECRET: 'rahasia_webhook' };
    // (A loopback http:// address also draws the advice to use HTTPS; this is about what Telegram reports.)
    const reported = async () => (await runDoctor(webhookEnv)).filter((f) => f.area === 'Telegram webhook' && !/https/.test(f.summary))[0];
    expect(await reported()).toMatchObject({ status: 'warn', summary: 'belum terdaftar di Telegram' });
    telegram.webhookTarget(url, 'rahasia_webhook');
    telegram.userSends(880_555, 'halo');
    await telegram.webhookIdle();
    const failing = await reported();
    expect(failing).toMatchObject({ status: 'fail', summary: `Telegram gagal mengirim ke ${url} (Connection refused; 0 pesan menunggu)` });
    expect(failing!.fix).toMatch(/HTTPS/);
    telegram.webhookTarget(null);
  });

  it('stops at wrong settings, and names an unreachable PostgreSQL server', async () => {
    const bad = await runDoctor({ ...env, PORT: 'abc' });
    expect(bad).toHaveLength(1);
    expect(bad[0]!.fix).toMatch(/PORT: expected a port number/);
    const port = await closedPort();
    const pg = await runDoctor({ ...env, DATABASE_URL: `postgresql://layani:rahasia@127.0.0.1:${port}/layani` });
    expect(finding(pg, 'Basis data')).toMatchObject({ status: 'fail', summary: `server PostgreSQL di 127.0.0.1:${port} tidak menjawab (ECONNREFUSED)` });
    expect(JSON.stringify(pg)).not.toContain('rahasia');
  });

  it('runs as `layani doctor` and exits non-zero when something must be fixed', async () => {
    // Asynchronously: the fakes answer from this process.
    const run = await runLayani(['doctor'], { env: { ...env, TELEGRAM_BOT_TOKEN: '123456789:WRONG-token-wrong-token-wrong' } });
    expect(run.stdout).toMatch(/✗ Telegram: kredensial ditolak/);
    expect(run.stdout).toMatch(/✓ Slack: terhubung/);
    expect(run.code).toBe(1);
  });
});
