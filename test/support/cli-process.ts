import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';

/** What a run of the CLI printed and how it ended. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `layani <args>` as a real process (bin/layani.js). Asynchronous, so fakes served from this process can answer
 * it. Runs in a folder without a .env (a temporary one unless `cwd` is given), so only `env` counts.
 */
export function runLayani(args: string[], options: { env: Record<string, string | undefined>; cwd?: string }): Promise<CliRun> {
  const child = spawn(process.execPath, [resolve('bin/layani.js'), ...args], {
    cwd: options.cwd ?? tmpdir(),
    env: { PATH: process.env.PATH ?? '', ...options.env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}
