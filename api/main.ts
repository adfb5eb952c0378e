import { ConfigError, loadConfig } from '../core/config/load-config.js';
import { startApp } from './app.js';

async function main(): Promise<void> {
  const app = await startApp(loadConfig());
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.runtime.log.info({ signal }, 'shutting down');
    // In-flight work gets 10 seconds; the outbox keeps whatever was not sent for the next start.
    setTimeout(() => process.exit(1), 10_000).unref();
    app.stop().then(
      () => process.exit(0),
      () => process.exit(1),
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
