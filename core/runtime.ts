import type { Actor } from './auth/actor.js';
import { careerRulesFrom, careerSettingsOf } from './career/index.js';
import { systemClock, type Clock } from './clock/clock.js';
import type { Config } from './config/config-schema.js';
import type { Db } from './db/client.js';
import type { DatabaseKind } from './db/database-url.js';
import { openDatabase } from './db/open-database.js';
import { createLogger, type Logger } from './logging/logger.js';
import { ensureAgency } from './records/agencies.js';
import type { CoreContext, CoreSettings } from './trpc/context.js';
import { AgencyDirectory } from './agencies/agency-directory.js';
import { defaultBusinessCalendar } from './calendar/index.js';
import { createFaqEngine, llmSettingsFromConfig } from './faq/index.js';
import type { FaqEngine } from './faq/faq-engine.js';
import { createCaller } from './app-router.js';
import { PlatformHealth } from './health/platform-health.js';
import { siasnSettingsFromConfig, type SiasnSettings } from './siasn/siasn-settings.js';
import { createMetrics, type Metrics } from './metrics/metrics.js';

/** Everything a running LAYANI holds once: the database, the clock, the logger and the settings. */
export interface Runtime {
  config: Config;
  db: Db;
  dbKind: DatabaseKind;
  log: Logger;
  clock: Clock;
  settings: CoreSettings;
  /** This app's counters and gauges (served at /metrics). */
  metrics: Metrics;
  /** What was lately seen of each chat platform (served at /readyz). */
  platforms: PlatformHealth;
  contextFor(actor: Actor): CoreContext;
  callerFor(actor: Actor): ReturnType<typeof createCaller>;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  clock?: Clock;
  log?: Logger;
  /** Reload the FAQ corpus when a file changes (default on). */
  watchCorpus?: boolean;
}

export async function startRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const clock = options.clock ?? systemClock;
  const metrics = createMetrics();
  const database = await openDatabase(config.DATABASE_URL, { log, poolSize: config.DATABASE_POOL_SIZE });
  if (database.applied.length > 0) log.info({ migrations: database.applied }, 'database migrated');
  await ensureAgency(database.db, config.DEFAULT_AGENCY_CODE, config.DEFAULT_AGENCY_NAME);
  const calendar = defaultBusinessCalendar();
  for (const problem of calendar.problems) log.error({ file: problem.file, reason: problem.reason }, 'calendar file not loaded');
  // The SLACK_*_CHANNEL settings stay the default agency's desk; other agencies' desks are in the database.
  const agencies = new AgencyDirectory(database.db, {
    defaultAgencyCode: config.DEFAULT_AGENCY_CODE,
    defaultChannels: {
      triage: config.SLACK_TRIAGE_CHANNEL ?? null,
      confidential: config.SLACK_CONFIDENTIAL_CHANNEL ?? null,
      feedback: config.SLACK_FEEDBACK_CHANNEL ?? null,
    },
  });
  let faq: FaqEngine | null = null;
  let siasn: SiasnSettings | null = null;
  try {
    siasn = siasnSettingsFromConfig(config);
  } catch (error) {
    // Half-configured SIASN must not stop the desk; doctor and `layani siasn sync` say what is missing.
    log.error({ reason: (error as Error).message }, 'SIASN settings incomplete; SIASN stays off');
  }
  const settings: CoreSettings = {
    linkCodeTtlHours: config.LINK_CODE_TTL_HOURS,
    defaultAgencyCode: config.DEFAULT_AGENCY_CODE,
    careerRules: careerRulesFrom(careerSettingsOf(config)),
    businessCalendar: calendar.calendar,
    agencies,
    broadcasts: { approval: config.BROADCAST_APPROVAL, nudgeAfterDays: config.BROADCAST_NUDGE_DAYS },
    siasn,
    survey: { mode: config.SKM_SURVEY, anonymous: config.SKM_SURVEY_ANONYMOUS },
    // Built on first use: CLI commands such as import never load the corpus.
    get faq() {
      faq ??= createFaqEngine({
        corpusDir: config.FAQ_CORPUS_DIR,
        llm: llmSettingsFromConfig(config),
        log,
        threshold: config.FAQ_CONFIDENCE_THRESHOLD,
        watch: options.watchCorpus ?? true,
        metrics,
      });
      return faq;
    },
  };
  const contextFor = (actor: Actor): CoreContext => ({ db: database.db, clock, actor, settings, log });
  return {
    config,
    db: database.db,
    dbKind: database.kind,
    log,
    clock,
    settings,
    metrics,
    platforms: new PlatformHealth(),
    contextFor,
    callerFor: (actor) => createCaller(contextFor(actor)),
    close: async () => {
      faq?.close();
      await database.close();
    },
  };
}
