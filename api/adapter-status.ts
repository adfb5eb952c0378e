import type { Config } from '../core/config/config-schema.js';

export interface AdapterStatus {
  name: string;
  enabled: boolean;
  /** What to set to enable it, when it is off. */
  hint: string;
}

/** One line per adapter at start: on, or what to set to turn it on. */
export function adapterStatuses(config: Config): AdapterStatus[] {
  return [
    {
      name: 'telegram',
      enabled: Boolean(config.TELEGRAM_BOT_TOKEN),
      hint: 'set TELEGRAM_BOT_TOKEN (from BotFather) to enable the Telegram bot',
    },
    {
      name: 'slack',
      enabled: Boolean(config.SLACK_BOT_TOKEN && (config.SLACK_SIGNING_SECRET || config.SLACK_APP_TOKEN)),
      hint: 'set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode) and SLACK_TRIAGE_CHANNEL to enable Slack triage',
    },
    {
      name: 'llm',
      enabled: Boolean(config.OPENAI_API_KEY && config.LLM_MODEL),
      hint: 'set OPENAI_API_KEY, LLM_MODEL (and OPENAI_BASE_URL for a self-hosted server) to let an LLM phrase FAQ answers; the extractive answerer serves meanwhile',
    },
  ];
}

/**
 * Desk channels left unset with Slack on: what HR would silently miss. Said at every start, one line each.
 */
export function deskChannelWarnings(config: Config): Array<{ setting: string; message: string }> {
  if (!config.SLACK_BOT_TOKEN) return [];
  const warnings: Array<{ setting: string; message: string }> = [];
  if (!config.SLACK_TRIAGE_CHANNEL) {
    warnings.push({ setting: 'SLACK_TRIAGE_CHANNEL', message: 'SLACK_TRIAGE_CHANNEL is not set: tickets are stored but their cards wait in the outbox and never reach Slack; set it to the triage channel id' });
  }
  if (!config.SLACK_CONFIDENTIAL_CHANNEL) {
    warnings.push({
      setting: 'SLACK_CONFIDENTIAL_CHANNEL',
      message: 'SLACK_CONFIDENTIAL_CHANNEL is not set: confidential tickets and FAQ drafts wait in the outbox and never reach Slack, and broadcast approvals go to the triage channel; set it to the private HR leads channel id',
    });
  }
  if (!config.SLACK_FEEDBACK_CHANNEL) {
    warnings.push({
      setting: 'SLACK_FEEDBACK_CHANNEL',
      message: 'SLACK_FEEDBACK_CHANNEL is not set: suggestions and complaints from /saran are stored but never posted; set it to the feedback channel id',
    });
  }
  return warnings;
}
