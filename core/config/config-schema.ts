import cron from 'node-cron';
import { z } from 'zod';
import { surveyModeSchema } from '../survey/survey-settings.js';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();
const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.url({ error: 'expected a URL such as https://host/path' }).optional())
  .optional();

/** Every setting LAYANI reads from the environment. `.env.example` documents each one. */
export const configSchema = z.object({
  PORT: z.coerce.number({ error: 'expected a port number (0 lets the system choose)' }).int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'expected file:./data/layani.db (SQLite) or postgresql://user@host:5432/db')
    .default('file:./data/layani.db'),
  DATABASE_POOL_SIZE: z.coerce.number({ error: 'expected a number of connections' }).int().min(2).max(100).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEFAULT_AGENCY_CODE: z
    .string()
    .regex(/^[A-Z0-9_-]{2,32}$/, 'expected an agency code of 2–32 capital letters, digits, - or _')
    .default('DKP'),
  DEFAULT_AGENCY_NAME: z.string().min(1).default('Dinas Kelautan dan Perikanan Provinsi Kepulauan Bangka Belitung'),
  LINK_CODE_TTL_HOURS: z.coerce.number({ error: 'expected a number of hours' }).int().min(1).max(720).default(72),
  BROADCAST_APPROVAL: z.enum(['off', 'required'], { error: 'expected off or required' }).default('off'),
  /** How long a half-finished chat step (a chosen category, /saran, a rating comment…) waits for the next message. */
  CHAT_STEP_TIMEOUT_MINUTES: z.coerce.number({ error: 'expected a number of minutes' }).int().min(1).max(1440).default(15),
  BROADCAST_NUDGE_DAYS: z.coerce.number({ error: 'expected a number of days' }).int().min(1).max(30).default(3),

  TELEGRAM_BOT_TOKEN: optionalText,
  TELEGRAM_API_ROOT: z.url({ error: 'expected a URL such as https://api.telegram.org' }).default('https://api.telegram.org'),
  TELEGRAM_WEBHOOK_URL: optionalUrl,
  TELEGRAM_WEBHOOK_SECRET: optionalText,
  TELEGRAM_MESSAGES_PER_SECOND: z.coerce.number({ error: 'expected a number of messages per second' }).int().min(1).max(1000).default(30),

  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: z.url({ error: 'expected a URL such as https://slack.com/api/' }).default('https://slack.com/api/'),
  SLACK_TRIAGE_CHANNEL: optionalText,
  SLACK_CONFIDENTIAL_CHANNEL: optionalText,
  SLACK_FEEDBACK_CHANNEL: optionalText,

  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalUrl,
  LLM_MODEL: optionalText,
  LLM_TIMEOUT_MS: z.coerce.number({ error: 'expected milliseconds' }).int().min(100).max(60_000).default(8000),
  FAQ_CORPUS_DIR: optionalText,
  FAQ_CONFIDENCE_THRESHOLD: z.coerce.number({ error: 'expected a number from 0 to 1' }).min(0).max(1).default(0.372),

  CAREER_PENSION_TMT_BORN_ON_FIRST: z
    .enum(['next-month', 'same-month'], { error: 'expected next-month or same-month' })
    .default('next-month'),
  CAREER_LEAP_DAY_BIRTHDAY: z.enum(['feb-28', 'mar-1'], { error: 'expected feb-28 or mar-1' }).default('feb-28'),
  CAREER_PPPK_AGREEMENT_END: z
    .enum(['same-as-pension-tmt', 'bup-day'], { error: 'expected same-as-pension-tmt or bup-day' })
    .default('same-as-pension-tmt'),
  CAREER_JF_KP_MIN_YEARS: z.coerce.number({ error: 'expected a number of years' }).int().min(0).max(4).default(4),

  // SIASN (BKN's web service). Off until the consumer key is set; see core/siasn/siasn-settings.ts.
  SIASN_API_URL: z.url({ error: 'expected a URL such as https://apimws.bkn.go.id:8243/apisiasn/1.0/' }).default('https://apimws.bkn.go.id:8243/apisiasn/1.0/'),
  SIASN_GATEWAY_TOKEN_URL: z.url({ error: 'expected a URL such as https://apimws.bkn.go.id/oauth2/token' }).default('https://apimws.bkn.go.id/oauth2/token'),
  SIASN_CONSUMER_KEY: optionalText,
  SIASN_CONSUMER_SECRET: optionalText,
  SIASN_CONSUMER_SECRET_FILE: optionalText,
  SIASN_SSO_TOKEN_URL: z
    .url({ error: 'expected the SSO token URL, such as https://sso-siasn.bkn.go.id/auth/realms/public-siasn/protocol/openid-connect/token' })
    .default('https://sso-siasn.bkn.go.id/auth/realms/public-siasn/protocol/openid-connect/token'),
  SIASN_SSO_CLIENT_ID: optionalText,
  SIASN_SSO_USERNAME: optionalText,
  SIASN_SSO_PASSWORD: optionalText,
  SIASN_SSO_PASSWORD_FILE: optionalText,
  SIASN_REQUESTS_PER_SECOND: z.coerce.number({ error: 'expected requests per second, e.g. 5' }).min(0.1).max(1000).default(5),
  SIASN_TIMEOUT_MS: z.coerce.number({ error: 'expected milliseconds' }).int().min(1000).max(120_000).default(15_000),
  SIASN_MAX_RETRIES: z.coerce.number({ error: 'expected a number of retries' }).int().min(0).max(10).default(4),
  SIASN_SYNC_CRON: z
    .string()
    .trim()
    .refine((v) => v === '' || v === 'off' || cron.validate(v), 'expected a cron expression in WIB such as "30 1 * * *", or off')
    .default('30 1 * * *'),

  SKM_SURVEY: surveyModeSchema.default('off'),
  SKM_SURVEY_ANONYMOUS: z
    .enum(['true', 'false'], { error: 'expected true or false' })
    .default('true')
    .transform((v) => v === 'true'),
});

export type Config = z.infer<typeof configSchema>;
