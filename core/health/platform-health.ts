import type { Platform } from '../metrics/metrics.js';

export interface PlatformState {
  /** ok: the platform answered lately; failing: it could not be reached; unknown: nothing tried yet. */
  state: 'ok' | 'failing' | 'unknown';
  /** When the state began (ISO time), so an operator sees how long a platform has been failing. */
  since: string | null;
  /** What went wrong, when failing (never a token or a message). */
  detail: string | null;
  /** Milliseconds since the platform last answered or failed to. */
  lastSeenMs: number | null;
}

/**
 * What LAYANI has recently seen of each chat platform: every call that reached it (even a refusal or a rate limit
 * is an answer) says it is up, every network failure or 5xx says it is failing. /readyz and `layani doctor` read it.
 */
export class PlatformHealth {
  private readonly states = new Map<Platform, { ok: boolean; since: number; detail: string | null; seen: number }>();
  private lastDelivery: number | null = null;

  /** An outbox message reached its platform. */
  reportDelivered(platform: Platform): void {
    this.lastDelivery = Date.now();
    this.reportOk(platform);
  }

  /** Milliseconds since this process last delivered an outbox message (null: none yet). */
  msSinceLastDelivery(): number | null {
    return this.lastDelivery === null ? null : Date.now() - this.lastDelivery;
  }

  reportOk(platform: Platform): void {
    const now = Date.now();
    const previous = this.states.get(platform);
    this.states.set(platform, { ok: true, since: previous?.ok ? previous.since : now, detail: null, seen: now });
  }

  reportFailure(platform: Platform, detail: string): void {
    const now = Date.now();
    const previous = this.states.get(platform);
    this.states.set(platform, { ok: false, since: previous && !previous.ok ? previous.since : now, detail: detail.slice(0, 200), seen: now });
  }

  stateOf(platform: Platform): PlatformState {
    const entry = this.states.get(platform);
    if (!entry) return { state: 'unknown', since: null, detail: null, lastSeenMs: null };
    return {
      state: entry.ok ? 'ok' : 'failing',
      since: new Date(entry.since).toISOString(),
      detail: entry.detail,
      lastSeenMs: Date.now() - entry.seen,
    };
  }
}
