import { autoRetry } from '@grammyjs/auto-retry';
import { run, sequentialize, type RunnerHandle } from '@grammyjs/runner';
import { apiThrottler } from '@grammyjs/transformer-throttler';
import { TRPCError } from '@trpc/server';
import { Api, Bot, BotError, GrammyError, HttpError, session, webhookCallback, type Transformer } from 'grammy';
import type { ChatAdapter } from '../../api/chat-adapter.js';
import type { HttpRoutes } from '../../api/http-server.js';
import type { Config } from '../../core/config/config-schema.js';
import { resolveChatActor } from '../../core/identity/resolve-chat-actor.js';
import { isFirstDelivery } from '../../core/inbound/first-delivery.js';
import type { PlatformHealth } from '../../core/health/platform-health.js';
import { withLogContext } from '../../core/logging/log-context.js';
import type { Logger } from '../../core/logging/logger.js';
import type { Metrics } from '../../core/metrics/metrics.js';
import type { AttachmentFetchers } from '../../core/outbox/attachment-files.js';
import { SharedSendBudget } from '../../core/outbox/send-budget.js';
import type { Runtime } from '../../core/runtime.js';
import { sessionKey, sessionStorage, type BotContext, type SessionData } from './context.js';
import { installConversation } from './conversation.js';
import { broadcastReplies } from './broadcast-replies.js';
import { createDelivery } from './delivery.js';
import { DispatchMarks } from './dispatch-marks.js';
import { FloodGate } from './flood.js';
import { storeFailedReplies } from './stored-replies.js';
import { commandNames, createI18n, languages } from './i18n.js';

export const webhookPath = '/telegram/webhook';

/** Updates the bot asks for: edits are relayed to the ticket's thread; reactions and other members' changes are not served. */
const allowedUpdates = ['message', 'edited_message', 'callback_query', 'my_chat_member'] as const;

/** Methods that put a new message into a chat: these count against Telegram's per-chat and global limits. */
const sendingMethods = new Set([
  'sendMessage', 'sendPhoto', 'sendDocument', 'sendVideo', 'sendAudio', 'sendVoice', 'sendAnimation', 'sendSticker',
  'sendVideoNote', 'sendMediaGroup', 'sendLocation', 'sendVenue', 'sendContact', 'sendPoll', 'sendDice',
  'copyMessage', 'copyMessages', 'forwardMessage', 'forwardMessages',
]);

interface WebhookSettings {
  url: string;
  secret: string;
}

/** Webhook mode when TELEGRAM_WEBHOOK_URL is set; it then needs a secret Telegram can send back (A–Z a–z 0–9 _ -). */
function webhookSettings(config: Config): WebhookSettings | null {
  const url = config.TELEGRAM_WEBHOOK_URL;
  if (!url) return null;
  const secret = config.TELEGRAM_WEBHOOK_SECRET;
  if (!secret) {
    throw new Error(
      'TELEGRAM_WEBHOOK_SECRET must be set when TELEGRAM_WEBHOOK_URL is: Telegram sends it with every update, and requests without it are refused',
    );
  }
  if (!/^[A-Za-z0-9_-]{1,256}$/.test(secret)) {
    throw new Error('TELEGRAM_WEBHOOK_SECRET may only contain A–Z, a–z, 0–9, _ and - (1 to 256 characters), as Telegram requires');
  }
  return { url, secret };
}

/** Bot tokens out of anything logged: Bot API URLs carry them (`/bot<token>/method`). */
function scrub(text: string): string {
  return text.replace(/\/bot[^/\s]*/g, '/bot<token>').replace(/\b\d{5,}:[A-Za-z0-9_-]{20,}\b/g, '<token>');
}

const firstLine = (text: string) => scrub(text.split('\n')[0] ?? '').slice(0, 200);

/**
 * What may be logged of an error: no payloads (they hold message text), no URLs with the token, no personal data.
 * Logged under `error` (not `err`, which pino's serializer and the name/code redactions would mangle).
 */
