import { execFile } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { promisify } from 'node:util';
import { cliActor } from '../core/auth/actor.js';
import { shiftedClock } from '../core/clock/clock.js';
import { parseConfig } from '../core/config/load-config.js';
import type { DatabaseKind } from '../core/db/database-url.js';
import { createLogger } from '../core/logging/logger.js';
import { ensureAgency } from '../core/records/agencies.js';
import { saveEmployees } from '../core/records/save-employees.js';
import { startRuntime } from '../core/runtime.js';
import { FakeSiasn, siasnAngkaKredit, siasnDataUtama } from '../test/fakes/fake-siasn.js';
import { generateEmployees } from '../test/support/generate-employees.js';
import { createTestDatabase } from '../test/support/test-databases.js';

const run = promisify(execFile);

interface ChildResult {
  seconds: number;
  cpuSeconds: number;
  requests: number;
  retries: number;
  retryReasons: Record<string, number>;
  peakRssMb: number;
  baselineRssMb: number;
  changed: number;
  unchanged: number;
  unknown: number;
  failed: number;
}

/** Saturday 01:30 WIB, the nightly sync's default hour: the reminder pass is closed, as it is at night. */
const nightly = '2026-11-28T01:30:00+07:00';

/**
 * A full sync of `count` employees against FakeSiasn (5 ms per answer) at `rate` requests per second: wall time
 * against requests ÷ rate (the pacing is the limit, so the ratio should be close to 1), and peak RSS (LAYANI and the
 * the fake runs in this process, the sync in a child of its own). One employee in ten has a newer rank in SIASN, one in a hundred is unknown to it, and
 * functional positions also fetch their credit-point history.
 */
export async function benchSiasn(kind: DatabaseKind, count: number, rate: number): Promise<void> {
  const fake = new FakeSiasn({ latencyMs: 5, recordRequests: false });
  await fake.start();
  const database = await createTestDatabase(kind);
  const env = { DATABASE_URL: database.url, ...fake.env({ SIASN_REQUESTS_PER_SECOND: String(rate) }) };
  const config = parseConfig({ ...env, LOG_LEVEL: 'silent' });
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
    await runtime.close();
    const { stdout } = await run('npx', ['tsx', 'bench/siasn-child.ts', JSON.stringify(env), nightly], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildResult;
    if (process.env.BENCH_DEBUG) console.log(stdout.trim().split('\n').at(-1));
    const expected = result.requests / rate;
    console.log(
      `siasn ${kind}: ${count} employees, ${result.requests} requests at ${rate} req/s in ${result.seconds.toFixed(1)} s ` +
        `(requests ÷ rate = ${expected.toFixed(1)} s, ratio ${(result.seconds / expected).toFixed(3)}; employees ÷ rate = ${(count / rate).toFixed(1)} s); ` +
        `${result.changed} changed, ${result.unchanged} unchanged, ${result.unknown} unknown, ${result.failed} failed, ` +
        `${result.retries} retries${result.retries ? ` (${Object.entries(result.retryReasons).map(([k, v]) => `${k} ×${v}`).join(', ')})` : ''}; LAYANI CPU ${result.cpuSeconds.toFixed(1)} s (${((result.cpuSeconds / result.requests) * 1000).toFixed(2)} ms/request); ` +
        `load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores; peak RSS ${result.peakRssMb.toFixed(0)} MB (target ≤ 300 MB; ${result.baselineRssMb.toFixed(0)} MB before the sync started)`,
    );
  } finally {
    await runtime.close().catch(() => undefined);
    await fake.stop();
    await database.drop();
  }
}
