import type { FakeTelegram } from '../fakes/fake-telegram.js';

/** Settings for an app (in this process or a child) that talks to a FakeTelegram, quietly, on a free port. */
export function telegramAppEnv(databaseUrl: string, telegram: FakeTelegram, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.url,
    ...extra,
  };
}
