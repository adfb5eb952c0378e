import type { OutboxChannel } from './outbox-intent.js';
import { OutboxWorker, type OutboxWorkerOptions } from './outbox-worker.js';

/**
 * One outbox worker per channel, each claiming only its own channel's messages: a Telegram backlog (a broadcast to
 * the whole province, sent at Telegram's 30 messages a second) then never holds up a Slack card behind it, and a
 * Slack outage never slows Telegram. Order keys are still honoured across channels (the claim checks every
 * channel's earlier messages of a key).
 */
export class OutboxWorkers {
  readonly workers: OutboxWorker[];

  constructor(options: Omit<OutboxWorkerOptions, 'channel'>) {
    const channels = Object.keys(options.handlers) as OutboxChannel[];
    this.workers = channels.map((channel) => new OutboxWorker({ ...options, channel }));
  }

  start(): void {
    for (const worker of this.workers) worker.start();
  }

  /** Stops polling and waits for every channel's deliveries in flight. */
  async stop(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.stop()));
  }

  wake(): void {
    for (const worker of this.workers) worker.wake();
  }

  /** One pass of every channel's worker; returns how many messages were handled in all. */
  async runOnce(): Promise<number> {
    const handled = await Promise.all(this.workers.map((worker) => worker.runOnce()));
    return handled.reduce((sum, n) => sum + n, 0);
  }
}
