import { ConfigError, loadConfig } from '../core/config/load-config.js';
import { ImportFileError } from '../core/records/import/index.js';
import { destination } from 'pino';
import { createLogger } from '../core/logging/logger.js';
import { startRuntime, type Runtime } from '../core/runtime.js';

/** Opens LAYANI's database for one CLI command (migrating it if needed) and always closes it afterwards. */
export async function withRuntime<T>(work: (runtime: Runtime) => Promise<T>): Promise<T> {
  const config = loadConfig();
  // CLI output is for the operator; operational logs would only clutter it.
  const runtime = await startRuntime(config, { log: createLogger(process.env.LOG_LEVEL ?? 'warn', destination(2)) });
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}

/** Prints a failure the way an operator can act on it, and sets a non-zero exit code. */
export function reportFailure(error: unknown): void {
  // These already say, in full sentences, what is wrong and what to do.
  if (error instanceof ConfigError || error instanceof ImportFileError) console.error(error.message);
  else console.error(`Gagal: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

/** A command action whose failures are reported with reportFailure. */
export function action<Args extends unknown[]>(run: (...args: Args) => Promise<void>): (...args: Args) => Promise<void> {
  return async (...args) => {
    try {
      await run(...args);
    } catch (error) {
      reportFailure(error);
    }
  };
}
