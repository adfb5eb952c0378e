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
  try {
    process.kill(marker.pid, 0);
    return marker;
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? marker : null;
  }
}

function readMarker(path: string): Marker | null {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Marker;
  } catch {
    return null;
  }
}