export function loggableError(error: unknown): Record<string, unknown> {
  const inner = error instanceof BotError ? error.error : error;
  if (inner instanceof GrammyError) return { type: 'GrammyError', method: inner.method, status: inner.error_code, description: firstLine(inner.description) };
  if (inner instanceof HttpError) return { type: 'HttpError', message: firstLine(inner.message) };
  if (inner instanceof TRPCError) {
    const cause = inner.code === 'INTERNAL_SERVER_ERROR' && inner.cause instanceof Error ? { cause: firstLine(inner.cause.message) } : {};
    return { type: 'TRPCError', trpc: inner.code, ...cause };
  }
  if (inner instanceof Error) {
    const code = (inner as { code?: unknown }).code;
    return { type: inner.name, ...(typeof code === 'string' ? { errorCode: code } : {}), message: firstLine(inner.message) };
  }
  return { type: typeof inner };
}

/**
 * Telegram's flood limits (30 messages/s overall by default, 1/s per chat, 20/min per group) for new messages only.
 * The plugin spaces the *starts* of calls; requests reach Telegram a few ms apart from that, so chats get a 10%
 * margin and the overall rate 3%. Evenly spaced rather than a reservoir refilled each second: a refill lets 30 go
 * at the end of one second and 30 more at the start of the next, which Telegram's moving window answers with 429.
 */
function sendingThrottler(perSecond: number, shared: SharedSendBudget | null): Transformer {
  const throttler = apiThrottler({
    // With a shared budget the overall rate is kept across instances (sharedRate below); only chats are spaced here.
    global: { maxConcurrent: null, minTime: shared ? 0 : sendingIntervalMs(perSecond) },
    // A limiter per private chat, dropped 10 s after its last message (Bottleneck's default keeps each for 5 minutes:
    // a broadcast to 10,000 staff then held 10,000 limiters, about 50 MB live). The 1.1 s spacing needs no longer memory.
    // Groups keep the default: their 20-a-minute reservoir must outlive a pause.
    out: { maxConcurrent: 1, minTime: 1100, timeout: 10_000 },
    group: { maxConcurrent: 1, minTime: 1100, reservoir: 20, reservoirRefreshAmount: 20, reservoirRefreshInterval: 60_000 },
  });
  return (prev, method, payload, signal) =>
    sendingMethods.has(method) ? throttler(prev, method, payload, signal) : prev(method, payload, signal);
}

/** Milliseconds between two sends at `perSecond` overall, with the 3% margin described above. */
const sendingIntervalMs = (perSecond: number) => Math.ceil(1030 / perSecond);

/**
 * The overall rate shared with the other instances (PostgreSQL): each new message waits for its slot in the
 * database right before it leaves, so slots are not spent while a message still waits for its chat. (A 429 is
 * handled per message by the outbox, which waits as long as Telegram asked.)
 */
function sharedRate(budget: SharedSendBudget): Transformer {
  return async (prev, method, payload, signal) => {
    if (!sendingMethods.has(method)) return prev(method, payload, signal);
    await budget.take();
    return prev(method, payload, signal);
  };
}

/**
 * Short retries for what a person is waiting on (replies, answering a button, editing a keyboard). getUpdates is
 * left to the runner; network errors are not retried here at all, since auto-retry would retry those forever.
 */
function interactiveRetry(): Transformer {
  const retry = autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 5, rethrowHttpErrors: true });
  return (prev, method, payload, signal) => (method === 'getUpdates' ? prev(method, payload, signal) : retry(prev, method, payload, signal));
}

/** The runner retries getUpdates quietly; this says once when polling fails and once when it works again. */
function pollingHealth(log: Logger, platforms: PlatformHealth): Transformer {
  let failing = false;
  return async (prev, method, payload, signal) => {
    if (method !== 'getUpdates') return prev(method, payload, signal);
    try {
      const result = await prev(method, payload, signal);
      if (result.ok) platforms.reportOk('telegram');
      else platforms.reportFailure('telegram', firstLine(`getUpdates: ${result.error_code} ${result.description}`));
      if (failing && result.ok) {
        failing = false;
        log.info('telegram: polling works again');
      }
      return result;
    } catch (error) {
      if (!signal?.aborted) platforms.reportFailure('telegram', firstLine(error instanceof Error ? error.message : String(error)));
      if (!signal?.aborted && !failing) {
        failing = true;
        log.warn({ error: loggableError(error) }, 'telegram: getUpdates failed, retrying');
      }
      throw error;
    }
  };
}

