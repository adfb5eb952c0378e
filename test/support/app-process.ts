import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { until } from './telegram-harness.js';

/** LAYANI as a real process (`tsx api/main.ts`), for what only a process shows: signals, exit codes, restarts. */
export interface AppProcess {
  child: ChildProcessWithoutNullStreams;
  /** Where it listens (from its start line). */
  url: string;
  /** Parsed JSON log lines so far (none kept when `onLog` is given). */
  logs: Array<Record<string, unknown>>;
  stderr(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** Sends SIGTERM and resolves with the exit code and how long the process took to end. */
  terminate(): Promise<{ code: number | null; ms: number }>;
}

export async function startAppProcess(
  env: Record<string, string>,
  options: { onLog?: (entry: Record<string, unknown>) => void } = {},
): Promise<AppProcess> {
  // In a folder without a .env, so only `env` counts.
  const tsx = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href;
  // As `npm start` runs it, heap limit included.
  const child = spawn(process.execPath, ['--max-old-space-size=256', '--import', tsx, resolve('api/main.ts')], {
    cwd: tmpdir(),
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', FAQ_CORPUS_DIR: resolve('corpus'), ...env },
  });
  const logs: Array<Record<string, unknown>> = [];
  let errors = '';
  let buffered = '';
  let url = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        errors += `${line}\n`;
        continue;
      }
      const listening = typeof entry.msg === 'string' ? /^LAYANI listening on (\S+)/.exec(entry.msg) : null;
      if (listening) url = listening[1]!;
      if (options.onLog) options.onLog(entry);
      else logs.push(entry);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)));
  let ended = false;
  void exited.then(() => (ended = true));
  await until(() => ended || url !== '', 'LAYANI to start', 30_000);
  if (ended) throw new Error(`LAYANI exited at start:\n${errors}`);
  return {
    child,
    url,
    logs,
    stderr: () => errors,
    exited,
    async terminate() {
      const started = Date.now();
      child.kill('SIGTERM');
      const code = await exited;
      return { code, ms: Date.now() - started };
    },
  };
}
