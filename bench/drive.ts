import { setTimeout as sleep } from 'node:timers/promises';

/** Calls `send(i)` at `rate` per second for `seconds`, in 10 ms ticks. */
export async function drive(rate: number, seconds: number, send: (i: number) => void): Promise<void> {
  const total = rate * seconds;
  const started = Date.now();
  let i = 0;
  while (i < total) {
    const due = Math.min(total, Math.floor(((Date.now() - started) / 1000) * rate));
    while (i < due) send(i++);
    await sleep(10);
  }
}
