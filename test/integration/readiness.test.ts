import { renameSync } from 'node:fs';
import { parseDatabaseUrl } from '../../core/db/database-url.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../api/app.js';
import { parseConfig } from '../../core/config/load-config.js';
import { createLogger } from '../../core/logging/logger.js';
import { until } from '../support/telegram-harness.js';
import { createTestDatabase, type TestDatabase } from '../support/test-databases.js';
import { TcpProxy } from '../support/tcp-proxy.js';

interface ReadyAnswer {
  status: number;
  body: { status: string; checks: Record<string, { ok: boolean; detail: string }> };
}

async function readyz(app: App): Promise<ReadyAnswer> {
  const response = await fetch(`${app.url}/readyz`);
  return { status: response.status, body: (await response.json()) as ReadyAnswer['body'] };
}

async function startBareApp(databaseUrl: string): Promise<App> {
  const config = parseConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1' });
  return startApp(config, { schedule: false, log: createLogger('silent'), watchCorpus: false });
}

describe('GET /readyz', () => {
  let app: App | null = null;
  let database: TestDatabase | null = null;
  let proxy: TcpProxy | null = null;
  afterEach(async () => {
    await app?.stop().catch(() => undefined);
    await proxy?.cut();
    await database?.drop();
    app = database = proxy = null;
  });

  it('on SQLite: not ready while the database file is gone, ready again when it is back', async () => {
    database = await createTestDatabase('sqlite');
    app = await startBareApp(database.url);
    const ready = await readyz(app);
    expect(ready.status).toBe(200);
    expect(ready.body.checks.database).toMatchObject({ ok: true });
    expect(ready.body.checks.migrations).toMatchObject({ ok: true });
    expect(ready.body.checks.outbox).toMatchObject({ ok: true });

    const file = parseDatabaseUrl(database.url).target;
    renameSync(file, `${file}.moved`);
    const gone = await readyz(app);
    expect(gone.status).toBe(503);
    expect(gone.body.status).toBe('not ready');
    expect(gone.body.checks.database!.detail).toMatch(/missing/);
    // Liveness is not readiness: the process itself is fine.
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);

    renameSync(`${file}.moved`, file);
    expect((await readyz(app)).status).toBe(200);
  });

  it.runIf(process.env.TEST_DATABASE_URL)('on PostgreSQL: not ready while the server cannot be reached, ready again when it can', async () => {
    database = await createTestDatabase('postgresql');
    const url = new URL(database.url);
    proxy = new TcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    await proxy.start();
    url.host = `127.0.0.1:${proxy.port}`;
    app = await startBareApp(url.toString());
    expect((await readyz(app)).status).toBe(200);

    await proxy.cut();
    const gone = await readyz(app);
    expect(gone.status).toBe(503);
    expect(gone.body.checks.database!.ok).toBe(false);
    expect(gone.body.checks.migrations!.ok).toBe(false);

    await proxy.restore();
    // The connection pool opens new connections on the next query.
    await until(async () => (await readyz(app!)).status === 200, 'readiness after the database came back', 10_000);
  });

  it('says which migration is missing when the database was swapped for an older one', async () => {
    database = await createTestDatabase('sqlite');
    app = await startBareApp(database.url);
    await app.runtime.db.$executeRawUnsafe(`DELETE FROM "_layani_migrations" WHERE name = '0003_faq_drafts'`);
    const answer = await readyz(app);
    expect(answer.status).toBe(503);
    expect(answer.body.checks.migrations!.detail).toMatch(/not applied: 0003_faq_drafts/);
  });

  it('is not ready once shutting down', async () => {
    database = await createTestDatabase('sqlite');
    app = await startBareApp(database.url);
    app.readiness.startDraining();
    const answer = await readyz(app);
    expect(answer.status).toBe(503);
    expect(answer.body.checks.shutdown).toEqual({ ok: false, detail: 'shutting down' });
  });

  it('calls the outbox stuck when due messages wait and nothing is delivered', async () => {
    database = await createTestDatabase('sqlite');
    app = await startBareApp(database.url);
    // A worker that no longer runs (hung on a delivery, or its loop died) leaves due messages where they are.
    await app.outbox.stop();
    const old = new Date(Date.now() - 20 * 60_000);
    await app.runtime.db.outboxMessage.create({
      data: { channel: 'telegram', kind: 'telegram.text', payload: '{}', createdAt: old, nextAttemptAt: old },
    });
    const answer = await readyz(app);
    expect(answer.status).toBe(503);
    expect(answer.body.checks.outbox!.detail).toMatch(/1 messages due for over 10 min/);
  });
});
