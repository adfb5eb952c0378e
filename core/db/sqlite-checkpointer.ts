import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// SQLite copies the write-ahead log back into the database file (a checkpoint) from inside whichever commit
// finds the log long enough, and better-sqlite3 runs that commit on the event loop: under a steady stream of
// writes that stalls everything for 5–10 ms several times a second, over 100 ms when the disk is busy (the fsyncs).
// A second connection in a worker thread does the checkpoints instead; the app's connection never has to.

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 15000 });
const checkpoint = () => {
  try {
    // PASSIVE: copies what no reader still needs, never waits for or blocks the app's writes.
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ failed: String((error && error.message) || error) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** Runs a last checkpoint and ends the thread. */
  stop(): Promise<void>;
}

/**
 * Checkpoints `file` every `intervalMs` from a worker thread. The caller turns the app connection's automatic
 * checkpoints off, and back on when `onFailure` reports that the thread stopped working.
 */
export function startCheckpointer(file: string, onFailure: (reason: string) => void, intervalMs = 250): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(workerSource, { eval: true, workerData: { file, driver, intervalMs } });
  let stopping = false;
  let failed = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const fail = (reason: string) => {
    if (failed || stopping) return;
    failed = true;
    onFailure(reason);
  };
  worker.on('message', (message: { failed?: string }) => {
    if (message.failed) fail(message.failed);
  });
  worker.on('error', (error) => fail(error.message));
  worker.on('exit', (code) => fail(`checkpoint thread exited (${code})`));
  // A CLI command that never closes its database must still be able to exit.
  worker.unref();
  return {
    async stop() {
      if (stopping) return;
      stopping = true;
      // Unref'd, the thread would not keep the process alive while we wait for it: the wait would never end.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
