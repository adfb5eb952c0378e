import type { Command } from 'commander';
import { loadConfig } from '../../core/config/load-config.js';
import { parseDatabaseUrl } from '../../core/db/database-url.js';
import { backupPostgres, pgDumpAvailable, postgresBackupHelp } from '../../core/ops/postgres-backup.js';
import { backupSqlite, restoreSqlite } from '../../core/ops/sqlite-backup.js';
import { action } from '../cli-runtime.js';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('Back up the database into a folder (SQLite: online copy while LAYANI runs; PostgreSQL: pg_dump when installed)')
    .argument('<dir>', 'folder for the backup file, e.g. /var/backups/layani')
    .action(
      action(async (dir: string) => {
        const location = parseDatabaseUrl(loadConfig().DATABASE_URL);
        if (location.kind === 'sqlite') {
          const result = await backupSqlite(location.target, dir);
          console.log(`Cadangan dibuat: ${result.file} (${megabytes(result.bytes)}, ${result.migrations} migrasi, utuh).`);
          console.log('Simpan salinannya di luar mesin ini juga (disk lain atau server cadangan).');
          return;
        }
        const version = pgDumpAvailable();
        if (!version) {
          console.error(`pg_dump tidak ditemukan di mesin ini.\n${postgresBackupHelp(location.target)}`);
          process.exitCode = 1;
          return;
        }
        const result = await backupPostgres(location.target, dir);
        console.log(`Cadangan dibuat dengan ${version}: ${result.file} (${megabytes(result.bytes)}).`);
        console.log(`Memulihkan: pg_restore --clean --if-exists --no-owner --dbname=<DATABASE_URL> ${result.file}`);
      }),
    );

  program
    .command('restore')
    .description('Put a SQLite backup in place of the database (LAYANI must be stopped); the replaced database is kept beside it')
    .argument('<file>', 'a backup made by `layani backup`, e.g. /var/backups/layani/layani-20261124-020000.db')
    .option('--force', 'restore even though a LAYANI process seems to run on this database')
    .action(
      action(async (file: string, options: { force?: boolean }) => {
        const location = parseDatabaseUrl(loadConfig().DATABASE_URL);
        if (location.kind !== 'sqlite') {
          console.error(`Pemulihan PostgreSQL dilakukan dengan pg_restore, bukan dengan perintah ini.\n${postgresBackupHelp(location.target)}`);
          process.exitCode = 1;
          return;
        }
        const result = await restoreSqlite(file, location.target, options);
        console.log(`Basis data ${location.target} dipulihkan dari ${file}.`);
        if (result.previous) console.log(`Basis data sebelumnya disimpan di ${result.previous}.`);
        if (result.pending.length > 0) console.log(`Saat LAYANI dijalankan, ${result.pending.length} migrasi akan diterapkan (${result.pending.join(', ')}).`);
        console.log('Jalankan LAYANI lagi (mis. sudo systemctl start layani), lalu npx layani doctor.');
      }),
    );
}
