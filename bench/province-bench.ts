import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { cliActor } from '../core/auth/actor.js';
import { parseConfig } from '../core/config/load-config.js';
import { bulkInsert } from '../core/db/bulk-insert.js';
import { createLogger } from '../core/logging/logger.js';
import { sendDigest } from '../core/reminders/digest/send-digest.js';
import { runReminderPass, type ReminderEnv } from '../core/reminders/reminder-pass.js';
import { saveEmployees } from '../core/records/save-employees.js';
import { startRuntime, type Runtime } from '../core/runtime.js';
import { wibInstant } from '../core/scheduling/jakarta-time.js';
import { FakeSlack } from '../test/fakes/fake-slack.js';
import { FakeTelegram } from '../test/fakes/fake-telegram.js';
import { startAppProcess, type AppProcess } from '../test/support/app-process.js';
import { generateEmployees } from '../test/support/generate-employees.js';
import { createTestDatabase } from '../test/support/test-databases.js';
import { collectLatencies } from './arrivals.js';
import { drive } from './drive.js';
import { ms, summarise } from './stats.js';

/*
 * The province: 40 agencies, 10,000 staff, one PostgreSQL database and two LAYANI instances (real processes, as
 * deployed), with Telegram and Slack played by the fakes in this process. Telegram's webhook is played by this
 * process too: it posts each staff message to one of the instances in turn (a load balancer) and many at a time,
 * as Telegram does (up to 40 connections), where the fake would post one at a time.
 *
 * Measures: the Telegram→Slack relay at 200 msg/s alone and while a province-wide broadcast is being sent; the
 * broadcast's rate against the configured Telegram rate, duplicates and 429s; the reminder pass and digest for
 * every agency; each instance's peak RSS.
 */

const agencies = 40;
const staffPerAgency = 250;
const signingSecret = 'bench-signing-secret';
const slackToken = 'xoxb-bench-token';
const triage = 'C0TRIAGE';
const webhookSecret = 'bench-webhook-secret';
/** Each relay sender writes at most 12 messages a minute (the flood limit is 20). */
const relaySenders = 1000;
const firstChat = 800_000_000;
/** A Tuesday morning: the reminder pass of a business day. */
const reminderDay = '2027-03-02';

const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

/** A memory figure of a process from /proc/<pid>/status (Linux), in MB: VmRSS now, VmHWM its peak so far. */
function memoryMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const kb = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb ? Number(kb) / 1024 : NaN;
}

/** CPU time a process has used so far (Linux: utime + stime in /proc/<pid>/stat), in ms. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of the line, in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The machine's load: on a shared machine it explains more of a latency than the code does. */
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

