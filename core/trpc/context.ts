import type { Actor } from '../auth/actor.js';
import type { CareerRules } from '../career/rules.js';
import type { Clock } from '../clock/clock.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../logging/logger.js';

export interface CoreSettings {
  linkCodeTtlHours: number;
  defaultAgencyCode: string;
  careerRules: CareerRules;
}

/**
 * The inner context every caller shares: HTTP requests, the chat adapters, the CLI and tests build one of these
 * and call the routers through it, so authorization lives in one place.
 */
export interface CoreContext {
  db: Db;
  clock: Clock;
  actor: Actor;
  settings: CoreSettings;
  log: Logger;
}
