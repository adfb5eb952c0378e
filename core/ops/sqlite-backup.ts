import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { loadMigrations, migrationsTable, pendingMigrations, type AppliedMigration } from '../db/migrations.js';
import { timestampedPath } from './backup-files.js';
import { runningInstance } from './running-marker.js';

export interface BackupResult {
  file: string;
  bytes: number;
  migrations: number;
}

/**
 * Copies the live database with SQLite's online backup: LAYANI may keep running and writing meanwhile; the copy
 * is one consistent moment. The copy is then checked (integrity, migrations) before it is reported as good.
 */
export async function backupSqlite(databaseFile: string, dir: string): Promise<BackupResult> {
  if (!existsSync(databaseFile)) throw new Error(`basis data ${databaseFile} tidak ada; periksa DATABASE_URL`);
  mkdirSync(dir, { recursive: true });
  const target = timestampedPath(dir, 'layani', '.db');
  const source = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(target);
  } finally {
    source.close();
  }
  const migrations = inspectSqliteFile(target).length;
  return { file: target, bytes: statSync(target).size, migrations };
}

/** Checks a database file is whole and returns the migrations recorded in it. */
export function inspectSqliteFile(file: string): AppliedMigration[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('quick_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`berkas ${file} rusak (${String(integrity)})`);
    const table = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?`).get(migrationsTable);
    if (!table) throw new Error(`berkas ${file} bukan basis data LAYANI (tidak ada tabel ${migrationsTable})`);
    return db.prepare(`SELECT name, checksum FROM "${migrationsTable}" ORDER BY name`).all() as AppliedMigration[];
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw new Error(`berkas ${file} bukan basis data SQLite`);
    throw error;
  } finally {
    db.close();
  }
}

export interface RestoreResult {
  /** Where the database that was replaced was saved first (null when there was none). */
  previous: string | null;
  /** Migrations the next start will apply (the backup predates them). */
  pending: string[];
}

/**
 * Puts a backup in place of the database. Refuses while LAYANI runs on it (unless forced), and refuses a backup
 * whose migrations do not match this version's (edited, or from a newer release). The database being replaced is
 * saved next to it first, so a restore can itself be undone.
 */
export async function restoreSqlite(backupFile: string, databaseFile: string, options: { force?: boolean } = {}): Promise<RestoreResult> {
  if (!existsSync(backupFile)) throw new Error(`berkas cadangan ${backupFile} tidak ada`);
  const running = runningInstance(databaseFile);
  if (running && !options.force) {
    throw new Error(
      `LAYANI sedang berjalan dengan basis data ini (pid ${running.pid}, sejak ${running.startedAt}). ` +
        'Hentikan dulu (mis. sudo systemctl stop layani), lalu ulangi. Gunakan --force hanya jika Anda yakin proses itu bukan LAYANI.',
    );
  }
  const applied = inspectSqliteFile(backupFile);
  let pending: string[];
  try {
    pending = pendingMigrations(loadMigrations('sqlite'), applied).map((m) => m.name);
  } catch (error) {
    throw new Error(`cadangan ini tidak cocok dengan versi LAYANI ini: ${(error as Error).message}`);
  }

  let previous: string | null = null;
  if (existsSync(databaseFile)) {
    previous = timestampedPath(dirname(databaseFile), 'layani-sebelum-pemulihan', '.db');
    const current = new Database(databaseFile, { readonly: true, fileMustExist: true });
    try {
      await current.backup(previous);
    } finally {
      current.close();
    }
  }
  mkdirSync(dirname(databaseFile), { recursive: true });
  // Copy beside the target, then rename over it: the database is never half-written.
  const staging = `${databaseFile}.memulihkan`;
  copyFileSync(backupFile, staging);
  for (const leftover of [`${databaseFile}-wal`, `${databaseFile}-shm`]) rmSync(leftover, { force: true });
  renameSync(staging, databaseFile);
  return { previous, pending };
}
