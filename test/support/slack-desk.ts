/**
 * Helpers for end-to-end tests of the Slack desk: LAYANI (startApp) with the real Bolt/WebClient against FakeSlack.
 */
import { startApp, type App } from '../../api/app.js';
import type { SlackAdapter } from '../../bots/slack/index.js';
import { cliActor, systemActor, type Actor } from '../../core/auth/actor.js';
import { fixedClock } from '../../core/clock/clock.js';
import { parseConfig } from '../../core/config/load-config.js';
import type { DatabaseKind } from '../../core/db/database-url.js';
import { createLogger } from '../../core/logging/logger.js';
import type { Attachment } from '../../core/outbox/outbox-intent.js';
import type { TicketCategoryId } from '../../core/tickets/categories.js';
import { FakeSlack, type SlackInbound, type SlackMessage } from '../fakes/fake-slack.js';
import { employeeRecord } from './employees.js';
import { createTestDatabase, type TestDatabase } from './test-databases.js';

export const signingSecret = 'slack-signing-secret-test';
export const channels = { triage: 'C0TRIAGE', confidential: 'G0RAHASIA', feedback: 'C0SARAN' } as const;
export const users = {
  officer: 'U0RINA',
  officer2: 'U0SARI',
  lead: 'U0HENDRA',
  stranger: 'U0ORANGLAIN',
} as const;
export const staffChatId = '5001';
/** Tuesday 9 April 2030, 08.00 WIB: a business day, and later than the real time the outbox stamps rows with. */
export const startTime = '2030-04-09T01:00:00Z';

export function waitFor<T>(check: () => T | Promise<T>, what: string, timeoutMs = 5000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const tick = async (): Promise<void> => {
      try {
        const value = await check();
        if (value) return resolve(value as NonNullable<T>);
      } catch (error) {
        if (Date.now() > deadline) return reject(error);
      }
      if (Date.now() > deadline) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(() => void tick(), 15);
    };
    void tick();
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface SlackDesk {
  fake: FakeSlack;
  app: App;
  slack: SlackAdapter;
  clock: ReturnType<typeof fixedClock>;
  database: TestDatabase;
  eventsUrl: string;
  agencyId: string;
  employeeId: string;
  staff: Actor;
  /** Staff opens a ticket through the core (as the Telegram bot would). */
  openTicket(category: TicketCategoryId, text: string, attachments?: Attachment[]): Promise<{ ticketId: string; number: number }>;
  /** Waits for Slack handlers in flight and for every Slack outbox message that is due. */
  settle(): Promise<void>;
  /** POSTs a signed request to /slack/events. */
  send(body: SlackInbound, options?: Parameters<FakeSlack['signedRequest']>[2]): ReturnType<FakeSlack['signedRequest']>;
  stop(): Promise<void>;
}

/** `config`: extra settings for this desk (e.g. FAQ_CORPUS_DIR pointing at a temp copy of the corpus). */
export async function startSlackDesk(kind: DatabaseKind, options: { config?: Record<string, string> } = {}): Promise<SlackDesk> {
  const fake = new FakeSlack({
    signingSecret,
    users: [
      { id: users.officer, name: 'rina', real_name: 'Rina Lestari', display_name: 'Rina' },
      { id: users.officer2, name: 'sari', real_name: 'Sari Wijaya', display_name: 'Sari' },
      { id: users.lead, name: 'hendra', real_name: 'Hendra Pratama' },
      { id: users.stranger, name: 'orang', real_name: 'Orang Lain' },
    ],
    channels: [
      { id: channels.triage, name: 'layani-triase', members: [users.officer, users.officer2] },
      { id: channels.confidential, name: 'layani-rahasia', is_private: true, members: [users.lead] },
      { id: channels.feedback, name: 'layani-saran', members: [users.officer, users.lead] },
    ],
  });
  await fake.start();
  const database = await createTestDatabase(kind);
  const clock = fixedClock(startTime);
  const config = parseConfig({
    DATABASE_URL: database.url,
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: fake.apiUrl,
    SLACK_TRIAGE_CHANNEL: channels.triage,
    SLACK_CONFIDENTIAL_CHANNEL: channels.confidential,
    SLACK_FEEDBACK_CHANNEL: channels.feedback,
    ...options.config,
  });
  const app = await startApp(config, { clock, schedule: false, outboxPollMs: 50, log: createLogger(process.env.LAYANI_TEST_LOG_LEVEL ?? 'silent') });
  const slack = app.adapters.find((a): a is SlackAdapter => a.name === 'slack');
  if (!slack) throw new Error('the Slack adapter did not start');
  const { runtime } = app;

  const admin = runtime.callerFor(cliActor);
  const employee = (await admin.records.upsert({ record: employeeRecord() })).employee;
  const agencyId = (await runtime.db.employee.findUniqueOrThrow({ where: { id: employee.id } })).agencyId;
  const { code } = await admin.identity.issueLinkCode({ nip: employeeRecord().nip });
  await runtime.callerFor(systemActor).identity.redeemLinkCode({ code, platform: 'telegram', externalId: staffChatId });
  const staff: Actor = { ref: 'test:staff', role: 'staff', employeeId: employee.id, agencyId };

  const settle = async () => {
    await slack.whenIdle();
    await waitFor(
      async () =>
        (await runtime.db.outboxMessage.count({ where: { channel: 'slack', status: 'pending', nextAttemptAt: { lte: clock.now() } } })) === 0,
      'the Slack outbox to drain',
    );
  };

  return {
    fake,
    app,
    slack,
    clock,
    database,
    eventsUrl: `${app.url}/slack/events`,
    agencyId,
    employeeId: employee.id,
    staff,
    async openTicket(category, text, attachments = []) {
      const opened = await runtime.callerFor(staff).tickets.open({ category, text, attachments, lang: 'id' });
      return { ticketId: opened.ticketId, number: opened.number };
    },
    settle,
    send: (body, options) => fake.signedRequest(`${app.url}/slack/events`, body, options),
    async stop() {
      await app.stop();
      await fake.stop();
      await database.drop();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading what the bot posted
// ---------------------------------------------------------------------------------------------------------------

/** Every string inside a message's blocks, one per line: enough to check what a card says. */
export function blockText(message: Pick<SlackMessage, 'blocks'> | undefined): string {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.text === 'string') out.push(record.text);
      for (const [key, child] of Object.entries(record)) if (key !== 'text' || typeof child !== 'string') walk(child);
    }
  };
  walk(message?.blocks ?? []);
  return out.join('\n');
}

/** action_ids of the card's controls, in order. */
export function actionIdsOf(message: Pick<SlackMessage, 'blocks'> | undefined): string[] {
  const blocks = (message?.blocks ?? []) as Array<{ type?: string; elements?: Array<{ action_id?: string }> }>;
  return blocks.filter((b) => b.type === 'actions').flatMap((b) => (b.elements ?? []).map((e) => e.action_id ?? ''));
}

/** Option values of one static select on the card. */
export function selectOptions(message: Pick<SlackMessage, 'blocks'> | undefined, actionId: string): string[] {
  const blocks = (message?.blocks ?? []) as Array<{ type?: string; elements?: Array<{ action_id?: string; options?: Array<{ value: string }> }> }>;
  const select = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === actionId);
  return (select?.options ?? []).map((o) => o.value);
}

