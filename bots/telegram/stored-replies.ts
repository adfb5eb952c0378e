import type { Transformer } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Db } from '../../core/db/client.js';
import type { Logger } from '../../core/logging/logger.js';
import { enqueue } from '../../core/outbox/enqueue.js';
import type { Button } from '../../core/outbox/outbox-intent.js';
import { staffOrderKey } from '../../core/tickets/staff-chat.js';

/** A failure Telegram may get over (network, 5xx, 429): anything else (400, 403) a retry cannot fix. */
function mayPass(error: unknown, result?: { ok: boolean; error_code?: number }): boolean {
  if (result) return !result.ok && (result.error_code === 429 || (result.error_code ?? 0) >= 500);
  return true;
}

function buttonsOf(markup: unknown): Button[][] | null {
  const keyboard = (markup as InlineKeyboardMarkup | undefined)?.inline_keyboard;
  if (!keyboard) return [];
  const rows = keyboard.map((row) => row.map((b) => ({ text: b.text, data: (b as { callback_data?: string }).callback_data })));
  // Only callback buttons can be stored; a keyboard with others is not replayed.
  return rows.every((row) => row.every((b) => b.data !== undefined)) ? (rows as Button[][]) : null;
}

/**
 * Replies the bot writes while handling an update (help, /profil, prompts) that Telegram does not take right now
 * (down, 5xx, 429 after the short retries) are stored in the outbox and sent from there, in the chat's order,
 * instead of being lost. What a step itself reports (acknowledgements, the link welcome, HR replies) is queued in
 * the core with the step; this is the net under everything else. The handler goes on as if it had been sent.
 */
export function storeFailedReplies(db: Db, log: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    if (method !== 'sendMessage') return prev(method, payload, signal);
    const params = payload as { chat_id?: number | string; text?: string; parse_mode?: string; reply_markup?: unknown };
    const storable = params.chat_id !== undefined && typeof params.text === 'string' && params.parse_mode === undefined;
    const buttons = storable ? buttonsOf(params.reply_markup) : null;
    const store = async () => {
      const chatId = String(params.chat_id);
      await enqueue(db, { channel: 'telegram', kind: 'telegram.text', chatId, text: params.text!, lang: 'id', buttons: buttons! }, { orderKey: staffOrderKey(chatId) });
      log.warn({ method }, 'telegram: reply not accepted now; stored in the outbox to be sent again');
      const chat = { id: Number(params.chat_id), type: 'private' as const, first_name: '' };
      return { ok: true as const, result: { message_id: 0, date: Math.floor(Date.now() / 1000), chat, text: params.text! } };
    };
    try {
      const result = await prev(method, payload, signal);
      if (buttons && mayPass(null, result as { ok: boolean; error_code?: number })) return (await store()) as unknown as typeof result;
      return result;
    } catch (error) {
      if (!buttons || signal?.aborted) throw error;
      return (await store()) as never;
    }
  };
}
