import type { Actor } from '../auth/actor.js';
import type { BusinessCalendar } from '../calendar/business-calendar.js';
import type { CareerRules } from '../career/rules.js';
import type { FaqEngine } from '../faq/faq-engine.js';
import type { Clock } from '../clock/clock.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../logging/logger.js';
import type { SurveySettings } from '../survey/survey-settings.js';

/** Where one agency's HR desk lives in Slack. */
export interface DeskChannels {
  triage: string | null;
  confidential: string | null;
  feedback: string | null;
}

export interface CoreSettings {
  linkCodeTtlHours: number;
  defaultAgencyCode: string;
  careerRules: CareerRules;
  businessCalendar: BusinessCalendar;
  /** The Slack channels of an agency's desk (today every agency shares the configured ones). */
  deskChannelsFor(agencyId: string): DeskChannels;
  broadcasts: { approval: 'off' | 'required'; nudgeAfterDays: number };
  /** The SKM satisfaction survey after resolved tickets (SKM_SURVEY, SKM_SURVEY_ANONYMOUS). */
  survey: SurveySettings;
  /** The FAQ answerer over the policy corpus (reloads when a corpus file changes). */
  faq: FaqEngine;
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