/** Top-level messages (cards) the bot posted in a channel for ticket `number`. */
export function cardsOf(fake: FakeSlack, channel: string, number: number): SlackMessage[] {
  return fake
    .sent(channel)
    .filter((m) => !m.thread_ts || m.thread_ts === m.ts)
    .filter((m) => blockText(m).includes(`Tiket #${number} `));
}

// ---------------------------------------------------------------------------------------------------------------
// Inbound payloads FakeSlack has no builder for
// ---------------------------------------------------------------------------------------------------------------

/** A user picks an option in a static select on a message (block_actions, form-encoded). */
export function selectAction(
  fake: FakeSlack,
  a: { user: string; channel: string; message_ts: string; action_id: string; value: string },
): SlackInbound {
  const base = fake.blockAction({ user: a.user, channel: a.channel, message_ts: a.message_ts, action_id: a.action_id });
  if (base.kind !== 'form' || !base.payload) throw new Error('unexpected blockAction shape');
  const payload = structuredClone(base.payload);
  const [action] = payload.actions as Array<Record<string, unknown>>;
  payload.actions = [
    {
      type: 'static_select',
      action_id: a.action_id,
      block_id: action?.block_id ?? 'layani_ticket',
      selected_option: { text: { type: 'plain_text', text: a.value, emoji: true }, value: a.value },
      placeholder: { type: 'plain_text', text: 'Pilih', emoji: true },
      action_ts: action?.action_ts ?? `${Date.now() / 1000}`,
    },
  ];
  return { kind: 'form', fields: { payload: JSON.stringify(payload) }, payload };
}
