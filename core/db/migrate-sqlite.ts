import Database from 'better-sqlite3';
import { loadMigrations, migrationsTable, pendingMigrations, type AppliedMigration } from './migrations.js';

/**
 * Applies pending migrations in one IMMEDIATE transaction: SQLite's write lock makes a second process wait
 * (busy_timeout) and then find nothing left to do.
 */
export function migrateSqlite(file: string): string[] {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 15000');
    const run = db.transaction(() => {
      db.exec(
        `CREATE TABLE IF NOT EXISTS "${migrationsTable}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`,
      );
      const applied = db.prepare(`SELECT name, checksum FROM "${migrationsTable}"`).all() as AppliedMigration[];
      const pending = pendingMigrations(loadMigrations('sqlite'), applied);
      const record = db.prepare(`INSERT INTO "${migrationsTable}" (name, checksum, applied_at) VALUES (?, ?, ?)`);
      for (const migration of pending) {
        db.exec(migration.sql);
        record.run(migration.name, migration.checksum, new Date().toISOString());
      }
      return pending.map((m) => m.name);
    });
    return run.immediate();
  } finally {
    db.close();
  }
}

export function appliedSqliteMigrations(file: string): AppliedMigration[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`SELECT name, checksum FROM "${migrationsTable}" ORDER BY name`).all() as AppliedMigration[];
  } catch {
    return [];
  } finally {
    db.close();
  }
}
