import type { Db, TransactionClient } from '../db/client.js';
import type { Lang } from './format-date.js';

/**
 * The language each Telegram chat chose with /bahasa, read from the bot's session rows (`telegram:<chat id>`,
 * JSON with `lang`). The core otherwise leaves sessions to the adapter; reading this one field is what lets a
 * reminder arrive in English for someone who asked for English. Indonesian when unknown.
 */
export async function chatLanguages(db: Db | TransactionClient, chatIds: readonly string[]): Promise<Map<string, Lang>> {
  const result = new Map<string, Lang>();
  const unique = [...new Set(chatIds)];
  for (let start = 0; start < unique.length; start += 500) {
    const keys = unique.slice(start, start + 500).map((chatId) => `telegram:${chatId}`);
    const rows = await db.botSession.findMany({ where: { key: { in: keys } }, select: { key: true, value: true } });
    for (const row of rows) {
      if (languageOf(row.value) === 'en') result.set(row.key.slice('telegram:'.length), 'en');
    }
  }
  return result;
}

function languageOf(value: string): Lang {
  try {
    return (JSON.parse(value) as { lang?: unknown }).lang === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}
