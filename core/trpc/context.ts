import type { AgencyDirectory } from '../agencies/agency-directory.js';
import type { Actor } from '../auth/actor.js';
import type { BusinessCalendar } from '../calendar/business-calendar.js';
import type { CareerRules } from '../career/rules.js';
import type { FaqEngine } from '../faq/faq-engine.js';
import type { Clock } from '../clock/clock.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../logging/logger.js';
import type { SiasnSettings } from '../siasn/siasn-settings.js';
import type { SurveySettings } from '../survey/survey-settings.js';

export type { DeskChannels } from '../agencies/agency-desk.js';

export interface CoreSettings {
  linkCodeTtlHours: number;
  defaultAgencyCode: string;
  careerRules: CareerRules;
  businessCalendar: BusinessCalendar;
  /** Every agency's desk: which Slack channel an agency's message goes to, and whose desk a channel is. */
  agencies: AgencyDirectory;
  broadcasts: { approval: 'off' | 'required'; nudgeAfterDays: number };
  /** The SKM satisfaction survey after resolved tickets (SKM_SURVEY, SKM_SURVEY_ANONYMOUS). */
  survey: SurveySettings;
  /** The FAQ answerer over the policy corpus (reloads when a corpus file changes). */
  faq: FaqEngine;
  /** How to reach SIASN; null when the agency has not configured it (then staff and HR are told to ask HR). */
  siasn: SiasnSettings | null;
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