export async function benchProvince(options: { relayRate: number; relaySeconds: number; telegramRate: number }): Promise<void> {
  const { relayRate, relaySeconds, telegramRate } = options;
  const telegram = new FakeTelegram({ rateLimit: { globalPerSecond: telegramRate } });
  const deskChannels = [triage, 'C0BKPSDMD', ...Array.from({ length: agencies - 2 }, (_, i) => `C0OPD${i + 1}`)];
  const slack = new FakeSlack({ signingSecret, tokens: [slackToken], channels: deskChannels.map((id) => ({ id, name: id.toLowerCase(), members: [] })) });
  await Promise.all([telegram.start(), slack.start()]);
  const database = await createTestDatabase('postgresql');
  let runtime: Runtime | null = null;
  const instances: AppProcess[] = [];
  const label = '[province]';
  try {
    // --- The province in the database: agencies, staff, linked chats.
    let started = Date.now();
    runtime = await startRuntime(parseConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent', SLACK_TRIAGE_CHANNEL: triage }), { log: createLogger('silent'), watchCorpus: false });
    const db = runtime.db;
    // The default agency, the province HR bureau and 38 more, each with its own triage channel (its digest goes there).
    await db.agency.create({ data: { code: 'BKPSDMD', name: 'Badan Kepegawaian dan Pengembangan SDM Daerah', province: true, triageChannel: 'C0BKPSDMD' } });
    await db.agency.createMany({
      data: Array.from({ length: agencies - 2 }, (_, i) => ({ code: `OPD${String(i + 1).padStart(2, '0')}`, name: `Perangkat Daerah ${i + 1}`, triageChannel: `C0OPD${i + 1}` })),
    });
    const agencyRows = await db.agency.findMany({ orderBy: { code: 'asc' } });
    const people = generateEmployees(agencies * staffPerAgency, 2040);
    for (const [index, agency] of agencyRows.entries()) {
      await saveEmployees(db, cliActor, agency.id, people.slice(index * staffPerAgency, (index + 1) * staffPerAgency));
    }
    const employees = await db.employee.findMany({ select: { id: true, nip: true, agencyId: true }, orderBy: { nip: 'asc' } });
    const chatOf = new Map(employees.map((e, i) => [e.id, firstChat + i]));
    await db.$transaction((tx) =>
      bulkInsert(tx, 'postgresql', 'ChatIdentity', ['id', 'employeeId', 'platform', 'externalId', 'linkedAt'], employees.map((e) => [randomUUID(), e.id, 'telegram', String(chatOf.get(e.id)), new Date()])),
    );
    console.log(`${label} ${agencyRows.length} agencies, ${employees.length} staff, all linked to Telegram: seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);

    // --- Two instances, as deployed: Telegram by webhook, Slack over HTTP, the same database.
    const env = {
      DATABASE_URL: database.url,
      // info, as deployed (and the start line says where each instance listens).
      LOG_LEVEL: 'info',
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.url,
      TELEGRAM_WEBHOOK_URL: 'https://layani.example.go.id/telegram/webhook',
      TELEGRAM_WEBHOOK_SECRET: webhookSecret,
      TELEGRAM_MESSAGES_PER_SECOND: String(telegramRate),
      SLACK_BOT_TOKEN: slackToken,
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: slack.apiUrl,
      SLACK_TRIAGE_CHANNEL: triage,
      ...(process.env.DATABASE_POOL_SIZE ? { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE } : {}),
      // Node's own flags for the instances (e.g. --max-old-space-size), when a deployment sets them.
      ...(process.env.BENCH_INSTANCE_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_INSTANCE_NODE_OPTIONS } : {}),
    };
    const errors: string[] = [];
    for (let i = 0; i < 2; i++) {
      instances.push(await startAppProcess(env, { onLog: (entry) => void (Number(entry.level) >= 50 && errors.length < 20 && errors.push(String(entry.msg))) }));
    }
    // Where each instance's memory peaks: sampled every 100 ms and kept per phase of the benchmark.
    let phase = 'relay setup';
    const phasePeaks = new Map<string, number[]>();
    const sampler = setInterval(() => {
      const peaks = phasePeaks.get(phase) ?? instances.map(() => 0);
      instances.forEach((instance, i) => (peaks[i] = Math.max(peaks[i]!, memoryMb(instance.child.pid!, 'VmRSS') || 0)));
      phasePeaks.set(phase, peaks);
    }, 100);
    sampler.unref();
    // And what V8 holds of it (from each instance's /metrics, once a second): live heap, heap reserved, external.
    const heapPeaks = new Map<string, Array<{ used: number; total: number; external: number }>>();
    const metric = (text: string, name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? NaN) / 1048576;
    const heapSampler = setInterval(() => {
      const current = phase;
      instances.forEach((instance, i) => {
        void fetch(`${instance.url}/metrics`)
          .then((response) => response.text())
          .then((text) => {
            const peaks = heapPeaks.get(current) ?? instances.map(() => ({ used: 0, total: 0, external: 0 }));
            const peak = peaks[i]!;
            peak.used = Math.max(peak.used, metric(text, 'nodejs_heap_size_used_bytes') || 0);
            peak.total = Math.max(peak.total, metric(text, 'nodejs_heap_size_total_bytes') || 0);
            peak.external = Math.max(peak.external, metric(text, 'nodejs_external_memory_bytes') || 0);
            heapPeaks.set(current, peaks);
          })
          .catch(() => undefined);
      });
    }, 1000);
    heapSampler.unref();
    const printPhasePeaks = () => {
      clearInterval(heapSampler);
      console.log(`${label} RSS peak by phase: ${[...phasePeaks].map(([name, peaks]) => `${name} ${peaks.map((mb) => mb.toFixed(0)).join('/')} MB`).join(', ')}`);
      console.log(
        `${label} V8 heap peak by phase (used/reserved/external, MB): ` +
          [...heapPeaks].map(([name, peaks]) => `${name} ${peaks.map((p) => `${p.used.toFixed(0)}/${p.total.toFixed(0)}/${p.external.toFixed(0)}`).join(' and ')}`).join(', '),
      );
    };
    console.log(`${label} two instances on one PostgreSQL database (pool ${process.env.DATABASE_POOL_SIZE ?? 10} each), Telegram limit in the fake and the app: ${telegramRate} msg/s`);

    // --- Relay senders: each with an open ticket whose card is in Slack.
    started = Date.now();
    const senders = employees.filter((_, i) => i % Math.floor(employees.length / relaySenders) === 0).slice(0, relaySenders);
    const caller = runtime.callerFor.bind(runtime);
    for (let i = 0; i < senders.length; i += 20) {
      await Promise.all(
        senders.slice(i, i + 20).map((sender) =>
          caller({ ref: `telegram:${chatOf.get(sender.id)}`, role: 'staff', employeeId: sender.id, agencyId: sender.agencyId }).tickets.open({ category: 'lainnya', text: 'pembuka', lang: 'id' }),
        ),
      );
    }
    await drained(db, 180_000);
    const threadOf = new Map((await db.ticket.findMany({ select: { requesterId: true, slackTs: true } })).map((t) => [t.requesterId, t.slackTs]));
    const threads = senders.map((s) => ({ userId: chatOf.get(s.id)!, ts: threadOf.get(s.id)! }));
    console.log(`${label} relay setup: ${threads.length} staff with open tickets and cards in Slack in ${((Date.now() - started) / 1000).toFixed(0)} s`);

    // Telegram's side of the webhook: every update goes to the next instance, at most 40 at a time to each (the
    // webhook's default max_connections); the rest wait their turn, as they would at Telegram.
    let updateId = 1;
    let refused = 0;
    /** How long each webhook request took, from leaving this process to its answer: the instance's share. */
    let webhookMs: number[] = [];
    const inflight = new Set<Promise<void>>();
    const lanes = instances.map(() => ({ busy: 0, waiting: [] as Array<() => void> }));
    const post = (userId: number, text: string) => {
      const index = updateId % instances.length;
      const instance = instances[index]!;
      const lane = lanes[index]!;
      const update = {
        update_id: updateId++,
        message: { message_id: updateId, date: Math.floor(Date.now() / 1000), text, from: { id: userId, is_bot: false, first_name: 'Pegawai' }, chat: { id: userId, type: 'private', first_name: 'Pegawai' } },
      };
      const send = async () => {
        lane.busy += 1;
        const sentAt = Date.now();
        try {
          const response = await fetch(`${instance.url}/telegram/webhook`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': webhookSecret },
            body: JSON.stringify(update),
          });
          await response.arrayBuffer();
          webhookMs.push(Date.now() - sentAt);
          if (!response.ok) refused += 1;
        } catch {
          refused += 1;
        } finally {
          lane.busy -= 1;
          lane.waiting.shift()?.();
        }
      };
      const request: Promise<void> = (lane.busy < 40 ? send() : new Promise<void>((resolve) => lane.waiting.push(resolve)).then(send)).finally(() =>
        inflight.delete(request),
      );
      inflight.add(request);
    };

    const relay = async (which: 'quiet' | 'busy', description: string) => {
      if (which === 'quiet') phase = 'relay';
      const sentAt = new Map<string, number>();
      const cpuBefore = instances.map((instance) => cpuMs(instance.child.pid!));
      const phaseStarted = Date.now();
      const loadBefore = loadAverage();
      webhookMs = [];
      // This process plays Telegram and Slack: when its own event loop lags, arrivals are stamped late.
      const ownDelay = monitorEventLoopDelay({ resolution: 10 });
      ownDelay.enable();
      await drive(relayRate, relaySeconds, (i) => {
        const thread = threads[i % threads.length]!;
        const token = `t2s-${which}-${i}`;
        sentAt.set(token, Date.now());
        post(thread.userId, `pertanyaan ${token}`);
      });
      await Promise.all([...inflight]);
      const latencies = await collectLatencies(sentAt, () => slack.callsTo('chat.postMessage').map((c) => ({ text: String(c.params.text ?? ''), at: c.at })), /t2s-(?:quiet|busy)-\d+/);
      ownDelay.disable();
      const s = summarise(latencies);
      const webhook = summarise(webhookMs);
      const cpu = instances.map((instance, i) => cpuMs(instance.child.pid!) - cpuBefore[i]!);
      const elapsed = Date.now() - phaseStarted;
      console.log(
        `${label} relay Telegram→Slack at ${relayRate} msg/s for ${relaySeconds} s, ${description}: ${s.count}/${sentAt.size} delivered, p50 ${ms(s.p50)}, p99 ${ms(s.p99)} (target ≤ 100 ms)` +
          (refused > 0 ? `; ${refused} webhook requests failed` : ''),
      );
      console.log(
        `${label}   instances' CPU: ${cpu.map((used) => `${((used / elapsed) * 100).toFixed(0)}% of a core`).join(', ')}; ` +
          `${(cpu.reduce((a, b) => a + b, 0) / sentAt.size).toFixed(1)} ms CPU per relayed message in all; machine load average ${loadBefore} (2 cores)`,
      );
      console.log(
        `${label}   of which the webhook request (stored and queued): p50 ${ms(webhook.p50)}, p99 ${ms(webhook.p99)}; ` +
          `event loop delay of this process (the fakes) p99 ${ms(ownDelay.percentile(99) / 1e6)}, max ${ms(ownDelay.max / 1e6)}`,
      );
    };

    // --- 1. The relay with nothing else going on.
    await relay('quiet', 'nothing else running');
    // BENCH_PROVINCE_PHASES=relay measures the relay alone (for profiling it; the broadcast takes minutes).
    if (process.env.BENCH_PROVINCE_PHASES === 'relay') {
      clearInterval(sampler);
      printPhasePeaks();
      return;
    }

    // --- 2. A province-wide broadcast to every member of staff, with the relay running during its fan-out.
    phase = 'broadcast';
    const sendsBefore = telegram.callsTo('sendMessage').length;
    const broadcastStarted = Date.now();
    // The province HR bureau announces to every agency's staff at once; the instances are woken by NOTIFY from
    // this process, not by their minute tick.
    const bureau = agencyRows.find((agency) => agency.province)!;
    await runtime
      .callerFor({ ref: 'bench:bkpsdmd', role: 'hr_lead', employeeId: null, agencyId: bureau.id, province: true })
      .broadcasts.create({ title: 'Pengumuman provinsi', text: 'Apel gabungan Hari Jadi Provinsi, Senin pukul 07.30 WIB.', audience: { everyone: true, province: true } });
    const relayDuringBroadcast = relay('busy', 'during the broadcast fan-out');
    // Queued in chunks: the outbox can run dry between two chunks, so wait for the run to be queued in full first.
    const queuedBy = Date.now() + 10 * 60_000;
    while ((await db.broadcastRun.count()) === 0 || (await db.broadcastRun.count({ where: { status: 'expanding' } })) > 0) {
      if (Date.now() > queuedBy) throw new Error('the province broadcast was not queued within 10 minutes');
      await sleep(250);
    }
    const queuedAfter = (Date.now() - broadcastStarted) / 1000;
    await drained(db, 30 * 60_000);
    const broadcastEnded = Date.now();
    await relayDuringBroadcast;
    const sends = telegram.callsTo('sendMessage').slice(sendsBefore).filter((c) => Number(c.params.chat_id) >= firstChat);
    const accepted = sends.filter((c) => !c.injected);
    const perChat = new Map<number, number>();
    for (const call of accepted) perChat.set(Number(call.params.chat_id), (perChat.get(Number(call.params.chat_id)) ?? 0) + 1);
    const delivered = perChat.size;
    const duplicates = [...perChat.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    const limited = sends.filter((c) => c.injected === 'rate-limited').length;
    const firstAt = accepted[0]?.at ?? broadcastStarted;
    const lastAt = accepted.at(-1)?.at ?? broadcastEnded;
    const seconds = (lastAt - firstAt) / 1000;
    const rate = (accepted.length - 1) / seconds;
    console.log(
      `${label} broadcast to ${employees.length} staff in ${agencyRows.length} agencies: queued in full after ${queuedAfter.toFixed(1)} s, first message after ${((firstAt - broadcastStarted) / 1000).toFixed(1)} s, ` +
        `${delivered} delivered in ${seconds.toFixed(1)} s = ${rate.toFixed(1)} msg/s; rate ÷ configured ${telegramRate} msg/s = ${(rate / telegramRate).toFixed(3)} (target ≥ 0.9); ` +
        `duplicates ${duplicates} (target 0); 429 answers ${limited}`,
    );

    // --- 3. The reminder pass and the digest for every agency, as the 07:30 tick runs them.
    phase = 'reminders';
    const reminderEnv: ReminderEnv = { db, careerRules: runtime.settings.careerRules, log: runtime.log };
    const now = wibInstant(reminderDay, 7, 30);
    started = performance.now();
    const cpuAtStart = process.cpuUsage();
    const reminderLoad = loadAverage();
    let recorded = 0;
    for (const agency of agencyRows) {
      const summary = await runReminderPass(reminderEnv, agency.id, now);
      recorded += summary.telegram + summary.digest + summary.muted + summary.superseded;
    }
    const passSeconds = (performance.now() - started) / 1000;
    const digestStarted = performance.now();
    let digests = 0;
    for (const agency of agencyRows) {
      // Each agency's digest to its own channel, as the scheduler's digest work sends it.
      const channel = await runtime.settings.agencies.channelFor(agency.id, 'digest');
      if (channel && (await sendDigest(reminderEnv, runtime.settings.businessCalendar, agency.id, channel, new Date(now.getTime() + 60_000)))) digests += 1;
    }
    const digestSeconds = (performance.now() - digestStarted) / 1000;
    const cpu = process.cpuUsage(cpuAtStart);
    console.log(
      `${label} reminder pass for ${agencyRows.length} agencies (${recorded} reminders recorded) ${passSeconds.toFixed(2)} s + digest of each agency to its own channel ` +
        `(${digests} queued) ${digestSeconds.toFixed(2)} s = ${(passSeconds + digestSeconds).toFixed(2)} s (target ≤ 5 s); ` +
        `CPU of this process ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (the database's not counted); machine load average ${reminderLoad} (2 cores)`,
    );

    clearInterval(sampler);
    printPhasePeaks();
    const peaks = instances.map((instance) => memoryMb(instance.child.pid!, 'VmHWM'));
    console.log(`${label} peak RSS per instance: ${peaks.map((mb) => `${mb.toFixed(0)} MB`).join(', ')} (target ≤ 400 MB)`);
    if (errors.length > 0) console.log(`${label} errors the instances logged: ${[...new Set(errors)].join('; ')}`);
  } finally {
    for (const instance of instances) await instance.terminate().catch(() => undefined);
    await runtime?.close();
    await Promise.all([telegram.stop(), slack.stop()]);
    await database.drop();
  }
}

/** Waits until nothing is left in the outbox. */
async function drained(db: Runtime['db'], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await db.outboxMessage.count({ where: { status: 'pending' } })) > 0) {
    if (Date.now() > deadline) throw new Error(`the outbox did not drain within ${timeoutMs / 1000} s`);
    await sleep(250);
  }
}
