import { ConfigError, loadConfig } from '../core/config/load-config.js';
import { startRuntime } from '../core/runtime.js';
import { adapterStatuses } from './adapter-status.js';
import { createHttpServer } from './http-server.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const runtime = await startRuntime(config);
  const { log } = runtime;
  for (const adapter of adapterStatuses(config)) {
    if (adapter.enabled) log.info({ adapter: adapter.name }, `${adapter.name}: enabled`);
    else log.info({ adapter: adapter.name }, `${adapter.name}: disabled — ${adapter.hint}`);
  }
  const server = createHttpServer(runtime);
  server.listen(config.PORT, config.HOST, () => {
    log.info({ port: config.PORT, database: runtime.dbKind }, `LAYANI listening on http://${config.HOST}:${config.PORT} (tRPC at /trpc, health at /healthz)`);
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    server.close();
    server.closeIdleConnections();
    setTimeout(() => process.exit(1), 10_000).unref();
    runtime.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('LAYANI failed to start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
