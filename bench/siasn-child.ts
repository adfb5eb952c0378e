// Runs one SIASN sync in its own process (the fake SIASN stays in the parent), so that its peak RSS and CPU are
// LAYANI's alone. Prints one JSON line.
import { shiftedClock } from '../core/clock/clock.js';
import { parseConfig } from '../core/config/load-config.js';
import { createLogger } from '../core/logging/logger.js';
import { startRuntime } from '../core/runtime.js';
import { SiasnClient } from '../core/siasn/siasn-client.js';
import { runSiasnSync } from '../core/siasn/siasn-sync.js';

const [env, at] = process.argv.slice(2);
const config = parseConfig({ ...(JSON.parse(env!) as Record<string, string>), LOG_LEVEL: 'silent' });
const runtime = await startRuntime(config, { clock: shiftedClock(at!), log: createLogger('silent'), watchCorpus: false });
const baselineRssMb = process.memoryUsage().rss / 1024 / 1024;
const client = new SiasnClient(runtime.settings.siasn!, { log: runtime.log });
const started = performance.now();
const cpuBefore = process.cpuUsage();
const report = await runSiasnSync(runtime, runtime.settings.siasn!, { trigger: 'nightly', dryRun: false, client });
const seconds = (performance.now() - started) / 1000;
const memory = Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [k, Math.round(v / 1024 / 1024)]));
const cpu = process.cpuUsage(cpuBefore);
client.close();
await runtime.close();
console.log(
  JSON.stringify({
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    requests: client.counts.api,
    retries: client.counts.retries,
    retryReasons: client.counts.retryReasons,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    baselineRssMb,
    memory,
    changed: report.changed,
    unchanged: report.unchanged,
    unknown: report.unknown.length,
    failed: report.failed.length,
    stopped: report.stoppedBecause,
  }),
);
