import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { InlineKeyboardButton, InlineKeyboardMarkup, Message, User } from 'grammy/types';
import { startApp, type App } from '../../api/app.js';
import { cliActor, systemActor, type Actor } from '../../core/auth/actor.js';
import { fixedClock } from '../../core/clock/clock.js';
import { parseConfig } from '../../core/config/load-config.js';
import type { DatabaseKind } from '../../core/db/database-url.js';
import { createLogger } from '../../core/logging/logger.js';
import type { Attachment } from '../../core/outbox/outbox-intent.js';
import type { EmployeeRecord } from '../../core/records/employee.js';
import { FakeSlack, type SlackInbound } from '../fakes/fake-slack.js';
import { FakeTelegram, type FakeTelegramOptions } from '../fakes/fake-telegram.js';
import { channels, signingSecret, users } from './slack-desk.js';
import { generateEmployees } from './generate-employees.js';
import { createTestDatabase, type TestDatabase } from './test-databases.js';

/** Tuesday 24 November 2026, 09:00 WIB: ConsDesk is open, so the core adds no office-hours notes. */
export const tuesdayMorning = '2026-11-24T02:00:00Z';

export const webhookSecret = 'test-webhook-secret_123';

export type TestClock = ReturnType<typeof fixedClock>;

export interface SeededEmployee {
  id: string;
  agencyId: string;
  nip: string;
  name: string;
}

export interface TelegramHarness {
  kind: DatabaseKind;
  fake: FakeTelegram;
  /** The running app; replaced by `restart()`. */
  app: App;
  /** FakeSlack when the harness was started with `slack: true` (channels and users of test/support/slack-desk). */
  slack: FakeSlack | null;
  clock: TestClock;
  database: TestDatabase;
  /** the webhook URL the app registered (webhook mode only) */
  webhookUrl: string | null;
  /** Every line the app logged (pino JSON, debug level and up). */
  logs: string[];
  /** A Telegram user nobody has used yet in this harness. */
  newUser(overrides?: Partial<User>): User & { id: number };
  /** A new employee (its own NIP each call, or `record` as given) and a fresh link code for them. */
  newEmployee(record?: Partial<EmployeeRecord>): Promise<{ employee: SeededEmployee; code: string }>;
  /** A Telegram user linked to a new employee through the core, without bot traffic. */
  linkedUser(record?: Partial<EmployeeRecord>): Promise<{ user: User & { id: number }; employee: SeededEmployee; actor: Actor }>;
  /** A staff member's messages on their tickets, oldest first. */
  staffMessages(employeeId: string): Promise<Array<{ text: string; attachments: Attachment[] }>>;
  /** Outbox rows about one ticket (Slack card and thread messages), oldest first. */
  outboxFor(ticketId: string): Promise<Array<{ kind: string; status: string; payload: Record<string, unknown> }>>;
  /** Texts (or captions) the bot has sent into a chat, oldest first. */
  texts(chatId: number): string[];
  /** Waits for a bot message in the chat whose text matches. */
  waitForMessage(chatId: number, pattern: RegExp | string, timeoutMs?: number): Promise<Message & { text?: string; caption?: string }>;
  /** Stops the app (as a deployment would) and starts it again on the same database, fakes and clock. */
  restart(): Promise<void>;
  /** POSTs a signed request to the app's /slack/events (Slack harnesses only). */
  slackSend(body: SlackInbound): ReturnType<FakeSlack['signedRequest']>;
  stop(): Promise<void>;
}

/** The inline keyboard of a bot message. */
export function keyboardOf(message: Message | undefined): InlineKeyboardButton[][] | undefined {
  return (message?.reply_markup as InlineKeyboardMarkup | undefined)?.inline_keyboard;
}

/** The callback data of a button (undefined for URL and other buttons). */
export const callbackData = (button: InlineKeyboardButton): string | undefined => (button as { callback_data?: string }).callback_data;

/** The current text of a bot message (after edits). */
export function textOf(message: Message | undefined): string | undefined {
  return (message as { text?: string } | undefined)?.text;
}

