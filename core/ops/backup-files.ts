import { existsSync } from 'node:fs';
import { join } from 'node:path';

const pad = (n: number) => String(n).padStart(2, '0');

/** `<dir>/<prefix>-YYYYMMDD-HHmmss<ext>` in the machine's local time; `-2`, `-3`… when taken in the same second. */
export function timestampedPath(dir: string, prefix: string, ext: string, at = new Date()): string {
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  let path = join(dir, `${prefix}-${stamp}${ext}`);
  for (let n = 2; existsSync(path); n++) path = join(dir, `${prefix}-${stamp}-${n}${ext}`);
  return path;
}
