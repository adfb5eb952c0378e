import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import cron from 'node-cron';
import { createSlackAdapter } from '../bots/slack/index.js';
import { createTelegramAdapter } from '../bots/telegram/index.js';
import type { Config } from '../core/config/config-schema.js';
import type { AttachmentFetchers } from '../core/outbox/attachment-files.js';
import { OutboxWorker, type DeliveryHandler } from '../core/outbox/outbox-worker.js';
import { rememberBlockedChats } from './blocked-chats.js';
import { acquireInstanceLock, releaseStaleLeases } from './instance-lock.js';
import { startRuntime, type Runtime, type RuntimeOptions } from '../core/runtime.js';
import { onBroadcastDue } from '../core/broadcasts/broadcast-events.js';
import { scheduledWork } from '../core/scheduling/scheduled-work.js';
import { Scheduler } from '../core/scheduling/scheduler.js';
import { runDeskClock } from '../core/tickets/sla-monitor.js';
import { adapterStatuses } from './adapter-status.js';
import type { ChatAdapter } from './chat-adapter.js';
import { createHttpServer, type HttpRoutes } from './http-server.js';

export interface App {
  runtime: Runtime;
  server: Server;
  url: string;
  adapters: ChatAdapter[];
  outbox: OutboxWorker;
  /** One pass of the SLA/auto-close clock (cron runs it every minute). */
  tickDeskClock(): Promise<{ alerts: number; closed: number }>;
  /** One pass of the minute scheduler (reminders, digests, broadcasts); cron runs it every minute. */
  tickScheduler(now?: Date): Promise<void>;
  stop(): Promise<void>;
}

export interface AppOptions extends RuntimeOptions {
  /** Run the desk clock and the scheduler on their cron schedules (tests drive them by hand). */
  schedule?: boolean;
  outboxPollMs?: number;
}

/** Builds and starts everything: core, adapters that are configured, outbox worker, desk clock, HTTP server. */
export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
  const releaseLock = acquireInstanceLock(config.DATABASE_URL);
  const runtime = await startRuntime(config, options).catch((error: unknown) => {
    releaseLock();
    throw error;
  });
  const { log } = runtime;
  // Load the corpus now, so the first question is answered as fast as the rest.
  void runtime.settings.faq;
  const files: AttachmentFetchers = {};
  const adapters: ChatAdapter[] = [];
  const enabled = new Map(adapterStatuses(config).map((s) => [s.name, s]));
  for (const status of enabled.values()) {
    if (status.enabled) log.info({ adapter: status.name }, `${status.name}: enabled`);
    else log.info({ adapter: status.name }, `${status.name}: disabled — ${status.hint}`);
  }
  if (enabled.get('telegram')?.enabled) adapters.push(createTelegramAdapter(runtime, files));
  if (enabled.get('slack')?.enabled) adapters.push(createSlackAdapter(runtime, files));
  for (const adapter of adapters) files[adapter.name] = adapter.fetchAttachment;

  const handlers: Partial<Record<ChatAdapter['name'], DeliveryHandler>> = {};
  for (const adapter of adapters) handlers[adapter.name] = rememberBlockedChats(runtime, adapter.deliver);
  const outbox = new OutboxWorker({ db: runtime.db, clock: runtime.clock, log, handlers, pollMs: options.outboxPollMs });

  const routes: HttpRoutes = Object.assign({}, ...adapters.map((a) => a.routes));
  const server = createHttpServer(runtime, routes);
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  const address = server.address() as AddressInfo;
  const url = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${address.port}`;

  for (const adapter of adapters) await adapter.start();
  // With SQLite only this process may run (the instance lock), so leases still held were left by one that died.
  if (runtime.dbKind === 'sqlite') await releaseStaleLeases(runtime.db);
  outbox.start();
  const tickDeskClock = () => runDeskClock(runtime.db, runtime.settings.businessCalendar, runtime.clock, log);
  const deskClock =
    options.schedule === false
      ? null
      : cron.schedule('* * * * *', () => void tickDeskClock().catch((err: unknown) => log.error({ err }, 'desk clock failed')), {
          timezone: 'Asia/Jakarta',
          noOverlap: true,
        });
  const scheduler = new Scheduler(runtime, scheduledWork);
  const stopListening = options.schedule === false ? null : onBroadcastDue(() => void scheduler.tick());
  // Catch up at once after a restart (a broadcast half queued, a reminder pass not yet run today).
  if (options.schedule !== false) void scheduler.tick();
  const minuteTick =
    options.schedule === false
      ? null
      : cron.schedule('* * * * *', () => void scheduler.tick(), { timezone: 'Asia/Jakarta', noOverlap: true });

  log.info({ port: address.port, database: runtime.dbKind }, `LAYANI listening on ${url} (tRPC at /trpc, health at /healthz)`);
  return {
    runtime,
    server,
    url,
    adapters,
    outbox,
    tickDeskClock,
    tickScheduler: (now) => scheduler.tick(now),
    async stop() {
      await deskClock?.stop();
      await minuteTick?.stop();
      stopListening?.();
      await scheduler.idle();
      for (const adapter of adapters) await adapter.stop();
      server.close();
      server.closeAllConnections();
      await outbox.stop();
      await runtime.close();
      releaseLock();
    },
  };
}
