import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { timestampedPath } from './backup-files.js';

/** What an operator reads when pg_dump is not on this machine, or for restoring, which is theirs to run. */
export function postgresBackupHelp(url: string): string {
  const shown = url.replace(/\/\/([^/:@\s]*)(:[^/@\s]*)?@/, '//$1@');
  return [
    'Untuk PostgreSQL, cadangan dibuat dengan alat PostgreSQL sendiri (paket postgresql-client, versi sama atau lebih baru dari server):',
    `  pg_dump --format=custom --no-owner --file=layani-$(date +%Y%m%d-%H%M%S).dump "${shown}"`,
    'Memulihkan (hentikan semua instans LAYANI dulu; isi basis data tujuan diganti):',
    `  pg_restore --clean --if-exists --no-owner --dbname="${shown}" layani-YYYYMMDD-HHmmss.dump`,
    'Kata sandi dapat diberikan lewat PGPASSWORD atau ~/.pgpass. Setelah pulih, jalankan npx layani doctor.',
  ].join('\n');
}

export function pgDumpAvailable(): string | null {
  const probe = spawnSync('pg_dump', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? probe.stdout.trim() : null;
}

/**
 * Runs pg_dump (custom format, restorable with pg_restore) into `<dir>/layani-YYYYMMDD-HHmmss.dump`. The password
 * goes through PGPASSWORD, not the command line, where other users of the machine could read it.
 */
export async function backupPostgres(url: string, dir: string): Promise<{ file: string; bytes: number }> {
  mkdirSync(dir, { recursive: true });
  const file = timestampedPath(dir, 'layani', '.dump');
  const target = new URL(url);
  const password = decodeURIComponent(target.password);
  target.password = '';
  const child = spawn('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${target.toString()}`], {
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`pg_dump gagal (kode ${code}): ${stderr.trim().split('\n')[0] ?? ''}`);
  return { file, bytes: statSync(file).size };
}
