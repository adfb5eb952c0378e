/**
 * Soak test (not in CI): LAYANI as a real process under hours of mixed traffic through the local fakes, sampling
 * its RSS, heap and event-loop lag from /metrics. Exits non-zero when RSS grows after warm-up, when LAYANI logged
 * errors, when a request failed, or when the outbox does not drain at the end.
 *
 *   SOAK_MINUTES=120 (default)   SOAK_RATE=5 actions/s   SOAK_SAMPLE_SECONDS=30   SOAK_STAFF=60
 *   SOAK_OUTAGES=1: a 15 s Telegram outage every 10 minutes (retries are where leaks hide)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliActor } from '../core/auth/actor.js';
import { parseConfig } from '../core/config/load-config.js';
import { createLogger } from '../core/logging/logger.js';
import { startRuntime } from '../core/runtime.js';
import { FakeSlack } from '../test/fakes/fake-slack.js';
import { FakeTelegram } from '../test/fakes/fake-telegram.js';
import { startAppProcess } from '../test/support/app-process.js';
import { generateEmployees, seededRandom } from '../test/support/generate-employees.js';
import { sampleValue } from '../test/support/prometheus-text.js';
import { until } from '../test/support/telegram-harness.js';
import { pickAction, type TrafficContext } from './traffic.js';

const minutes = Number(process.env.SOAK_MINUTES ?? 120);
const rate = Number(process.env.SOAK_RATE ?? 5);
const sampleSeconds = Number(process.env.SOAK_SAMPLE_SECONDS ?? 30);
const staffCount = Number(process.env.SOAK_STAFF ?? 60);
const outages = process.env.SOAK_OUTAGES !== '0';
const signingSecret = 'soak-signing-secret';
const triage = 'C0TRIAGE';
const confidential = 'G0RAHASIA';
const officer = 'U0OFFICER';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number | undefined) => (bytes === undefined ? NaN : bytes / 1024 / 1024);

interface Sample {
  minute: number;
  rssMb: number;
  heapMb: number;
  /** What V8 has reserved for the heap, and memory held outside it (buffers): where RSS goes when the heap does not. */
  heapTotalMb: number;
  externalMb: number;
  lagP99Ms: number;
  outbox: number;
  messagesIn: number;
  messagesOut: number;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'layani-soak-'));
  const databaseUrl = process.env.SOAK_DATABASE_URL ?? `file:${join(dir, 'layani.db')}`;
  const telegram = new FakeTelegram();
  const slack = new FakeSlack({
    signingSecret,
    tokens: ['xoxb-soak-token'],
    users: [{ id: officer, name: 'petugas', real_name: 'Petugas HR' }],
    channels: [
      { id: triage, name: 'layani-triase', members: [officer] },
      { id: confidential, name: 'layani-rahasia', is_private: true, members: [officer] },
    ],
  });
  await Promise.all([telegram.start(), slack.start()]);

  // Staff and their link codes, written before LAYANI starts (as HR would with the CLI).
  const seed = await startRuntime(parseConfig({ DATABASE_URL: databaseUrl }), { log: createLogger('silent'), watchCorpus: false });
  const codes: string[] = [];
  for (const person of generateEmployees(staffCount, 2026)) {
    await seed.callerFor(cliActor).records.upsert({ record: person });
    codes.push((await seed.callerFor(cliActor).identity.issueLinkCode({ nip: person.nip })).code);
  }
  await seed.close();

  const levels = { warn: 0, error: 0, errorDuringOutage: 0 };
  // Injected outages, with 10 s after each for retries to settle: errors then are the outage's, reported apart.
  const outageWindows: Array<[number, number]> = [];
  const duringOutage = (at: number) => outageWindows.some(([from, to]) => at >= from && at <= to);
  const errorSamples: string[] = [];
  const warnSamples = new Map<string, number>();
  // The last lines LAYANI logged, to say why it ended if it ends before the soak does.
  const recent: string[] = [];
  const app = await startAppProcess(
    {
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'info',
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.url,
      SLACK_BOT_TOKEN: 'xoxb-soak-token',
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: slack.apiUrl,
      SLACK_TRIAGE_CHANNEL: triage,
      SLACK_CONFIDENTIAL_CHANNEL: confidential,
    },
    {
      onLog: (entry) => {
        recent.push(JSON.stringify(entry).slice(0, 300));
        if (recent.length > 8) recent.shift();
        const level = Number(entry.level);
        if (level >= 50 && duringOutage(Date.parse(String(entry.time)))) levels.errorDuringOutage += 1;
        else if (level >= 50) {
          levels.error += 1;
          if (errorSamples.length < 10) errorSamples.push(JSON.stringify(entry).slice(0, 300));
        } else if (level >= 40) {
          levels.warn += 1;
          const msg = String(entry.msg);
          warnSamples.set(msg, (warnSamples.get(msg) ?? 0) + 1);
        }
      },
    },
  );

  const users = codes.map((_, i) => 610_000 + i);
  codes.forEach((code, i) => telegram.userSends(users[i]!, `/start ${code}`));
  await until(() => users.every((u) => telegram.sent(u).length > 0), 'every staff member to be greeted', 60_000);

  const driverErrors: string[] = [];
  const t: TrafficContext = {
    telegram,
    slack,
    appUrl: app.url,
    signingSecret,
    triage,
    officer,
    users,
    random: seededRandom(42),
    error: (what) => void driverErrors.push(what),
  };
  const counts = new Map<string, number>();
  const samples: Sample[] = [];
  const started = Date.now();
  const endAt = started + minutes * 60_000;
  let outageCount = 0;

  const sample = async () => {
    const text = await (await fetch(`${app.url}/metrics`)).text();
    const s: Sample = {
      minute: (Date.now() - started) / 60_000,
      rssMb: mb(sampleValue(text, 'process_resident_memory_bytes')),
      heapMb: mb(sampleValue(text, 'nodejs_heap_size_used_bytes')),
      heapTotalMb: mb(sampleValue(text, 'nodejs_heap_size_total_bytes')),
      externalMb: mb(sampleValue(text, 'nodejs_external_memory_bytes')),
      lagP99Ms: (sampleValue(text, 'nodejs_eventloop_lag_p99_seconds') ?? NaN) * 1000,
      outbox: (sampleValue(text, 'layani_outbox_pending', { channel: 'telegram' }) ?? 0) + (sampleValue(text, 'layani_outbox_pending', { channel: 'slack' }) ?? 0),
      messagesIn: (sampleValue(text, 'layani_messages_in_total', { platform: 'telegram' }) ?? 0) + (sampleValue(text, 'layani_messages_in_total', { platform: 'slack' }) ?? 0),
      messagesOut: (sampleValue(text, 'layani_messages_out_total', { platform: 'telegram' }) ?? 0) + (sampleValue(text, 'layani_messages_out_total', { platform: 'slack' }) ?? 0),
    };
    samples.push(s);
    console.log(
      `${s.minute.toFixed(1).padStart(6)}  ${s.rssMb.toFixed(1).padStart(7)}  ${s.heapMb.toFixed(1).padStart(7)}  ${s.heapTotalMb.toFixed(1).padStart(8)}  ${s.externalMb.toFixed(1).padStart(6)}  ${s.lagP99Ms.toFixed(1).padStart(10)}  ${String(s.outbox).padStart(6)}  ${String(s.messagesIn).padStart(8)}  ${String(s.messagesOut).padStart(8)}`,
    );
  };

  console.log(`LAYANI soak: ${minutes} min, ${rate} actions/s, ${databaseUrl.startsWith('file:') ? 'SQLite' : 'PostgreSQL'}, ${staffCount} staff, Telegram outages ${outages ? 'every 10 min' : 'off'}`);
  console.log('   min   RSS MB  heap MB  heap res  ext MB  lag p99 ms  outbox  msgs in  msgs out');
  await sample();
  let nextSample = Date.now() + sampleSeconds * 1000;
  let nextOutage = started + 10 * 60_000 - 30_000;
  let sent = 0;
  const inflight = new Set<Promise<void>>();
  while (Date.now() < endAt) {
    if (app.child.exitCode !== null || app.child.signalCode !== null) {
      // A crash leaves no "stopped cleanly" line; a signal from outside leaves "shutting down" with its name.
      console.log(`LAYANI ended during the soak at minute ${((Date.now() - started) / 60_000).toFixed(1)}: exit ${app.child.exitCode}, signal ${app.child.signalCode}`);
      for (const line of recent) console.log(`  ${line}`);
      if (app.stderr()) console.log(app.stderr().slice(-2000));
      console.log('soak: FAILED');
      process.exit(1);
    }
    const due = Math.floor(((Date.now() - started) / 1000) * rate);
    while (sent < due) {
      const action = pickAction(t.random);
      counts.set(action.name, (counts.get(action.name) ?? 0) + 1);
      const work = Promise.resolve(action.run(t)).catch((error: unknown) => t.error(`${action.name}: ${(error as Error).message}`));
      inflight.add(work);
      void work.finally(() => inflight.delete(work));
      sent += 1;
    }
    if (outages && Date.now() >= nextOutage && Date.now() + 15_000 < endAt) {
      nextOutage += 10 * 60_000;
      outageCount += 1;
      outageWindows.push([Date.now(), Date.now() + 25_000]);
      telegram.setOutage(true);
      setTimeout(() => telegram.setOutage(false), 15_000).unref();
    }
    if (Date.now() >= nextSample) {
      nextSample += sampleSeconds * 1000;
      await sample().catch((error: unknown) => console.log(`  (sample failed: ${(error as Error).message})`));
      // The fakes keep every call; the driver does not need them, and they are not what is being measured.
      telegram.calls.splice(0);
      slack.calls.splice(0);
    }
    await sleep(20);
  }
  telegram.setOutage(false);
  await Promise.all([...inflight]);

  // Everything sent must get out: the outbox drains once traffic stops.
  const drainStarted = Date.now();
  let drained = false;
  while (Date.now() - drainStarted < 120_000) {
    const text = await (await fetch(`${app.url}/metrics`)).text();
    const pending = (sampleValue(text, 'layani_outbox_pending', { channel: 'telegram' }) ?? 0) + (sampleValue(text, 'layani_outbox_pending', { channel: 'slack' }) ?? 0);
    if (pending === 0) {
      drained = true;
      break;
    }
    await sleep(500);
  }
  const drainSeconds = (Date.now() - drainStarted) / 1000;
  const finalMetrics = await (await fetch(`${app.url}/metrics`)).text();
  const total = (name: string) => (sampleValue(finalMetrics, name, { platform: 'telegram' }) ?? 0) + (sampleValue(finalMetrics, name, { platform: 'slack' }) ?? 0);
  const finalCounts = { in: total('layani_messages_in_total'), out: total('layani_messages_out_total') };
  const stopped = await app.terminate();
  await Promise.all([telegram.stop(), slack.stop()]);
  if (databaseUrl.startsWith('file:')) rmSync(dir, { recursive: true, force: true });

  // RSS after warm-up: the first third of the remaining samples against the last third.
  const warmup = Math.min(10, Math.max(2, minutes * 0.2));
  const steady = samples.filter((s) => s.minute >= warmup);
  const third = Math.max(1, Math.floor(steady.length / 3));
  const avg = (xs: Sample[]) => xs.reduce((sum, s) => sum + s.rssMb, 0) / xs.length;
  const early = avg(steady.slice(0, third));
  const late = avg(steady.slice(-third));
  const growth = late - early;
  const slope = regressionSlope(steady.map((s) => [s.minute / 60, s.rssMb]));
  const judged = steady.length >= 3;
  const stable = !judged || growth <= Math.max(10, early * 0.05);
  const peak = Math.max(...samples.map((s) => s.rssMb));

  console.log('');
  console.log(`Actions: ${sent} (${[...counts].sort((a, b) => b[1] - a[1]).map(([name, n]) => `${name} ${n}`).join(', ')})`);
  console.log(`Messages: ${finalCounts.in} in, ${finalCounts.out} out; ${outageCount} Telegram outages of 15 s injected`);
  console.log(`Outbox after traffic stopped: ${drained ? `empty after ${drainSeconds.toFixed(1)} s` : 'NOT drained within 120 s'}`);
  console.log(
    `Errors: ${levels.error} error log lines, ${driverErrors.length} failed requests; during injected outages ${levels.errorDuringOutage} error lines (replies that could not be sent); ${levels.warn} warnings`,
  );
  for (const line of [...errorSamples, ...driverErrors.slice(0, 10)]) console.log(`  ${line}`);
  for (const [msg, n] of [...warnSamples].sort((a, b) => b[1] - a[1]).slice(0, 5)) console.log(`  warning ×${n}: ${msg}`);
  console.log(`Shutdown: exit ${stopped.code} after ${stopped.ms} ms`);
  console.log(
    judged
      ? `RSS after ${warmup.toFixed(0)} min warm-up: ${early.toFixed(1)} MB → ${late.toFixed(1)} MB (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB, slope ${slope.toFixed(1)} MB/h), peak ${peak.toFixed(1)} MB: ${stable ? 'stable' : 'GROWING'}`
      : `RSS peak ${peak.toFixed(1)} MB; the run is too short to judge growth after the ${warmup.toFixed(0)} min warm-up`,
  );
  const ok = stable && drained && levels.error === 0 && driverErrors.length === 0 && stopped.code === 0;
  console.log(ok ? 'soak: passed' : 'soak: FAILED');
  process.exit(ok ? 0 : 1);
}

function regressionSlope(points: Array<[number, number]>): number {
  if (points.length < 2) return 0;
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

main().catch((error: unknown) => {
  console.error('soak failed to run:', error);
  process.exit(1);
});
