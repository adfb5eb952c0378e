import { hostname } from 'node:os';
import { existsSync, readFileSync } from 'node:fs';

/**
 * A small file next to the SQLite database saying which process serves it: the app takes it as its single-instance
 * lock (api/instance-lock.ts), and `layani restore` refuses to swap the file under a running LAYANI (SQLite holds
 * no lock while the app is idle). A marker left by a crash is recognised: its process no longer exists.
 */
export function runningMarkerPath(databaseFile: string): string {
  return `${databaseFile}.running`;
}

export interface Marker {
  pid: number;
  host: string;
  startedAt: string;
}

/** The LAYANI process serving this database, or null when none runs (on this machine). */
export function runningInstance(databaseFile: string): Marker | null {
  const marker = readMarker(runningMarkerPath(databaseFile));
  if (!marker || marker.host !== hostname()) return null;
  return isMarkerProcessAlive(marker) ? marker : null;
}

/** Slack between a process starting and it writing its marker the other way round (clock granularity). */
const startSlackMs = 5000;

/**
 * Whether the marker's process still runs. A process id alone is not enough: after a crash or a power cut the id
 * may belong to another program by now, or to a zombie nobody reaped. Where /proc tells (Linux), the process
 * must be alive (not a zombie) and must have started before the marker was written; elsewhere a signal-0 probe.
 */
export function isMarkerProcessAlive(marker: Marker): boolean {
  const info = processInfo(marker.pid);
  if (info === 'gone') return false;
  if (info !== 'unknown') {
    if (info.zombie) return false;
    const written = Date.parse(marker.startedAt);
    if (Number.isFinite(written) && info.startedAt.getTime() > written + startSlackMs) return false;
    return true;
  }
  try {
    process.kill(marker.pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

let bootTimeMs: number | null | undefined;

function bootTime(): number | null {
  if (bootTimeMs === undefined) {
    try {
      const btime = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'));
      bootTimeMs = btime ? Number(btime[1]) * 1000 : null;
    } catch {
      bootTimeMs = null;
    }
  }
  return bootTimeMs;
}

/** Linux: a process's state and start time from /proc/<pid>/stat; 'unknown' where there is no /proc. */
function processInfo(pid: number): { zombie: boolean; startedAt: Date } | 'gone' | 'unknown' {
  if (!existsSync('/proc/self/stat')) return 'unknown';
  const boot = bootTime();
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 'gone';
  }
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const state = fields[0];
  const startTicks = Number(fields[19]);
  if (boot === null || !Number.isFinite(startTicks)) return { zombie: state === 'Z' || state === 'X', startedAt: new Date(0) };
  // Clock ticks per second: 100 on every Linux platform Node runs on (USER_HZ).
  return { zombie: state === 'Z' || state === 'X', startedAt: new Date(boot + (startTicks / 100) * 1000) };
}

function readMarker(path: string): Marker | null {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Marker;
  } catch {
    return null;
  }
}
