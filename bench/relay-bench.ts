import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startApp } from '../api/app.js';
import { cliActor, systemActor } from '../core/auth/actor.js';
import { parseConfig } from '../core/config/load-config.js';
import type { DatabaseKind } from '../core/db/database-url.js';
import { createLogger } from '../core/logging/logger.js';
import { saveEmployees } from '../core/records/save-employees.js';
import { FakeSlack } from '../test/fakes/fake-slack.js';
import { FakeTelegram } from '../test/fakes/fake-telegram.js';
import { generateEmployees } from '../test/support/generate-employees.js';
import { createTestDatabase } from '../test/support/test-databases.js';
import { countStatements, takeStatementProfile } from './query-counter.js';
import { collectLatencies } from './arrivals.js';
import { drive } from './drive.js';
import { ms, summarise } from './stats.js';

const signingSecret = 'bench-signing-secret';
const triage = 'C0TRIAGE';
const officer = 'U0OFFICER';
/**
 * The Telegram adapter holds back anyone who writes more than 20 messages a minute (FloodGate). The benchmark
 * spreads its rate over enough staff that each writes at most 12 a minute, so it measures the relay, not the
 * deliberate wait of a flooding user (200 staff at 200 msg/s would each write 60 a minute).
 */
const messagesPerStaffPerMinute = 12;
const staffFor = (rates: number[]) => Math.max(200, Math.ceil((Math.max(...rates) * 60) / messagesPerStaffPerMinute));
/** Telegram's overall limit for one bot, which the adapter's throttler keeps to. */
const telegramMessagesPerSecond = 30;

/** The token each relayed message carries: direction, rate and sequence number. */
const relayToken = /(?:t2s|s2t)-\d+-\d+/;

const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

export type RelayDirection = 't2s' | 's2t';

/**
 * Relay latency through the fakes: a staff message on Telegram until it is posted in the Slack thread, and an
 * HR reply in the thread until the bot sends it on Telegram, at a steady rate for `seconds`. Everything runs in
 * this process (app and fakes), so RSS includes the fakes.
 */

