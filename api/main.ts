import { ConfigError, loadConfig } from '../core/config/load-config.js';
import { startApp } from './app.js';

/** How long in-flight work may take after SIGTERM before the process exits anyway (systemd and Docker wait 10 s too). */
const shutdownGraceMs = 10_000;

async function main(): Promise<void> {
  const app = await startApp(loadConfig());
  const { log } = app.runtime;
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    log.info({ signal }, 'shutting down: taking no new work, finishing what is in flight');
    // Whatever was not sent stays in the outbox for the next start; a message cut off mid-send is sent again then.
    setTimeout(() => {
      log.error({ graceMs: shutdownGraceMs }, 'in-flight work did not finish in time; exiting anyway, the outbox keeps what was not sent');
      process.exit(1);
    }, shutdownGraceMs).unref();
    app.stop().then(
      () => {
        log.info({ ms: Date.now() - started }, 'stopped cleanly');
        process.exit(0);
      },
      (err: unknown) => {
        log.error({ err }, 'stopping failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('LAYANI failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