/** Polls `check` until it returns something truthy. */
export async function until<T>(check: () => T | Promise<T>, what = 'condition', timeoutMs = 5000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let userCounter = 0;

/**
 * A running LAYANI (startApp) with the real Telegram adapter against a FakeTelegram, on a fresh database of `kind`.
 * Slack is not configured: its outbox messages stay pending, which the tests may inspect.
 */
export async function startTelegramHarness(
  kind: DatabaseKind,
  options: { webhook?: boolean; env?: Record<string, string>; fake?: FakeTelegramOptions; slack?: boolean; telegramDownAtStart?: boolean } = {},
): Promise<TelegramHarness> {
  const fake = new FakeTelegram(options.fake);
  await fake.start();
  // Telegram unreachable while LAYANI starts (every request answered with a TCP reset); the test restores it.
  if (options.telegramDownAtStart) fake.setOutage(true);
  const slack = options.slack
    ? new FakeSlack({
        signingSecret,
        users: Object.values(users).map((id) => ({ id, name: id.toLowerCase(), real_name: id })),
        channels: [
          { id: channels.triage, name: 'layani-triase', members: [users.officer, users.officer2] },
          { id: channels.confidential, name: 'layani-rahasia', is_private: true, members: [users.lead] },
          { id: channels.feedback, name: 'layani-saran', members: [users.officer, users.lead] },
        ],
      })
    : null;
  await slack?.start();
  const database = await createTestDatabase(kind);
  const clock = fixedClock(tuesdayMorning);
  const env: Record<string, string> = {
    DATABASE_URL: database.url,
    LOG_LEVEL: 'silent',
    // Webhook mode needs the URL (with its port) before the app starts, so the port is picked here.
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.url,
  };
  let webhookUrl: string | null = null;
  if (options.webhook) {
    webhookUrl = `http://127.0.0.1:${env.PORT}/telegram/webhook`;
    env.TELEGRAM_WEBHOOK_URL = webhookUrl;
    env.TELEGRAM_WEBHOOK_SECRET = webhookSecret;
  }
  if (slack) {
    Object.assign(env, {
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: slack.apiUrl,
      SLACK_TRIAGE_CHANNEL: channels.triage,
      SLACK_CONFIDENTIAL_CHANNEL: channels.confidential,
      SLACK_FEEDBACK_CHANNEL: channels.feedback,
    });
  }
  const logs: string[] = [];
  const log = createLogger('debug', { write: (line: string) => void logs.push(line) });
  const config = parseConfig({ ...env, ...options.env });
  const start = () => startApp(config, { clock, log, schedule: false, outboxPollMs: 50, adapterRetryMs: 100, adapterStartWaitMs: 1000 });
  let app: App;
  try {
    app = await start();
  } catch (error) {
    await fake.stop();
    await slack?.stop();
    await database.drop();
    throw error;
  }
  const pool = generateEmployees(400, 20261124 + userCounter);
  let poolIndex = 0;

  const newUser = (overrides: Partial<User> = {}) => {
    userCounter += 1;
    const id = 710_000_000 + (process.pid % 1000) * 10_000 + userCounter;
    return { id, is_bot: false, first_name: `Pegawai${userCounter}`, language_code: 'id', ...overrides } as User & { id: number };
  };

  const newEmployee = async (record?: Partial<EmployeeRecord>) => {
    const full: EmployeeRecord = { ...pool[poolIndex++]!, ...record };
    const admin = harness.app.runtime.callerFor(cliActor);
    const { employee } = await admin.records.upsert({ record: full });
    const { code } = await admin.identity.issueLinkCode({ nip: employee.nip });
    return { employee: { id: employee.id, agencyId: employee.agencyId, nip: employee.nip, name: employee.name }, code };
  };

  const harness: TelegramHarness = {
    kind,
    fake,
    app,
    slack,
    clock,
    database,
    webhookUrl,
    logs,
    newUser,
    newEmployee,
    async linkedUser(record) {
      const { employee, code } = await newEmployee(record);
      const user = newUser();
      await harness.app.runtime.callerFor(systemActor).identity.linkWithCode({
        code,
        platform: 'telegram',
        externalId: String(user.id),
      });
      const actor: Actor = { ref: `telegram:${user.id}`, role: 'staff', employeeId: employee.id, agencyId: employee.agencyId };
      return { user, employee, actor };
    },
    async staffMessages(employeeId) {
      const rows = await harness.app.runtime.db.ticketMessage.findMany({
        where: { direction: 'staff', ticket: { requesterId: employeeId } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
      return rows.map((m) => ({ text: m.text, attachments: JSON.parse(m.attachments) as Attachment[] }));
    },
    async outboxFor(ticketId) {
      const rows = await harness.app.runtime.db.outboxMessage.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
      return rows
        .filter((m) => (JSON.parse(m.payload) as { ticketId?: string }).ticketId === ticketId)
        .map((m) => ({ kind: m.kind, status: m.status, payload: JSON.parse(m.payload) as Record<string, unknown> }));
    },
    texts(chatId) {
      return fake.sent(chatId).map((m) => (m as { text?: string; caption?: string }).text ?? (m as { caption?: string }).caption ?? '');
    },
    async waitForMessage(chatId, pattern, timeoutMs = 5000) {
      const matches = (text: string) => (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text));
      return until(
        () => fake.sent(chatId).find((m) => matches((m as { text?: string }).text ?? (m as { caption?: string }).caption ?? '')),
        `a bot message matching ${String(pattern)} in chat ${chatId}`,
        timeoutMs,
      );
    },
    async restart() {
      await harness.app.stop();
      harness.app = await start();
    },
    slackSend(body) {
      if (!slack) throw new Error('start the harness with slack: true');
      return slack.signedRequest(`${harness.app.url}/slack/events`, body);
    },
    async stop() {
      await harness.app.stop();
      await fake.stop();
      await slack?.stop();
      await database.drop();
    },
  };
  return harness;
}

/** The newest bot message in a chat whose text contains `pattern` (waits for it). */
export function lastMessageWith(h: TelegramHarness, chatId: number, pattern: string): Promise<Message> {
  return until(() => [...h.fake.sent(chatId)].reverse().find((m) => textOf(m)?.includes(pattern)), `a message with "${pattern}" in chat ${chatId}`);
}

/** Presses the button labelled `label` under a message as it stands now (after any edits). */
export function pressButton(h: TelegramHarness, user: { id: number }, message: Message, label: string | RegExp): void {
  const current = h.fake.getMessage(user.id, message.message_id);
  const button = keyboardOf(current)
    ?.flat()
    .find((b) => (typeof label === 'string' ? b.text === label : label.test(b.text)));
  if (!button) throw new Error(`no button ${String(label)} under: ${JSON.stringify(keyboardOf(current))}`);
  h.fake.userPressesButton(user, message.message_id, callbackData(button)!);
}
