import { cliActor } from '../core/auth/actor.js';
import { shiftedClock } from '../core/clock/clock.js';
import { parseConfig } from '../core/config/load-config.js';
import type { DatabaseKind } from '../core/db/database-url.js';
import { createLogger } from '../core/logging/logger.js';
import { ensureAgency } from '../core/records/agencies.js';
import { saveEmployees } from '../core/records/save-employees.js';
import { startRuntime } from '../core/runtime.js';
import { SiasnClient } from '../core/siasn/siasn-client.js';
import { runSiasnSync } from '../core/siasn/siasn-sync.js';
import { FakeSiasn, siasnAngkaKredit, siasnDataUtama } from '../test/fakes/fake-siasn.js';
import { generateEmployees } from '../test/support/generate-employees.js';
import { createTestDatabase } from '../test/support/test-databases.js';

/** Saturday 01:30 WIB, the nightly sync's default hour: the reminder pass is closed, as it is at night. */
const nightly = '2026-11-28T01:30:00+07:00';

/**
 * A full sync of `count` employees against FakeSiasn (5 ms per answer) at `rate` requests per second: wall time
 * against requests ÷ rate (the pacing is the limit, so the ratio should be close to 1), and peak RSS (LAYANI and the
 * fake share this process). One employee in ten has a newer rank in SIASN, one in a hundred is unknown to it, and
 * functional positions also fetch their credit-point history.
 */
export async function benchSiasn(kind: DatabaseKind, count: number, rate: number): Promise<void> {
  const fake = new FakeSiasn({ latencyMs: 5, recordRequests: false });
  await fake.start();
  const database = await createTestDatabase(kind);
  const config = parseConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent', ...fake.env({ SIASN_REQUESTS_PER_SECOND: String(rate) }) });
  const runtime = await startRuntime(config, { clock: shiftedClock(nightly), log: createLogger('silent'), watchCorpus: false });
  try {
    const agency = await ensureAgency(runtime.db, config.DEFAULT_AGENCY_CODE);
    const employees = generateEmployees(count, 16);
    await saveEmployees(runtime.db, cliActor, agency.id, employees);
    employees.forEach((e, i) => {
      if (i % 100 === 99) return; // unknown to SIASN
      fake.mainRecords.set(e.nip, siasnDataUtama(e, i % 10 === 0 ? { tmtGolAkhir: '01-10-2026' } : {}));
      if (e.positionType.startsWith('JF_')) fake.histories.set(`rw-angkakredit/${e.nip}`, [siasnAngkaKredit((e.creditPoints ?? 0) + (i % 10 === 5 ? 12.5 : 0))]);
    });
    const settings = runtime.settings.siasn!;
    const client = new SiasnClient(settings, { log: runtime.log });
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
    const started = Date.now();
    const report = await runSiasnSync(runtime, settings, { trigger: 'nightly', dryRun: false, client });
    const seconds = (Date.now() - started) / 1000;
    clearInterval(sampler);
    const expected = client.counts.api / rate;
    console.log(
      `siasn ${kind}: ${count} employees, ${client.counts.api} requests at ${rate} req/s in ${seconds.toFixed(1)} s ` +
        `(requests ÷ rate = ${expected.toFixed(1)} s, ratio ${(seconds / expected).toFixed(3)}; employees ÷ rate = ${(count / rate).toFixed(1)} s); ` +
        `${report.changed} changed, ${report.unchanged} unchanged, ${report.unknown.length} unknown, ${report.failed.length} failed, ` +
        `${client.counts.retries} retries; peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB (target ≤ 300 MB)`,
    );
  } finally {
    await runtime.close();
    await fake.stop();
    await database.drop();
  }
}
