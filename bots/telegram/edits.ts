import { TRPCError } from '@trpc/server';
import { GrammyError } from 'grammy';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import { ZodError } from 'zod';
import type { Lang } from './context.js';

/** Edits of old messages fail harmlessly ("message is not modified", too old, deleted): ignore those. */
export async function quietly(edit: Promise<unknown>): Promise<void> {
  try {
    await edit;
  } catch (error) {
    if (!(error instanceof GrammyError) || error.error_code !== 400) throw error;
  }
}

/**
 * What to tell the user when the core refused (wrong code, session over, not invited): its message in their
 * language. Null for anything unexpected, which the caller rethrows so the error middleware handles it.
 */
export function refusalOf(error: unknown, lang: Lang): string | null {
  if (!(error instanceof TRPCError) || error.code === 'INTERNAL_SERVER_ERROR') return null;
  if (error.cause instanceof ZodError) return error.cause.issues[0]?.message ?? error.message;
  const [indonesian, english] = error.message.split(' / ');
  return (lang === 'en' && english ? english : indonesian ?? error.message).trim();
}

/** The same keyboard with the buttons whose callback data passes `pick` relabelled; the rest untouched. */
export function relabel(markup: InlineKeyboardMarkup | undefined, label: (data: string, text: string) => string): InlineKeyboardMarkup | undefined {
  if (!markup) return undefined;
  return {
    inline_keyboard: markup.inline_keyboard.map((row) =>
      row.map((button): InlineKeyboardButton => {
        const data = (button as { callback_data?: string }).callback_data;
        return data === undefined ? button : { text: label(data, button.text), callback_data: data };
      }),
    ),
  };
}

/** Cuts text so that `prefix + text` fits Telegram's 64-byte callback data, without splitting a character. */
export function fitCallbackData(prefix: string, text: string): string {
  let out = text;
  while (Buffer.byteLength(prefix + out, 'utf8') > 64) out = [...out].slice(0, -1).join('');
  return prefix + out;
}
