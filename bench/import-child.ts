// Runs one import in its own process so that its peak RSS is measured alone. Prints one JSON line.
import { importEmployeeFile } from '../cli/commands/import-employees.js';
import { parseConfig } from '../core/config/load-config.js';
import { createLogger } from '../core/logging/logger.js';
import { startRuntime } from '../core/runtime.js';

const [file, url] = process.argv.slice(2);
const runtime = await startRuntime(parseConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }), { log: createLogger('silent') });
const started = performance.now();
const report = await importEmployeeFile(runtime, file!, {});
const seconds = (performance.now() - started) / 1000;
await runtime.close();
console.log(JSON.stringify({ seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, imported: report.imported, problems: report.problems.length }));
