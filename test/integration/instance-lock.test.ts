import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireInstanceLock, InstanceLockError } from '../../api/instance-lock.js';

describe('the SQLite instance lock', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'layani-lock-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('creates the data folder on a first start (npm start on a fresh checkout)', () => {
    const file = join(tempDir(), 'data', 'layani.db');
    const release = acquireInstanceLock(`file:${file}`);
    expect(existsSync(`${file}.running`)).toBe(true);
    release();
    expect(existsSync(`${file}.running`)).toBe(false);
  });

  it('refuses while another live process holds it, and takes over one left by a dead process', () => {
    const file = join(tempDir(), 'layani.db');
    // The parent of this test process stands for another running LAYANI.
    writeFileSync(`${file}.running`, JSON.stringify({ pid: process.ppid, host: hostname(), startedAt: '2026-11-23T00:00:00Z' }));
    expect(() => acquireInstanceLock(`file:${file}`)).toThrow(InstanceLockError);
    expect(() => acquireInstanceLock(`file:${file}`)).toThrow(/use PostgreSQL/);
    writeFileSync(`${file}.running`, JSON.stringify({ pid: 2 ** 22 + 7, host: hostname(), startedAt: '2026-11-23T00:00:00Z' }));
    const release = acquireInstanceLock(`file:${file}`);
    release();
  });
});
