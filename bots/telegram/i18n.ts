import { fileURLToPath } from 'node:url';
import { I18n } from '@grammyjs/i18n';
import type { Logger } from '../../core/logging/logger.js';
import type { BotContext, Lang } from './context.js';

export const languages: readonly Lang[] = ['id', 'en'];

/** Commands shown in Telegram's menu, in this order; each has a `cmd-<name>` description in the .ftl files. */
export const commandNames = ['start', 'bantuan', 'tanya', 'tiket', 'tiketku', 'profil', 'pengingat', 'saran', 'bahasa', 'info', 'langganan', 'tanyasosialisasi', 'hadir'] as const;

/** Fluent translations from locales/id.ftl (the default) and locales/en.ftl; the session's language wins. */
export function createI18n(log: Logger): I18n<BotContext> {
  const i18n = new I18n<BotContext>({
    defaultLocale: 'id',
    localeNegotiator: (ctx) => ctx.session.lang ?? 'id',
    // Fluent wraps placeables in Unicode isolation marks by default; Telegram would show them as stray characters.
    fluentBundleOptions: { useIsolating: false },
    fluentOptions: {
      // Only the key: the variables may hold names or message text.
      warningHandler: (warning) => log.warn({ key: warning.path, locales: warning.locales }, 'telegram: missing translation'),
    },
  });
  for (const lang of languages) {
    i18n.loadLocaleSync(lang, { filePath: fileURLToPath(new URL(`./locales/${lang}.ftl`, import.meta.url)) });
  }
  return i18n;
}
