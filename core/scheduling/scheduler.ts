import type { Logger } from '../logging/logger.js';
import type { Runtime } from '../runtime.js';

/** Work that runs on the scheduler's minute tick. Each must be idempotent: every instance ticks. */
export interface ScheduledWork {
  name: string;
  run(runtime: Runtime, now: Date): Promise<unknown>;
}

/**
 * Runs every scheduled work once per tick, one after another; a failure is logged and the others still run.
 * The app ticks it every minute (node-cron, Asia/Jakarta); tests tick it by hand with a controllable clock.
 */
export class Scheduler {
  private running: Promise<void> | null = null;

  constructor(
    private readonly runtime: Runtime,
    private readonly works: readonly ScheduledWork[],
    private readonly log: Logger = runtime.log,
  ) {}

  /** One pass at `now` (the runtime's clock by default). A tick that comes while one runs waits for it. */
  async tick(now: Date = this.runtime.clock.now()): Promise<void> {
    while (this.running) await this.running;
    this.running = this.pass(now).finally(() => {
      this.running = null;
    });
    await this.running;
  }

  /** Waits for a pass in progress (graceful shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async pass(now: Date): Promise<void> {
    for (const work of this.works) {
      try {
        await work.run(this.runtime, now);
      } catch (error) {
        this.log.error({ work: work.name, err: error }, 'scheduled work failed');
      }
    }
  }
}
