import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireInstanceLock, InstanceLockError } from '../../api/instance-lock.js';
import { until } from '../support/telegram-harness.js';

describe('the SQLite instance lock', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'layani-lock-'));
    dirs.push(dir);
    return dir;
  };
  const children: ChildProcess[] = [];
  afterEach(() => {
    dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
    children.splice(0).forEach((child) => child.kill());
  });

  it('creates the data folder on a first start (npm start on a fresh checkout)', () => {
    const file = join(tempDir(), 'data', 'layani.db');
    const release = acquireInstanceLock(`file:${file}`);
    expect(existsSync(`${file}.running`)).toBe(true);
    release();
    expect(existsSync(`${file}.running`)).toBe(false);
  });

  it('refuses while another live process holds it, and takes over one left by a dead process', () => {
    const file = join(tempDir(), 'layani.db');
    // The parent of this test process stands for another running LAYANI (it started before writing its marker).
    writeFileSync(`${file}.running`, JSON.stringify({ pid: process.ppid, host: hostname(), startedAt: new Date().toISOString() }));
    expect(() => acquireInstanceLock(`file:${file}`)).toThrow(InstanceLockError);
    expect(() => acquireInstanceLock(`file:${file}`)).toThrow(/use PostgreSQL/);
    writeFileSync(`${file}.running`, JSON.stringify({ pid: 2 ** 22 + 7, host: hostname(), startedAt: '2026-11-23T00:00:00Z' }));
    const release = acquireInstanceLock(`file:${file}`);
    release();
  });

  it('takes over a marker whose process id now belongs to another program started after the marker (PID reuse)', async () => {
    const file = join(tempDir(), 'layani.db');
    // LAYANI wrote its marker an hour ago, then the machine lost power; after the reboot another program got its id.
    const other = spawn('sleep', ['30'], { stdio: 'ignore' });
    children.push(other);
    await new Promise((resolve) => other.once('spawn', resolve));
    const anHourAgo = new Date(Date.now() - 3_600_000).toISOString();
    writeFileSync(`${file}.running`, JSON.stringify({ pid: other.pid, host: hostname(), startedAt: anHourAgo }));
    const release = acquireInstanceLock(`file:${file}`);
    expect(JSON.parse(readFileSync(`${file}.running`, 'utf8'))).toMatchObject({ pid: process.pid });
    release();
  });

  it('takes over a marker whose process is a zombie nobody reaped', async () => {
    const file = join(tempDir(), 'layani.db');
    // The shell prints the id of a child that exits at once, then becomes `sleep`, which never reaps it.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
    children.push(parent);
    const zombiePid = Number(await new Promise<string>((resolve) => parent.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()))));
    await until(() => /\) Z /.test(readFileSync(`/proc/${zombiePid}/stat`, 'utf8')), 'the child to become a zombie');
    writeFileSync(`${file}.running`, JSON.stringify({ pid: zombiePid, host: hostname(), startedAt: new Date().toISOString() }));
    const release = acquireInstanceLock(`file:${file}`);
    expect(JSON.parse(readFileSync(`${file}.running`, 'utf8'))).toMatchObject({ pid: process.pid });
    release();
  });
});
