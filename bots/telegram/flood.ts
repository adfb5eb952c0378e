import type { Clock } from '../../core/clock/clock.js';

export interface FloodGateOptions {
  /** Messages one user may send in a window before the bot slows down (default 20). */
  limit?: number;
  /** The window in ms (default one minute). */
  windowMs?: number;
  /** How often a held message checks the clock again, in real ms (default 250). */
  recheckMs?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Slows a user down who sends more than `limit` messages a minute: each further message waits until the window has
 * room again (nothing is dropped), and the user gets one polite note per window. Time comes from the runtime's
 * clock, so a test can move it instead of waiting a minute.
 *
 * Must run after per-chat sequentialization: a held message then also holds back that user's later ones, which
 * keeps their order. State is per process (an approximation when several instances share a webhook).
 */
export class FloodGate {
  private readonly hits = new Map<number, number[]>();
  private readonly notedAt = new Map<number, number>();
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly recheckMs: number;

  constructor(private readonly clock: Clock, options: FloodGateOptions = {}) {
    this.limit = options.limit ?? 20;
    this.windowMs = options.windowMs ?? 60_000;
    this.recheckMs = options.recheckMs ?? 250;
  }

  /**
   * Resolves when `userId` may be served. `note` is called (at most once per window) when they are held;
   * `release()` returning true lets held messages through at once (the bot is stopping). Returns whether it held.
   */
  async admit(userId: number, note: () => Promise<void>, release: () => boolean): Promise<boolean> {
    let held = false;
    for (;;) {
      const now = this.clock.now().getTime();
      const recent = (this.hits.get(userId) ?? []).filter((at) => now - at < this.windowMs);
      if (recent.length < this.limit || release()) {
        recent.push(now);
        this.hits.set(userId, recent);
        this.sweep(now);
        return held;
      }
      this.hits.set(userId, recent);
      if (!held) {
        held = true;
        const last = this.notedAt.get(userId);
        if (last === undefined || now - last >= this.windowMs) {
          this.notedAt.set(userId, now);
          await note().catch(() => undefined);
        }
      }
      const freeInMs = recent[0]! + this.windowMs - now;
      await sleep(Math.max(5, Math.min(freeInMs, this.recheckMs)));
    }
  }

  /** Forgets users who have been quiet for a window, so the maps do not grow without end. */
  private sweep(now: number): void {
    if (this.hits.size < 5000) return;
    for (const [userId, list] of this.hits) {
      if (list.every((at) => now - at >= this.windowMs)) {
        this.hits.delete(userId);
        this.notedAt.delete(userId);
      }
    }
  }
}
