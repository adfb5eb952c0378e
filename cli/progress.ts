import { SingleBar, Presets } from 'cli-progress';

/** A progress bar on stderr for long runs; silent for small jobs and when stderr is not a terminal. */
export function progressBar(total: number, label: string): { update(done: number): void; stop(): void } {
  if (total < 500 || !process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total}`, stream: process.stderr, hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}
