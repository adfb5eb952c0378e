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
