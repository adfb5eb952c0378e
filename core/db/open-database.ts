import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { registerDatabaseKind } from './bulk-insert.js';
import { loadGeneratedClient, type Db } from './client.js';
import { ensureSqliteDirectory, parseDatabaseUrl, type DatabaseKind } from './database-url.js';
import { capturingAdapterFactory, registerDirectSql } from './direct-sql.js';
import { postgresBackend } from './direct-sql-postgres.js';
import { sqliteBackend } from './direct-sql-sqlite.js';
import { migrateSqlite } from './migrate-sqlite.js';
import type { Logger } from '../logging/logger.js';
import { migratePostgres } from './migrate-postgres.js';
import { startCheckpointer, type Checkpointer } from './sqlite-checkpointer.js';

export interface OpenDatabase {
  db: Db;
  kind: DatabaseKind;
  /** Migrations this start applied (empty when the database was already current). */
  applied: string[];
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  migrate?: boolean;
  /** Told when SQLite checkpoints have to move back onto the app's connection. */
  log?: Logger;
  /** PostgreSQL: connections in the pool (DATABASE_POOL_SIZE). */
  poolSize?: number;
}

/** Opens DATABASE_URL through its driver adapter, creating and migrating the database first. */
export async function openDatabase(url: string, options: OpenDatabaseOptions = {}): Promise<OpenDatabase> {
  const location = parseDatabaseUrl(url);
  const migrate = options.migrate ?? true;
  let applied: string[] = [];
  let db: Db;
  let checkpointer: Checkpointer | null = null;
  let pool: pg.Pool | null = null;
  if (location.kind === 'sqlite') {
    ensureSqliteDirectory(location);
    if (migrate) applied = migrateSqlite(location.target);
    const PrismaClient = loadGeneratedClient('sqlite');
    const driver = capturingAdapterFactory(new PrismaBetterSQLite3({ url: location.target, timeout: 15_000 }));
    db = new PrismaClient({ adapter: driver.factory, errorFormat: 'minimal' });
    const client = db;
    registerDirectSql(db, 'sqlite', async () => {
      if (!driver.connected()) await client.$connect();
      return sqliteBackend(driver.connected()!);
    });
    // WAL lets readers go on while one writer commits; busy_timeout makes a second writer wait instead of failing.
    await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await db.$queryRawUnsafe('PRAGMA busy_timeout = 15000');
    // In WAL mode NORMAL survives a crashed or killed process; only a power cut can lose the last commits.
    await db.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
    if (location.target !== ':memory:') {
      checkpointer = startCheckpointer(location.target, (reason) => {
        options.log?.warn({ reason }, 'SQLite checkpoint thread failed; checkpoints run on the app connection again');
        void client.$queryRawUnsafe('PRAGMA wal_autocheckpoint = 1000').catch(() => undefined);
      });
      await db.$queryRawUnsafe('PRAGMA wal_autocheckpoint = 0');
    }
  } else {
    if (migrate) applied = await migratePostgres(location.target);
    const PrismaClient = loadGeneratedClient('postgresql');
    pool = new pg.Pool({ connectionString: location.target, max: options.poolSize ?? 10 });
    // An idle connection the server ends (restart, shutdown) must not crash the process, even after Prisma let go.
    pool.on('error', (error) => options.log?.warn({ reason: error.message }, 'PostgreSQL closed an idle connection'));
    db = new PrismaClient({ adapter: new PrismaPg(pool), errorFormat: 'minimal' });
    const backend = postgresBackend(pool);
    registerDirectSql(db, 'postgresql', async () => backend);
  }
  await db.$connect();
  registerDatabaseKind(db, location.kind);
  return {
    db,
    kind: location.kind,
    applied,
    close: async () => {
      await checkpointer?.stop();
      await db.$disconnect();
      // Prisma may leave a pool it was given open (and may not): end it once.
      if (pool && !pool.ended) await pool.end();
    },
  };
}
