import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpServer } from '../api/http-server.js';
import { createApiToken } from '../core/auth/api-tokens.js';
import { parseConfig } from '../core/config/load-config.js';
import type { DatabaseKind } from '../core/db/database-url.js';
import { createLogger } from '../core/logging/logger.js';
import { startRuntime } from '../core/runtime.js';
import { employeesCsv, employeesXlsx, generateEmployees } from '../test/support/generate-employees.js';

interface ImportResult {
  seconds: number;
  peakRssMb: number;
  imported: { created: number; updated: number; unchanged: number };
}
import { createTestDatabase } from '../test/support/test-databases.js';
import { ms, summarise } from './stats.js';

const employeeCount = 10_000;

/** Import of 10,000 generated employees (own process, for its peak RSS), then records.me in-process and over HTTP. */
export async function benchRecords(kind: DatabaseKind): Promise<void> {
  const database = await createTestDatabase(kind);
  try {
    const people = generateEmployees(employeeCount, 2026);
    const csv = join(tmpdir(), `layani-bench-${employeeCount}.csv`);
    const xlsx = join(tmpdir(), `layani-bench-${employeeCount}.xlsx`);
    writeFileSync(csv, employeesCsv(people));
    writeFileSync(xlsx, await employeesXlsx(people));
    // The .xlsx run re-imports the same people: it measures the update-by-NIP path (all unchanged) on a full table.
    for (const file of [csv, xlsx]) {
      const output = execFileSync('npx', ['tsx', 'bench/import-child.ts', file, database.url], { encoding: 'utf8' });
      const result = JSON.parse(output.trim().split('\n').at(-1)!) as ImportResult;
      const { created, unchanged } = result.imported;
      console.log(
        `[${kind}] import ${file.endsWith('.csv') ? 'CSV ' : 'XLSX'} ${employeeCount} rows (${created} new, ${unchanged} unchanged): ` +
          `${result.seconds.toFixed(2)} s, peak RSS ${result.peakRssMb.toFixed(0)} MB (targets ≤ 15 s, ≤ 300 MB)`,
      );
    }

    const runtime = await startRuntime(parseConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' }), { log: createLogger('silent') });
    const employees = await runtime.db.employee.findMany({ select: { id: true, agencyId: true }, take: 1000 });
    const callers = employees.map((e) => runtime.callerFor({ ref: `bench:${e.id}`, role: 'staff', employeeId: e.id, agencyId: e.agencyId }));
    for (let i = 0; i < 500; i++) await callers[i % callers.length]!.records.me();
    const inProcess: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const started = performance.now();
      await callers[i % callers.length]!.records.me();
      inProcess.push(performance.now() - started);
    }
    const local = summarise(inProcess);
    console.log(`[${kind}] records.me in-process (${local.count} calls): p50 ${ms(local.p50)}, p99 ${ms(local.p99)} (target p99 ≤ 5 ms)`);

    const tokens: string[] = [];
    for (const e of employees.slice(0, 100)) {
      tokens.push((await createApiToken(runtime.db, { name: 'bench', role: 'staff', employeeId: e.id, agencyId: e.agencyId })).token);
    }
    const server = createHttpServer(runtime);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/trpc/records.me`;
    const call = (i: number) => fetch(url, { headers: { authorization: `Bearer ${tokens[i % tokens.length]}` } }).then((r) => r.arrayBuffer());
    for (let i = 0; i < 200; i++) await call(i);
    const overHttp: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const started = performance.now();
      await call(i);
      overHttp.push(performance.now() - started);
    }
    const http = summarise(overHttp);
    console.log(`[${kind}] records.me over HTTP (${http.count} requests, keep-alive): p50 ${ms(http.p50)}, p99 ${ms(http.p99)}`);
    await new Promise((resolve) => server.close(resolve));
    await runtime.close();
  } finally {
    await database.drop();
  }
}
