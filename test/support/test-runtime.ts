import type { Clock } from '../../core/clock/clock.js';
import { parseConfig } from '../../core/config/load-config.js';
import type { DatabaseKind } from '../../core/db/database-url.js';
import { createLogger } from '../../core/logging/logger.js';
import { startRuntime, type Runtime } from '../../core/runtime.js';
import { createTestDatabase, type TestDatabase } from './test-databases.js';

export interface TestRuntime extends Runtime {
  database: TestDatabase;
  stop(): Promise<void>;
}

export async function createTestRuntime(
  kind: DatabaseKind,
  options: { clock?: Clock; env?: Record<string, string> } = {},
): Promise<TestRuntime> {
  const database = await createTestDatabase(kind);
  const config = parseConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent', ...options.env });
  const runtime = await startRuntime(config, { clock: options.clock, log: createLogger('silent'), watchCorpus: false });
  return {
    ...runtime,
    database,
    stop: async () => {
      await runtime.close();
      await database.drop();
    },
  };
}
