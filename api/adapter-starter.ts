import type { PlatformHealth } from '../core/health/platform-health.js';
import type { Logger } from '../core/logging/logger.js';
import type { ChatAdapter } from './chat-adapter.js';

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);

/**
 * Starts one chat adapter without holding up the rest of LAYANI: the first attempt is awaited for a moment, and
 * when the platform does not answer (Telegram down at start, a 5xx from getMe) it keeps trying in the background,
 * waiting longer each time, while the outbox, the SLA clock, the scheduler and the other platform carry on.
 * Until it is receiving, `problem()` says why, and /readyz names the adapter with it.
 */
export class AdapterStarter {
  private state: { kind: 'idle' } | { kind: 'starting'; since: Date; reason: string } | { kind: 'running' } | { kind: 'stopped' } = { kind: 'idle' };
  private timer: NodeJS.Timeout | null = null;
  private attempt: Promise<void> | null = null;
  private failures = 0;

  constructor(
    private readonly adapter: ChatAdapter,
    private readonly platforms: PlatformHealth,
    private readonly log: Logger,
    private readonly retryMs = 5000,
  ) {}

  /**
   * Starts it, waiting at most `waitMs` for the platform: a start still waiting then (grammY retries getMe until
   * Telegram answers) or failed goes on in the background.
   */
  async start(waitMs = 5000): Promise<void> {
    this.state = { kind: 'starting', since: new Date(), reason: 'waiting for the platform to answer' };
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, waitMs);
    });
    await Promise.race([this.tryStart(), waited]);
    clearTimeout(timer);
    if (this.state.kind === 'starting') this.log.warn({ adapter: this.adapter.name, reason: this.state.reason }, `${this.adapter.name}: not started yet; LAYANI runs on and keeps trying`);
  }

  problem(): string | null {
    if (this.state.kind !== 'starting') return null;
    return `not receiving: starting since ${this.state.since.toISOString()}: ${this.state.reason}; retrying in the background`;
  }

  private tryStart(): Promise<void> {
    this.attempt = (async () => {
      try {
        await this.adapter.start();
        if (this.state.kind !== 'starting') {
          // Stopped meanwhile: undo what the late start began.
          await this.adapter.stop();
          return;
        }
        if (this.failures > 0) this.log.info({ adapter: this.adapter.name }, `${this.adapter.name}: started after ${this.failures} failed attempts`);
        this.state = { kind: 'running' };
        this.platforms.reportOk(this.adapter.name);
      } catch (error) {
        if (this.state.kind !== 'starting') return;
        this.failures += 1;
        const reason = firstLine(error);
        this.platforms.reportFailure(this.adapter.name, `start failed: ${reason}`);
        this.state = { ...this.state, reason: `start failed: ${reason}` };
        const wait = Math.min(60_000, this.retryMs * 2 ** Math.min(this.failures - 1, 4));
        this.log.warn({ adapter: this.adapter.name, reason, retryInMs: wait }, `${this.adapter.name}: could not start, retrying in the background`);
        this.timer = setTimeout(() => void this.tryStart(), wait);
      }
    })();
    return this.attempt;
  }

  async stop(): Promise<void> {
    if (this.state.kind === 'idle' || this.state.kind === 'stopped') return;
    this.state = { kind: 'stopped' };
    if (this.timer) clearTimeout(this.timer);
    // Stops receiving, or abandons a start still waiting for the platform.
    await this.adapter.stop();
    await this.attempt;
  }
}
