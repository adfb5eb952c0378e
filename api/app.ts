import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import cron from 'node-cron';
import { createSlackAdapter } from '../bots/slack/index.js';
import { createTelegramAdapter } from '../bots/telegram/index.js';
import type { Config } from '../core/config/config-schema.js';
import { ReadinessChecks, type ReadinessOptions } from '../core/health/readiness.js';
import { registerDatabaseGauges } from '../core/metrics/database-gauges.js';
import { instrumentedDelivery } from '../core/metrics/instrumented-delivery.js';
import { registerProcessMetrics } from '../core/metrics/metrics.js';
import type { AttachmentFetchers } from '../core/outbox/attachment-files.js';
import type { DeliveryHandler } from '../core/outbox/outbox-worker.js';
import { OutboxWorkers } from '../core/outbox/outbox-workers.js';
import { rememberBlockedChats } from './blocked-chats.js';
import { acquireInstanceLock, releaseStaleLeases } from './instance-lock.js';
import { startRuntime, type Runtime, type RuntimeOptions } from '../core/runtime.js';
import { onBroadcastDue } from '../core/broadcasts/broadcast-events.js';
import { watchForDueBroadcasts } from '../core/broadcasts/broadcast-wakeups.js';
import { scheduledWork } from '../core/scheduling/scheduled-work.js';
import { Scheduler } from '../core/scheduling/scheduler.js';
import { runDeskClock } from '../core/tickets/sla-monitor.js';
import { runNightlySiasnSync } from '../core/siasn/nightly-sync.js';
import { adapterStatuses, deskChannelWarnings } from './adapter-status.js';
import { AdapterStarter } from './adapter-starter.js';
import type { ChatAdapter } from './chat-adapter.js';
import { createHttpServer, type HttpRoutes } from './http-server.js';

export interface App {
  runtime: Runtime;
  server: Server;
  url: string;
  adapters: ChatAdapter[];
  outbox: OutboxWorkers;
  /** What GET /readyz answers. */
  readiness: ReadinessChecks;
  /** One pass of the SLA/auto-close clock (cron runs it every minute). */
  tickDeskClock(): Promise<{ alerts: number; closed: number }>;
  /** One pass of the minute scheduler (reminders, digests, broadcasts); cron runs it every minute. */
  tickScheduler(now?: Date): Promise<void>;
  stop(): Promise<void>;
}

export interface AppOptions extends RuntimeOptions {
  /** Run the desk clock and the scheduler on their cron schedules (tests drive them by hand). */
  schedule?: boolean;
  /** Start broadcasts due now as soon as any process says so (default: with `schedule`). */
  wake?: boolean;
  outboxPollMs?: number;
  /** How long start-up waits for an adapter's platform before going on without it (default 5 s). */
  adapterStartWaitMs?: number;
  /** Wait between start attempts of an adapter whose platform does not answer (default 5 s, growing to 60 s). */
  adapterRetryMs?: number;
  /** Readiness settings (tests shorten the waits). */
  readiness?: Pick<ReadinessOptions, 'outboxStuckAfterMs' | 'probeAfterMs'>;
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
  for (const adapter of adapters) handlers[adapter.name] = rememberBlockedChats(runtime, instrumentedDelivery(adapter.name, adapter.deliver, runtime.metrics, runtime.platforms));
  const outbox = new OutboxWorkers({ db: runtime.db, clock: runtime.clock, log, handlers, pollMs: options.outboxPollMs });

  registerProcessMetrics(runtime.metrics);
  registerDatabaseGauges(runtime.metrics, runtime.db, runtime.clock, log);
  const starters = new Map(adapters.map((adapter) => [adapter.name, new AdapterStarter(adapter, runtime.platforms, log, options.adapterRetryMs)]));
  const readiness = new ReadinessChecks({
    config,
    db: runtime.db,
    dbKind: runtime.dbKind,
    platforms: runtime.platforms,
    enabled: adapters.map((a) => a.name),
    notReceiving: (platform) => starters.get(platform)?.problem() ?? null,
    ...options.readiness,
  });
  const routes: HttpRoutes = Object.assign({}, ...adapters.map((a) => a.routes));
  const server = createHttpServer(runtime, routes, readiness);
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  const address = server.address() as AddressInfo;
  const url = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${address.port}`;

  // With SQLite only this process may run (the instance lock), so leases still held were left by one that died.
  if (runtime.dbKind === 'sqlite') await releaseStaleLeases(runtime.db);
  // The core workers come first and depend on no platform: with Telegram unreachable, Slack cards and thread
  // posts still go out and the SLA clock still runs. Each adapter starts (and keeps retrying) on its own.
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
  // A broadcast due now starts at once, also when another process (the CLI, another instance) created it.
  const wakeups = options.wake ?? options.schedule !== false;
  const stopListening = wakeups ? onBroadcastDue(() => void scheduler.tick()) : null;
  const stopWatching = wakeups ? await watchForDueBroadcasts(runtime, () => void scheduler.tick()) : null;
  // Catch up at once after a restart (a broadcast half queued, a reminder pass not yet run today).
  if (options.schedule !== false) void scheduler.tick();
  // The nightly SIASN sync runs beside the minute scheduler, not in it: it takes minutes to hours at SIASN's pace.
  const siasnStop = new AbortController();
  let siasnRunning: Promise<unknown> = Promise.resolve();
  const siasnCron = runtime.settings.siasn?.syncCron;
  const siasnNightly =
    options.schedule === false || !siasnCron
      ? null
      : cron.schedule(
          siasnCron,
          () => {
            siasnRunning = runNightlySiasnSync(runtime, runtime.clock.now(), siasnStop.signal).catch((err: unknown) => log.error({ err }, 'nightly SIASN sync failed'));
          },
          { timezone: 'Asia/Jakarta', noOverlap: true },
        );
  const minuteTick =
    options.schedule === false
      ? null
      : cron.schedule('* * * * *', () => void scheduler.tick(), { timezone: 'Asia/Jakarta', noOverlap: true });

  await Promise.all([...starters.values()].map((starter) => starter.start(options.adapterStartWaitMs)));
  for (const warning of deskChannelWarnings(config)) log.warn({ setting: warning.setting }, warning.message);

  log.info({ port: address.port, database: runtime.dbKind }, `LAYANI listening on ${url} (tRPC at /trpc, /healthz, /readyz, /metrics)`);
  return {
    runtime,
    server,
    url,
    adapters,
    outbox,
    readiness,
    tickDeskClock,
    tickScheduler: (now) => scheduler.tick(now),
    /**
     * Stops taking work, then lets what is in flight finish: no new connections (requests already received are
     * answered), no more updates fetched, handlers running finish, the outbox delivers the batch it has claimed and
     * releases nothing half-sent. Whatever is still queued stays in the outbox for the next start.
     */
    async stop() {
      readiness.startDraining();
      await deskClock?.stop();
      await minuteTick?.stop();
      await siasnNightly?.stop();
      siasnStop.abort();
      await siasnRunning;
      stopListening?.();
      await stopWatching?.();
      await scheduler.idle();
      server.close();
      server.closeIdleConnections();
      for (const starter of starters.values()) await starter.stop();
      await outbox.stop();
      server.closeAllConnections();
      await runtime.close();
      releaseLock();
    },
  };
}
