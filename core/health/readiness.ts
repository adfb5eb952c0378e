import { statSync } from 'node:fs';
import type { Config } from '../config/config-schema.js';
import type { Db } from '../db/client.js';
import { parseDatabaseUrl, type DatabaseKind } from '../db/database-url.js';
import { loadMigrations, migrationsTable } from '../db/migrations.js';
import type { Platform } from '../metrics/metrics.js';
import { probeSlack, probeTelegram, type ProbeResult } from '../ops/platform-probes.js';
import type { PlatformHealth } from './platform-health.js';

export interface CheckResult {
  ok: boolean;
  detail: string;
}

export interface Readiness {
  ready: boolean;
  checks: Record<string, CheckResult>;
}

export interface ReadinessOptions {
  config: Config;
  db: Db;
  dbKind: DatabaseKind;
  platforms: PlatformHealth;
  /** The chat platforms this app runs (each must be reachable). */
  enabled: Platform[];
  /** A due message not picked up for this long means the outbox is stuck (default 10 minutes). */
  outboxStuckAfterMs?: number;
  /** A platform not heard from for this long, or failing, is asked directly (getMe, auth.test); default 60 s. */
  probeAfterMs?: number;
  /**
   * Why an enabled adapter is not receiving yet (still starting: its platform did not answer), or null once it
   * is. The core workers run regardless; /readyz names the adapter so the outage is seen.
   */
  notReceiving?: (platform: Platform) => string | null;
  /** Probes for tests; default the real calls. */
  probe?: (platform: Platform) => Promise<ProbeResult>;
}

const queryTimeoutMs = 3000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${queryTimeoutMs / 1000} s`)), queryTimeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);

/**
 * GET /readyz: may this instance take traffic? The database answers (and, for SQLite, is still the file it
 * opened), every shipped migration is applied, the outbox is moving, and each enabled chat platform answers.
 */
export class ReadinessChecks {
  private draining = false;
  private readonly sqliteFile: { path: string; inode: number } | null;
  private readonly shippedMigrations: string[];
  private readonly probing = new Map<Platform, Promise<void>>();

  constructor(private readonly options: ReadinessOptions) {
    const location = parseDatabaseUrl(options.config.DATABASE_URL);
    this.sqliteFile = location.kind === 'sqlite' && location.target !== ':memory:' ? { path: location.target, inode: statSync(location.target).ino } : null;
    this.shippedMigrations = loadMigrations(options.dbKind).map((m) => m.name);
  }

  /** From now on /readyz says no, so a load balancer sends new traffic elsewhere while this instance stops. */
  startDraining(): void {
    this.draining = true;
  }

  async check(): Promise<Readiness> {
    const checks: Record<string, CheckResult> = {};
    if (this.draining) checks.shutdown = { ok: false, detail: 'shutting down' };
    checks.database = await this.database();
    checks.migrations = checks.database.ok ? await this.migrations() : { ok: false, detail: 'database not reachable' };
    checks.outbox = checks.database.ok ? await this.outbox() : { ok: false, detail: 'database not reachable' };
    for (const platform of this.options.enabled) checks[platform] = await this.platform(platform);
    return { ready: Object.values(checks).every((c) => c.ok), checks };
  }

  private async database(): Promise<CheckResult> {
    if (this.sqliteFile) {
      // A deleted or replaced file keeps working for this process, but everything written from then on is lost.
      let inode: number | null = null;
      try {
        inode = statSync(this.sqliteFile.path).ino;
      } catch {
        return { ok: false, detail: `database file ${this.sqliteFile.path} is missing; restore it or restart LAYANI` };
      }
      if (inode !== this.sqliteFile.inode) {
        return { ok: false, detail: `database file ${this.sqliteFile.path} was replaced while LAYANI ran; restart LAYANI to use it` };
      }
    }
    try {
      await withTimeout(this.options.db.$queryRawUnsafe('SELECT 1'), 'the database');
      return { ok: true, detail: this.options.dbKind };
    } catch (error) {
      return { ok: false, detail: firstLine(error) };
    }
  }

  private async migrations(): Promise<CheckResult> {
    try {
      const rows = await withTimeout(
        this.options.db.$queryRawUnsafe<Array<{ name: string }>>(`SELECT name FROM "${migrationsTable}"`),
        'the database',
      );
      const applied = new Set(rows.map((r) => r.name));
      const missing = this.shippedMigrations.filter((name) => !applied.has(name));
      if (missing.length > 0) return { ok: false, detail: `not applied: ${missing.join(', ')} (restart LAYANI or run npx layani migrate)` };
      return { ok: true, detail: `${applied.size} applied` };
    } catch (error) {
      return { ok: false, detail: firstLine(error) };
    }
  }

  private async outbox(): Promise<CheckResult> {
    const stuckAfter = this.options.outboxStuckAfterMs ?? 10 * 60_000;
    const now = new Date();
    const before = new Date(now.getTime() - stuckAfter);
    try {
      // Waiting since both its creation and its due time: new messages are due at once (nextAttemptAt = 1970).
      const overdue = await withTimeout(
        this.options.db.outboxMessage.count({
          where: { status: 'pending', createdAt: { lte: before }, nextAttemptAt: { lte: before }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
        }),
        'the database',
      );
      if (overdue === 0) return { ok: true, detail: 'moving' };
      // A long backlog (a broadcast to everyone) is not stuck as long as messages keep going out.
      const sinceDelivery = this.options.platforms.msSinceLastDelivery();
      if (sinceDelivery !== null && sinceDelivery < 60_000) return { ok: true, detail: `${overdue} messages waiting, still delivering` };
      return { ok: false, detail: `${overdue} messages due for over ${Math.round(stuckAfter / 60_000)} min and none delivered in the last minute` };
    } catch (error) {
      return { ok: false, detail: firstLine(error) };
    }
  }

  private async platform(platform: Platform): Promise<CheckResult> {
    const { platforms } = this.options;
    const starting = this.options.notReceiving?.(platform);
    if (starting) return { ok: false, detail: starting };
    const seen = platforms.stateOf(platform);
    // A failing platform is asked again at once, so recovery shows on the next check.
    if (seen.state !== 'ok' || (seen.lastSeenMs ?? Infinity) > (this.options.probeAfterMs ?? 60_000)) await this.probe(platform);
    const state = platforms.stateOf(platform);
    if (state.state === 'ok') return { ok: true, detail: 'connected' };
    if (state.state === 'failing') return { ok: false, detail: `failing since ${state.since}: ${state.detail}` };
    return { ok: false, detail: 'not checked yet' };
  }

  /** One probe at a time per platform, however many requests ask. */
  private probe(platform: Platform): Promise<void> {
    let running = this.probing.get(platform);
    if (!running) {
      running = this.runProbe(platform).finally(() => this.probing.delete(platform));
      this.probing.set(platform, running);
    }
    return running;
  }

  private async runProbe(platform: Platform): Promise<void> {
    const { config, platforms } = this.options;
    const probe =
      this.options.probe ??
      ((p: Platform) => (p === 'telegram' ? probeTelegram(config.TELEGRAM_API_ROOT, config.TELEGRAM_BOT_TOKEN ?? '') : probeSlack(config.SLACK_API_URL, config.SLACK_BOT_TOKEN ?? '')));
    const result = await probe(platform);
    if (result.outcome === 'ok') platforms.reportOk(platform);
    else platforms.reportFailure(platform, `${result.outcome}: ${result.detail}`);
  }
}
