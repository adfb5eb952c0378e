/**
 * Proves the local protocol fakes work with the REAL clients (grammY, Bolt,
 * @slack/web-api, openai) over real HTTP on 127.0.0.1.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Bot, GrammyError, InputFile, webhookCallback } from 'grammy';
import { autoRetry } from '@grammyjs/auto-retry';
import { App, LogLevel } from '@slack/bolt';
import { WebClient, WebClientEvent, type WebAPIPlatformError } from '@slack/web-api';
import OpenAI from 'openai';
import { FakeTelegram } from '../fakes/fake-telegram.js';
import { FakeSlack, slackSignature } from '../fakes/fake-slack.js';
import { FakeOpenAI, messageText } from '../fakes/fake-openai.js';

function deferred<T = void>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let t: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(t)),
    new Promise<never>((_, reject) => {
      t = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
    }),
  ]);
}

// ---------------------------------------------------------------------------
// Telegram
// ---------------------------------------------------------------------------

describe('FakeTelegram with grammY', () => {
  const tg = new FakeTelegram();
  let apiRoot = '';
  const alice = { id: 5001, first_name: 'Alice', username: 'alice_asn' };

  beforeAll(async () => {
    apiRoot = (await tg.start()).url;
  });
  afterAll(() => tg.stop());

  const newBot = (token = tg.token): Bot => new Bot(token, { client: { apiRoot } });

  it('getMe and sendMessage return Bot API shapes; wrong token is 401', async () => {
    const bot = newBot();
    const me = await bot.api.getMe();
    expect(me).toMatchObject({ id: 123456789, is_bot: true, username: 'layani_test_bot' });

    const msg = await bot.api.sendMessage(alice.id, '<b>Halo</b> Alice', {
      parse_mode: 'HTML',
      reply_markup: { inline_keyboard: [[{ text: 'OK', callback_data: 'ok' }]] },
    });
    expect(msg.message_id).toBe(1);
    expect(msg.chat).toMatchObject({ id: alice.id, type: 'private' });
    expect(msg.from?.username).toBe('layani_test_bot');
    expect(typeof msg.date).toBe('number');
    expect(msg.text).toBe('Halo Alice');
    expect(tg.sent(alice.id).map((m) => m.text)).toEqual(['Halo Alice']);
    expect(tg.callsTo('sendMessage').at(-1)?.params).toMatchObject({ chat_id: alice.id, parse_mode: 'HTML' });

    // Telegram-side validation the real server would do
    await expect(bot.api.sendMessage(alice.id, 'Gaji naik 5.5%!', { parse_mode: 'MarkdownV2' })).rejects.toMatchObject({
      error_code: 400,
      description: expect.stringContaining("Character '.' is reserved"),
    });
    await expect(bot.api.editMessageText(alice.id, msg.message_id, 'Halo Alice', {
      reply_markup: { inline_keyboard: [[{ text: 'OK', callback_data: 'ok' }]] },
    })).rejects.toMatchObject({ error_code: 400, description: expect.stringContaining('message is not modified') });

    const bad = newBot('999:wrong');
    const err = await bad.api.getMe().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GrammyError);
    expect((err as GrammyError).error_code).toBe(401);
    expect((err as GrammyError).description).toBe('Unauthorized');
  });

  it('long polling: bot.start() receives a pushed update, replies, and bot.stop() confirms the offset', async () => {
    const bot = newBot();
    const got = deferred<string>();
    bot.command('start', async (ctx) => {
      await ctx.reply(`Selamat datang, ${ctx.from?.first_name}`, {
        reply_markup: { inline_keyboard: [[{ text: 'Cuti', callback_data: 'menu:leave' }]] },
      });
    });
    bot.on('callback_query:data', async (ctx) => {
      await ctx.answerCallbackQuery({ text: 'ok' });
      await ctx.editMessageText(`Pilihan: ${ctx.callbackQuery.data}`);
      got.resolve(ctx.callbackQuery.data);
    });
    const started = deferred();
    const running = bot.start({ onStart: () => started.resolve() });
    try {
      await withTimeout(started.promise, 2000, 'bot start');
      tg.userSends(alice, '/start');
      const reply = await tg.waitForCall('sendMessage', (c) => String(c.params.text).startsWith('Selamat'));
      expect(reply.params.chat_id).toBe(alice.id);
      const botMsg = tg.sent(alice.id).at(-1)!;
      tg.userPressesButton(alice, botMsg.message_id, 'menu:leave');
      expect(await withTimeout(got.promise, 2000, 'callback handler')).toBe('menu:leave');
    } finally {
      await bot.stop();
      await running;
    }
    expect(tg.answeredCallbacks.at(-1)).toMatchObject({ text: 'ok' });
    expect(tg.lastText(alice.id)).toBe('Pilihan: menu:leave');
    // every update was confirmed by the final getUpdates(offset) in bot.stop()
    expect(tg.pendingUpdates()).toEqual([]);
    expect(tg.callsTo('getUpdates').at(-1)?.params).toMatchObject({ limit: 1 });
  });

  it('a 429 with retry_after is retried by @grammyjs/auto-retry', async () => {
    const bot = newBot();
    bot.api.config.use(autoRetry({ maxRetryAttempts: 2 }));
    tg.failNext('sendMessage', { error_code: 429, retry_after: 1 });
    const before = tg.callsTo('sendMessage').length;
    const t0 = Date.now();
    const msg = await bot.api.sendMessage(alice.id, 'after flood wait');
    expect(msg.text).toBe('after flood wait');
    const attempts = tg.callsTo('sendMessage').slice(before);
    expect(attempts.map((c) => c.injected ?? 'ok')).toEqual(['error_code:429', 'ok']);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(950);
    expect(Date.now() - t0).toBeLessThan(3000);

    // without auto-retry the error surfaces with parameters.retry_after
    tg.failNext('sendMessage', { error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    await expect(newBot().api.sendMessage(alice.id, 'x')).rejects.toMatchObject({ error_code: 403 });
  });

  it('sendDocument with an InputFile from a Buffer arrives as multipart with its bytes', async () => {
    const bot = newBot();
    const bytes = Buffer.from('%PDF-1.4\nslip gaji Maret\n%%EOF\n');
    const msg = await bot.api.sendDocument(alice.id, new InputFile(bytes, 'slip-gaji.pdf'), { caption: 'Slip gaji' });
    expect(msg.document).toMatchObject({ file_name: 'slip-gaji.pdf', mime_type: 'application/pdf', file_size: bytes.length });
    expect(msg.caption).toBe('Slip gaji');

    const call = tg.callsTo('sendDocument').at(-1)!;
    expect(call.encoding).toBe('multipart');
    expect(call.params.chat_id).toBe(alice.id);
    expect(tg.fileBytes(msg.document!.file_id)?.equals(bytes)).toBe(true);

    // and can be fetched back the way bots download files
    const file = await bot.api.getFile(msg.document!.file_id);
    const res = await fetch(tg.fileUrl(file.file_path!));
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('webhook mode: injected updates are POSTed with the secret-token header', async () => {
    const bot = newBot();
    const seen = deferred<string>();
    bot.on('message:document', async (ctx) => {
      const f = await ctx.getFile();
      const body = await (await fetch(tg.fileUrl(f.file_path!))).text();
      seen.resolve(`${ctx.message.document.file_name}:${body}`);
    });
    await bot.init();
    const server: Server = createServer(webhookCallback(bot, 'http', { secretToken: 's3cret' }));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tg`;
      tg.webhookTarget(url, 'wrong-secret');
      tg.userSends(alice, 'ignored');
      await tg.webhookIdle();
      expect(tg.deliveries.at(-1)?.status).toBe(401);

      tg.webhookTarget(url, 's3cret');
      tg.userSendsDocument(alice, { bytes: Buffer.from('a;b\n1;2\n'), file_name: 'absen.csv' });
      expect(await withTimeout(seen.promise, 2000, 'webhook handler')).toBe('absen.csv:a;b\n1;2\n');
      await tg.webhookIdle();
      expect(tg.deliveries.at(-1)?.status).toBe(200);
    } finally {
      tg.webhookTarget(null);
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

// ---------------------------------------------------------------------------
// Slack
// ---------------------------------------------------------------------------

describe('FakeSlack with @slack/web-api and Bolt', () => {
  const slack = new FakeSlack({
    signingSecret: 'signing-secret-123',
    users: [{ id: 'U0ALICE', name: 'alice', real_name: 'Alice Rahma', email: 'alice@kemenkeu.example' }],
    channels: [{ id: 'C0HR', name: 'hr-desk', members: ['U0ALICE', 'U0BUDI'] }],
  });
  const token = 'xoxb-test-token';
  let apiUrl = '';
  const fast = { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 20 };

  beforeAll(async () => {
    await slack.start();
    apiUrl = slack.apiUrl;
  });
  afterAll(() => slack.stop());

  it('auth.test works and a wrong token is invalid_auth', async () => {
    const client = new WebClient(token, { slackApiUrl: apiUrl, retryConfig: fast, logLevel: LogLevel.ERROR });
    const auth = await client.auth.test();
    expect(auth).toMatchObject({ ok: true, user_id: slack.botUserId, team_id: slack.teamId, bot_id: slack.botId });
    expect(slack.callsTo('auth.test').at(-1)).toMatchObject({ token, encoding: 'form' });

    const bad = new WebClient('xoxb-nope', { slackApiUrl: apiUrl, retryConfig: fast, logLevel: LogLevel.ERROR });
    const err = (await bad.auth.test().catch((e: unknown) => e)) as WebAPIPlatformError;
    expect(err.data.error).toBe('invalid_auth');
  });

  it('chat.postMessage in a thread, members and users.info', async () => {
    const client = new WebClient(token, { slackApiUrl: apiUrl, retryConfig: fast, logLevel: LogLevel.ERROR });
    const parent = await client.chat.postMessage({ channel: 'C0HR', text: 'Pengajuan cuti #12' });
    expect(parent.ts).toMatch(/^\d+\.\d{6}$/);
    const reply = await client.chat.postMessage({
      channel: 'C0HR',
      thread_ts: parent.ts!,
      text: 'Disetujui',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Disetujui*' } }],
    });
    expect(reply).toMatchObject({ ok: true, channel: 'C0HR', message: { thread_ts: parent.ts } });
    expect(slack.thread('C0HR', parent.ts!).map((m) => m.text)).toEqual(['Disetujui']);
    expect(slack.sent('C0HR')[0]).toMatchObject({ reply_count: 1, latest_reply: reply.ts });
    // blocks were sent JSON-encoded inside the form body and decoded by the fake
    expect(slack.callsTo('chat.postMessage').at(-1)?.params.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '*Disetujui*' } },
    ]);

    const members = await client.conversations.members({ channel: 'C0HR', limit: 2 });
    expect(members.members).toEqual(['U0ALICE', 'U0BUDI']);
    expect(members.response_metadata?.next_cursor).not.toBe('');
    const user = await client.users.info({ user: 'U0ALICE' });
    expect(user.user?.profile?.email).toBe('alice@kemenkeu.example');
    // (bypass the typed wrapper: the SDK types already forbid a message without text/blocks)
    await expect(client.apiCall('chat.postMessage', { channel: 'C0HR' })).rejects.toMatchObject({ data: { error: 'no_text' } });
  });

  it('filesUploadV2 runs getUploadURLExternal → upload_url → completeUploadExternal', async () => {
    const client = new WebClient(token, { slackApiUrl: apiUrl, retryConfig: fast, logLevel: LogLevel.ERROR });
    const parent = await client.chat.postMessage({ channel: 'C0HR', text: 'Rekap absensi' });
    const bytes = Buffer.from('nip;hadir\n1987;20\n');
    const res = await client.filesUploadV2({
      channel_id: 'C0HR',
      thread_ts: parent.ts!,
      file: bytes,
      filename: 'rekap.csv',
      initial_comment: 'Terlampir',
    });
    expect(res.ok).toBe(true);
    expect(slack.calls.map((c) => c.method).slice(-3)).toEqual([
      'files.getUploadURLExternal',
      'upload_url',
      'files.completeUploadExternal',
    ]);
    const upload = [...slack.uploads.values()].at(-1)!;
    expect(upload).toMatchObject({ filename: 'rekap.csv', declared_length: bytes.length, completed: true, thread_ts: parent.ts });
    expect(upload.bytes?.equals(bytes)).toBe(true);
    const shared = slack.thread('C0HR', parent.ts!).at(-1)!;
    expect(shared.text).toBe('Terlampir');
    expect(shared.files?.[0]).toMatchObject({ name: 'rekap.csv', size: bytes.length });
  });

  it('a 429 with Retry-After is waited out and retried by WebClient', async () => {
    const client = new WebClient(token, { slackApiUrl: apiUrl, retryConfig: fast, logLevel: LogLevel.ERROR });
    const limited: number[] = [];
    client.on(WebClientEvent.RATE_LIMITED, (sec: number) => limited.push(sec));
    slack.failNext('chat.postMessage', 'ratelimited', { retryAfterSec: 1 });
    const before = slack.callsTo('chat.postMessage').length;
    const res = await client.chat.postMessage({ channel: 'C0HR', text: 'setelah rate limit' });
    expect(res.ok).toBe(true);
    expect(limited).toEqual([1]);
    const attempts = slack.callsTo('chat.postMessage').slice(before);
    expect(attempts.map((c) => c.injected ?? 'ok')).toEqual(['ratelimited', 'ok']);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(950);
  });

  describe('Bolt app (HTTPReceiver) receiving signed requests', () => {
    let app: App | undefined;
    afterEach(async () => {
      await app?.stop();
      app = undefined;
    });

    it('runs the message handler for a signed event and rejects a forged signature with 401', async () => {
      const signingSecret = 'signing-secret-123';
      app = new App({ token, signingSecret, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: apiUrl, retryConfig: fast } });
      const handled: string[] = [];
      const replied = deferred();
      app.message(async ({ message, say }) => {
        if (message.subtype !== undefined) return;
        handled.push(message.text ?? '');
        await say({ text: `Diterima: ${message.text}`, thread_ts: message.ts });
        replied.resolve();
      });
      const opened = deferred();
      app.action('approve', async ({ ack, body, client }) => {
        await ack();
        await client.views.open({
          trigger_id: (body as { trigger_id: string }).trigger_id,
          view: { type: 'modal', title: { type: 'plain_text', text: 'Persetujuan' }, blocks: [] },
        });
        opened.resolve();
      });
      const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
      const eventsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;

      const forged = await slack.signedRequest(eventsUrl, slack.messageEvent({ channel: 'C0HR', user: 'U0ALICE', text: 'palsu' }), {
        forgeSignature: true,
      });
      expect(forged.status).toBe(401);
      const stale = await slack.signedRequest(eventsUrl, slack.messageEvent({ channel: 'C0HR', user: 'U0ALICE', text: 'basi' }), {
        timestamp: Math.floor(Date.now() / 1000) - 600,
      });
      expect(stale.status).toBe(401);

      const event = slack.messageEvent({ channel: 'C0HR', user: 'U0ALICE', text: 'minta slip gaji' });
      const ok = await slack.signedRequest(eventsUrl, event);
      expect(ok.status).toBe(200);
      await withTimeout(replied.promise, 3000, 'Bolt message handler');
      expect(handled).toEqual(['minta slip gaji']);
      const eventTs = (event.kind === 'json' ? (event.body.event as { ts: string }) : undefined)!.ts;
      expect(slack.thread('C0HR', eventTs).map((m) => m.text)).toEqual(['Diterima: minta slip gaji']);

      // interactivity: form-encoded payload=..., trigger_id usable for views.open
      const botMsg = slack.sent('C0HR').at(-1)!;
      const click = await slack.signedRequest(
        eventsUrl,
        slack.blockAction({ user: 'U0ALICE', channel: 'C0HR', message_ts: botMsg.ts, action_id: 'approve', value: '12' }),
      );
      expect(click.status).toBe(200);
      await withTimeout(opened.promise, 3000, 'Bolt action handler');
      expect(slack.openedViews.at(-1)).toMatchObject({ type: 'modal', title: { text: 'Persetujuan' } });

      // sanity: the signature helper matches Slack's documented example
      expect(
        slackSignature(
          '8f742231b10e8888abcd99yyyzzz85a5',
          1531420618,
          'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
        ),
      ).toBe('v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503');
    });
  });
});

// ---------------------------------------------------------------------------
// OpenAI
// ---------------------------------------------------------------------------

describe('FakeOpenAI with the openai SDK', () => {
  const llm = new FakeOpenAI({
    reply: (req) =>
      req.response_format?.type === 'json_schema'
        ? '{"intent":"slip_gaji","confidence":0.93}'
        : `Jawaban untuk: ${messageText(req.messages.at(-1))}`,
  });
  let client: OpenAI;

  beforeAll(async () => {
    await llm.start();
    client = new OpenAI({ apiKey: 'sk-test-key', baseURL: llm.baseURL, maxRetries: 0 });
  });
  afterAll(() => llm.stop());

  it('chat.completions.create gets the scripted answer and the request is recorded', async () => {
    const res = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'Kamu asisten kepegawaian.' },
        { role: 'user', content: 'Kapan gaji ke-13 cair?' },
      ],
    });
    expect(res.choices[0]?.message.content).toBe('Jawaban untuk: Kapan gaji ke-13 cair?');
    expect(res.choices[0]?.finish_reason).toBe('stop');
    expect(llm.lastCompletion()?.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(llm.requests.at(-1)?.headers.authorization).toBe('Bearer sk-test-key');

    const structured = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'slip gaji bulan lalu dong' }],
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'intent', strict: true, schema: { type: 'object', properties: { intent: { type: 'string' } } } },
      },
    });
    expect(JSON.parse(structured.choices[0]!.message.content!)).toEqual({ intent: 'slip_gaji', confidence: 0.93 });
    expect(llm.lastCompletion()?.response_format?.json_schema?.name).toBe('intent');
  });

  it('streams, lists models, scripts errors and checks the API key', async () => {
    llm.replyOnce({ content: 'Halo dari stream', delayMs: 20 });
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('Halo dari stream');

    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toContain('gpt-4o-mini');

    llm.failNext({ status: 429, error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } });
    await expect(client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({
      status: 429,
      code: 'rate_limit_exceeded',
    });

    await expect(
      client.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'no keyword here' }],
        response_format: { type: 'json_object' },
      }),
    ).rejects.toMatchObject({ status: 400 });

    const wrong = new OpenAI({ apiKey: 'sk-wrong', baseURL: llm.baseURL, maxRetries: 0 });
    await expect(wrong.models.list()).rejects.toMatchObject({ status: 401, code: 'invalid_api_key' });
  });
});
