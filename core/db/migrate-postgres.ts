import pg from 'pg';
import { loadMigrations, migrationsTable, pendingMigrations, type AppliedMigration } from './migrations.js';

// Any fixed number works; it only has to be the same for every LAYANI instance sharing the database.
const migrationLockKey = 741_852_963;

/**
 * Applies pending migrations in one transaction under a transaction-level advisory lock, so instances that
 * start together migrate once: the others wait for the lock, then see every migration recorded.
 */
export async function migratePostgres(connectionString: string): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [migrationLockKey]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${migrationsTable}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`,
    );
    const { rows } = await client.query<AppliedMigration>(`SELECT name, checksum FROM "${migrationsTable}"`);
    const pending = pendingMigrations(loadMigrations('postgresql'), rows);
    for (const migration of pending) {
      await client.query(migration.sql);
      await client.query(`INSERT INTO "${migrationsTable}" (name, checksum, applied_at) VALUES ($1, $2, now())`, [
        migration.name,
        migration.checksum,
      ]);
    }
    await client.query('COMMIT');
    return pending.map((m) => m.name);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

export async function appliedPostgresMigrations(connectionString: string): Promise<AppliedMigration[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<AppliedMigration>(
      `SELECT name, checksum FROM "${migrationsTable}" ORDER BY name`,
    );
    return rows;
  } catch {
    return [];
  } finally {
    await client.end();
  }
}