export async function benchRelay(kind: DatabaseKind, rates: number[], seconds: number, directions: RelayDirection[] = ['t2s', 's2t']): Promise<void> {
  const statements = countStatements();
  const telegram = new FakeTelegram();
  const slack = new FakeSlack({
    signingSecret,
    tokens: ['xoxb-bench-token'],
    users: [{ id: officer, name: 'petugas', real_name: 'Petugas HR' }],
    channels: [{ id: triage, name: 'layani-triase', members: [officer] }],
  });
  await Promise.all([telegram.start(), slack.start()]);
  const database = await createTestDatabase(kind);
  const config = parseConfig({
    DATABASE_URL: database.url,
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.url,
    SLACK_BOT_TOKEN: 'xoxb-bench-token',
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: slack.apiUrl,
    SLACK_TRIAGE_CHANNEL: triage,
  });
  const app = await startApp(config, { schedule: false, outboxPollMs: 20, log: createLogger('silent') });
  const { runtime } = app;
  const threads: Array<{ userId: number; ts: string }> = [];
  try {
    // Linked staff members, each with an open ticket whose card is already in Slack.
    const setupStarted = Date.now();
    const agency = await runtime.db.agency.findFirstOrThrow();
    const people = generateEmployees(staffFor(rates), 99);
    await saveEmployees(runtime.db, cliActor, agency.id, people);
    for (const [index, person] of people.entries()) {
      const userId = 700_000 + index;
      const { code } = await runtime.callerFor(cliActor).identity.issueLinkCode({ nip: person.nip });
      const { employeeId } = await runtime.callerFor(systemActor).identity.linkWithCode({ code, platform: 'telegram', externalId: String(userId) });
      await runtime.callerFor({ ref: `telegram:${userId}`, role: 'staff', employeeId, agencyId: agency.id }).tickets.open({ category: 'lainnya', text: 'pembuka', lang: 'id' });
      threads.push({ userId, ts: '' });
    }
    for (let waited = 0; ; waited += 100) {
      const pending = await runtime.db.outboxMessage.count({ where: { status: 'pending' } });
      if (pending === 0) break;
      if (waited > Number(process.env.BENCH_SETUP_MS ?? 120_000)) {
        const stuck = await runtime.db.outboxMessage.groupBy({ by: ['kind', 'lastError'], where: { status: 'pending' }, _count: true });
        throw new Error(`setup: ${pending} messages still pending: ${JSON.stringify(stuck)}`);
      }
      await sleep(100);
    }
    const tickets = await runtime.db.ticket.findMany({ include: { messages: false } });
    const identities = await runtime.db.chatIdentity.findMany({ where: { platform: 'telegram' } });
    const userByEmployee = new Map(identities.map((i) => [i.employeeId, Number(i.externalId)]));
    for (const [i, ticket] of tickets.entries()) threads[i] = { userId: userByEmployee.get(ticket.requesterId)!, ts: ticket.slackTs! };
    console.log(
      `[${kind}] relay setup: ${people.length} linked staff with open tickets in ${((Date.now() - setupStarted) / 1000).toFixed(0)} s; ` +
        `at ${Math.max(...rates)} msg/s each writes ${((Math.max(...rates) * 60) / people.length).toFixed(0)} messages a minute (the flood limit is 20)`,
    );

    for (const rate of rates) {
      if (directions.includes('t2s')) await telegramToSlack(rate);
      if (directions.includes('s2t')) await slackToTelegram(rate);
    }
  } finally {
    await app.stop();
    await Promise.all([telegram.stop(), slack.stop()]);
    await database.drop();
  }

  async function telegramToSlack(rate: number): Promise<void> {
    const sentAt = new Map<string, number>();
    const load = measureLoad(statements);
    takeStatementProfile(1);
    await drive(rate, seconds, (i) => {
      const thread = threads[i % threads.length]!;
      const token = `t2s-${rate}-${i}`;
      sentAt.set(token, Date.now());
      telegram.userSends(thread.userId, `pertanyaan ${token}`);
    });
    load.sendingEnded();
    const t2s = await collectLatencies(sentAt, () =>
      slack.callsTo('chat.postMessage').map((c) => ({ text: String(c.params.text ?? ''), at: c.at })),
      relayToken,
    );
    report(kind, `Telegram→Slack at ${rate} msg/s`, t2s, sentAt.size, load.summary(sentAt.size));
    if (process.env.BENCH_DEBUG) {
      const stored = await runtime.db.ticketMessage.findMany({ where: { direction: 'staff', text: { startsWith: `pertanyaan t2s-${rate}-` } }, select: { text: true, createdAt: true } });
      const ingest = stored.map((m) => m.createdAt.getTime() - sentAt.get(m.text.slice('pertanyaan '.length))!);
      report(kind, `  of which Telegram→stored`, ingest, sentAt.size);
      for (const line of takeStatementProfile(sentAt.size)) console.log(`[${kind}]   ${line}`);
    }
  }

  async function slackToTelegram(rate: number): Promise<void> {
    const repliedAt = new Map<string, number>();
    const load = measureLoad(statements);
    const inflight: Promise<unknown>[] = [];
    let refused = 0;
    await drive(rate, seconds, (i) => {
      const thread = threads[i % threads.length]!;
      const token = `s2t-${rate}-${i}`;
      repliedAt.set(token, Date.now());
      const event = slack.messageEvent({ channel: triage, user: officer, text: `jawaban ${token}`, thread_ts: thread.ts });
      // An overloaded app answers late; the fake gives up after 10 s (Slack itself retries after 3 s).
      inflight.push(slack.signedRequest(`${app.url}/slack/events`, event, { signingSecret }).catch(() => (refused += 1)));
    });
    load.sendingEnded();
    await Promise.all(inflight);
    const s2t = await collectLatencies(repliedAt, () =>
      telegram.callsTo('sendMessage').map((c) => ({ text: String(c.params.text ?? ''), at: c.at })),
      relayToken,
    );
    report(kind, `Slack→Telegram at ${rate} msg/s`, s2t, repliedAt.size, load.summary(repliedAt.size));
    if (refused > 0) console.log(`[${kind}]   ${refused} Slack event requests timed out (the app was saturated)`);
    if (rate > telegramMessagesPerSecond) {
      console.log(
        `[${kind}]   Slack→Telegram above ${telegramMessagesPerSecond} msg/s queues by design: Telegram allows a bot ${telegramMessagesPerSecond} messages/s ` +
          `(grammY throttler), so replies drain at that rate and latency grows with the backlog (${rate * seconds} replies need ≥ ${Math.ceil((rate * seconds) / telegramMessagesPerSecond)} s)`,
      );
    }
  }
}

/**
 * SQL statements per message (until the last one arrived) and the process's CPU time over the sending window
 * (app and fakes together, so 100% means one core was busy throughout).
 */
function measureLoad(statements: () => number) {
  const statementsAtStart = statements();
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const startedAt = performance.now();
  const cpuAtStart = process.cpuUsage();
  let cpuPercent = NaN;
  return {
    sendingEnded() {
      const cpu = process.cpuUsage(cpuAtStart);
      cpuPercent = ((cpu.user + cpu.system) / 1000 / (performance.now() - startedAt)) * 100;
      loopDelay.disable();
    },
    summary: (messages: number) =>
      `${((statements() - statementsAtStart) / messages).toFixed(1)} SQL statements/msg, CPU ${cpuPercent.toFixed(0)}%, ` +
      `event loop delay p99 ${(loopDelay.percentile(99) / 1e6).toFixed(0)} ms max ${(loopDelay.max / 1e6).toFixed(0)} ms`,
  };
}

function report(kind: DatabaseKind, label: string, latencies: number[], expected: number, load?: string): void {
  const s = summarise(latencies);
  const rss = process.memoryUsage().rss / 1_048_576;
  const sql = load === undefined ? '' : `, ${load}`;
  console.log(
    `[${kind}] relay ${label}: ${s.count}/${expected} delivered, p50 ${ms(s.p50)}, p99 ${ms(s.p99)}${sql}, RSS ${rss.toFixed(0)} MB`,
  );
}