/** Replies the bot sends directly (not through the outbox) count as messages out. */
function countReplies(metrics: Metrics): Transformer {
  return async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (result.ok && sendingMethods.has(method)) metrics.messagesOut.inc({ platform: 'telegram' });
    return result;
  };
}

export function createTelegramAdapter(runtime: Runtime, files: AttachmentFetchers): ChatAdapter {
  const { config, log, db } = runtime;
  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token) throw new Error('TELEGRAM_BOT_TOKEN is not set');
  const apiRoot = config.TELEGRAM_API_ROOT.replace(/\/+$/, '');
  const webhook = webhookSettings(config);
  const client = { apiRoot, timeoutSeconds: 60 };

  // One throttler for both API objects, so replies and outbox deliveries share Telegram's limits. On PostgreSQL
  // several instances may send for the bot: the overall rate is then one budget in the database (the bot id in its
  // key is the public part of the token).
  const shared =
    runtime.dbKind === 'postgresql'
      ? new SharedSendBudget(db, `telegram:${token.split(':')[0]}`, sendingIntervalMs(config.TELEGRAM_MESSAGES_PER_SECOND))
      : null;
  const throttle = sendingThrottler(config.TELEGRAM_MESSAGES_PER_SECOND, shared);
  const overall: Transformer[] = shared ? [sharedRate(shared)] : [];
  const bot = new Bot<BotContext>(token, { client });
  // Outermost: a reply that fails after the short retries is stored in the outbox rather than lost.
  bot.api.config.use(countReplies(runtime.metrics), ...overall, throttle, pollingHealth(log, runtime.platforms), interactiveRetry(), storeFailedReplies(db, log));
  const deliveryApi = new Api(token, client);
  // Inside the throttlers (installed first = innermost): marks a message dispatched when its request really leaves.
  const dispatchMarks = new DispatchMarks(sendingMethods);
  deliveryApi.config.use(dispatchMarks.transformer());
  for (const transformer of overall) deliveryApi.config.use(transformer);
  deliveryApi.config.use(throttle);

  const i18n = createI18n(log);
  const flood = new FloodGate(runtime.clock);
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  let runner: RunnerHandle | null = null;
  let initAbort: AbortController | null = null;

  // 1. Bookkeeping and the last line of defence: an update never crashes polling or gets a webhook retried.
  bot.use(async (ctx, next) => {
    ctx.layani = { outcome: 'ignored', actor: null };
    const updateId = ctx.update.update_id;
    const started = Date.now();
    runtime.metrics.messagesIn.inc({ platform: 'telegram' });
    const work = withLogContext({ updateId }, async () => {
      try {
        await next();
      } catch (error) {
        ctx.layani.outcome = 'error';
        log.error({ updateId, error: loggableError(error) }, 'telegram update failed');
      }
    });
    inFlight.add(work);
    try {
      await work;
    } finally {
      inFlight.delete(work);
    }
    log.info({ updateId, outcome: ctx.layani.outcome, ms: Date.now() - started }, 'telegram update');
  });

  // 2. One chat's updates in the order they came (reached synchronously, before anything awaits).
  bot.use(sequentialize((ctx: BotContext) => ctx.chat?.id.toString()));

  // 3. Telegram re-delivers updates (slow webhook answers, a restart before getUpdates confirmed them): act once.
  bot.use(async (ctx, next) => {
    if (!(await isFirstDelivery(db, 'telegram', String(ctx.update.update_id)))) {
      ctx.layani.outcome = 'duplicate';
      return;
    }
    await next();
  });

  // 4a. Broadcast confirmations (also pressed in groups) and the groups the bot is in.
  bot.use(broadcastReplies(runtime));

  // 4. Private chats only. In a group, /start (to us) gets a pointer to the private chat; the rest is ignored.
  bot.use(async (ctx, next) => {
    if (ctx.chat?.type === 'private' && ctx.from && !ctx.from.is_bot) return next();
    const command = /^\/start(?:@(\w+))?(?:\s|$)/.exec(ctx.message?.text ?? '');
    if (ctx.chat && ctx.chat.type !== 'private' && command && (!command[1] || command[1].toLowerCase() === ctx.me.username.toLowerCase())) {
      ctx.layani.outcome = 'group.start';
      await ctx.reply(i18n.t('id', 'private-only'));
    }
  });

  // 5. Session (language, pending flow) in the database, then translations in the session's language.
  const storage = sessionStorage(db);
  bot.use(session<SessionData, BotContext>({ initial: () => ({}), storage, getSessionKey: sessionKey }));
  bot.use(i18n);

  // 6. Errors in the conversation: tell the user, keep the session writable.
  bot.use(async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      ctx.layani.outcome = 'error';
      log.error({ updateId: ctx.update.update_id, error: loggableError(error) }, 'telegram update failed');
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t('error-generic').slice(0, 200) }).catch(() => undefined);
      else await ctx.reply(ctx.t('error-generic')).catch(() => undefined);
    }
  });

  // 7. Flood control: past 20 messages a minute a user's further messages wait (none is dropped).
  bot.use(async (ctx, next) => {
    if (ctx.message) {
      const held = await flood.admit(ctx.from!.id, async () => void (await ctx.reply(ctx.t('flood-note'))), () => stopping);
      if (held) log.info({ updateId: ctx.update.update_id }, 'telegram: user slowed down');
    }
    await next();
  });

  // 8. Who is writing: a linked employee or a stranger (linking happens only with an HR-issued code).
  bot.use(async (ctx, next) => {
    ctx.layani.actor = await resolveChatActor(db, 'telegram', String(ctx.from!.id));
    await next();
  });

  // Writes the session now rather than when the update is done (grammY's session middleware writes at the end).
  const saveSession = async (ctx: BotContext) => {
    const key = sessionKey(ctx);
    if (key) await storage.write(key, ctx.session);
  };
  installConversation(bot, runtime, saveSession);

  bot.catch((error) => log.error({ updateId: error.ctx.update.update_id, error: loggableError(error.error) }, 'telegram update failed'));

  const delivery = createDelivery({ api: deliveryApi, apiRoot, token, files, i18n, dispatchMarks });

  const routes: HttpRoutes = {};
  if (webhook) {
    // Answers 200 after 9 s at the latest (the update goes on being handled), so Telegram does not send it again.
    const callback = webhookCallback(bot, 'http', { secretToken: webhook.secret, onTimeout: 'return', timeoutMilliseconds: 9_000 });
    routes[webhookPath] = async (req, res) => {
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      await callback(req, res);
    };
  }

  async function setCommands(): Promise<void> {
    for (const lang of languages) {
      const commands = commandNames.map((command) => ({ command, description: i18n.t(lang, `cmd-${command}`) }));
      await bot.api.setMyCommands(commands, lang === 'id' ? {} : { language_code: lang });
    }
  }

  return {
    name: 'telegram',
    deliver: delivery.deliver,
    fetchAttachment: delivery.fetchAttachment,
    routes,
    async start() {
      stopping = false;
      // grammY asks getMe until Telegram answers; stop() abandons that wait.
      initAbort = new AbortController();
      await bot.init(initAbort.signal as Parameters<typeof bot.init>[0]);
      if (stopping) return;
      await setCommands().catch((error: unknown) => log.warn({ error: loggableError(error) }, 'telegram: setting the command menu failed'));
      if (webhook) {
        await bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [...allowedUpdates] });
        log.info({ path: webhookPath }, 'telegram: receiving updates by webhook');
        return;
      }
      // A webhook left from an earlier deployment would make getUpdates fail with 409.
      await bot.api.deleteWebhook();
      runner = run(bot, {
        runner: { fetch: { timeout: 30, allowed_updates: [...allowedUpdates] }, silent: true },
        sink: { concurrency: 100 },
      });
      void runner.task()?.catch((error: unknown) => log.error({ error: loggableError(error) }, 'telegram: polling stopped'));
      log.info('telegram: receiving updates by long polling');
    },
    async stop() {
      stopping = true;
      initAbort?.abort();
      const handle = runner;
      runner = null;
      if (handle) await Promise.resolve(handle.stop()).catch(() => undefined);
      // Updates already taken in finish (held ones are released at once); the outbox is left alone.
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
