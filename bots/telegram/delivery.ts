import type { I18n } from '@grammyjs/i18n';
import { GrammyError, InputFile, type Api } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { fetchAttachment, type AttachmentFetcher, type AttachmentFetchers } from '../../core/outbox/attachment-files.js';
import { DeliveryRefused, RetryLater } from '../../core/outbox/delivery-errors.js';
import type { Attachment, Button, IntentOf, OutboxIntent } from '../../core/outbox/outbox-intent.js';
import type { DeliveryHandler } from '../../core/outbox/outbox-worker.js';
import type { BotContext } from './context.js';
import { ackCallbackPrefix } from './broadcast-callbacks.js';
import { broadcastMarkdownV2 } from './broadcast-markdown.js';
import type { DispatchMarks } from './dispatch-marks.js';
import { escapeHtml, splitMessage } from './format.js';

export interface DeliveryOptions {
  /** Without auto-retry: the outbox worker sees 429 and 403 itself and decides. */
  api: Api;
  apiRoot: string;
  token: string;
  files: AttachmentFetchers;
  i18n: I18n<BotContext>;
  /** When given, the first request of each delivery marks the outbox message dispatched as it leaves. */
  dispatchMarks?: DispatchMarks;
}

type Sent = { message_id: number };
type Step = () => Promise<Sent>;

/** Telegram's answer mapped to what the outbox worker understands. Network errors and 5xx pass unchanged. */
export function deliveryError(error: unknown): unknown {
  if (!(error instanceof GrammyError)) return error;
  if (error.error_code === 429) {
    const seconds = error.parameters.retry_after ?? 5;
    return new RetryLater(seconds, `Telegram flood limit: retry after ${seconds} s`);
  }
  // Blocked by the user, user deactivated, never started the bot: only the user can change that.
  if (error.error_code === 403) return new DeliveryRefused('blocked', error.description);
  // Chat not found, wrong file id, unparsable text: sending the same request again cannot succeed.
  if (error.error_code === 400) return new DeliveryRefused('failed', error.description);
  return error;
}

/** Telegram accepts a numeric chat id as a string too, but the throttler keys on numbers. */
function chatIdOf(chatId: string): number | string {
  return /^-?\d+$/.test(chatId) ? Number(chatId) : chatId;
}

export function csatKeyboard(ticketId: string): InlineKeyboardMarkup {
  return { inline_keyboard: [[1, 2, 3, 4, 5].map((n) => ({ text: String(n), callback_data: `csat:${ticketId}:${n}` }))] };
}

function buttonKeyboard(rows: Button[][]): InlineKeyboardMarkup | null {
  if (rows.length === 0) return null;
  return { inline_keyboard: rows.map((row) => row.map((button) => ({ text: button.text, callback_data: button.data }))) };
}

export function createDelivery(options: DeliveryOptions): { deliver: DeliveryHandler; fetchAttachment: AttachmentFetcher } {
  const { api, apiRoot, token, files, i18n } = options;
  /**
   * Parts already sent of a message whose later part failed, by outbox id: the retry goes on from there instead of
   * repeating them. Per process: after a crash a part may come twice, which beats losing one.
   */
  const progress = new Map<string, { done: number; ids: string[] }>();

  async function sendAttachment(chatId: number | string, attachment: Attachment): Promise<Sent> {
    if (attachment.source === 'telegram') {
      return attachment.kind === 'photo' ? api.sendPhoto(chatId, attachment.fileId) : api.sendDocument(chatId, attachment.fileId);
    }
    const file = await fetchAttachment(files, attachment);
    const input = () => new InputFile(file.bytes, file.fileName);
    if (attachment.kind === 'photo') {
      try {
        return await api.sendPhoto(chatId, input());
      } catch (error) {
        // A picture Telegram will not take as a photo (size, format) still reaches the user as a file.
        if (!(error instanceof GrammyError) || error.error_code !== 400 || /chat not found/i.test(error.description)) throw error;
      }
    }
    return api.sendDocument(chatId, input());
  }

  function stepsFor(intent: OutboxIntent): Step[] {
    switch (intent.kind) {
      case 'telegram.text':
        return textSteps(intent);
      case 'telegram.broadcast':
        return broadcastSteps(intent);
      case 'telegram.csatPrompt': {
        const text = i18n.t(intent.lang, 'csat-prompt', { number: String(intent.ticketNumber) });
        const keyboard = csatKeyboard(intent.ticketId);
        // "Buka lagi": the resolution message is where a staff member reopens the ticket.
        const markup = intent.reopenLabel
          ? { inline_keyboard: [...keyboard.inline_keyboard, [{ text: intent.reopenLabel, callback_data: `tiket:buka:${intent.ticketId}` }]] }
          : keyboard;
        return [() => api.sendMessage(chatIdOf(intent.chatId), text, { reply_markup: markup })];
      }
      default:
        throw new Error(`the Telegram adapter cannot deliver ${intent.kind}`);
    }
  }

  /**
   * A broadcast's Markdown as Telegram MarkdownV2, the confirmation button under it, then its attachment. Text that
   * Telegram cannot parse or that is too long once escaped goes out as plain text instead of not at all.
   */
  function broadcastSteps(intent: IntentOf<'telegram.broadcast'>): Step[] {
    const chatId = chatIdOf(intent.chatId);
    const ackRow: Button[][] = intent.ackLabel ? [[{ text: intent.ackLabel, data: `${ackCallbackPrefix}${intent.broadcastId}` }]] : [];
    const keyboard = buttonKeyboard([...ackRow, ...intent.buttons]);
    const markup = keyboard ? { reply_markup: keyboard } : {};
    const plain = `${intent.title}\n\n${intent.text}`;
    const formatted = broadcastMarkdownV2(intent.title, intent.text);
    const plainSteps = () => {
      const parts = splitMessage(plain);
      return parts.map((part, index): Step => () => api.sendMessage(chatId, part, index === parts.length - 1 ? markup : {}));
    };
    const textSteps: Step[] =
      formatted.length > 4096
        ? plainSteps()
        : [
            async () => {
              try {
                return await api.sendMessage(chatId, formatted, { parse_mode: 'MarkdownV2', ...markup });
              } catch (error) {
                if (!(error instanceof GrammyError) || error.error_code !== 400 || !/parse entities/i.test(error.description)) throw error;
                return api.sendMessage(chatId, plain, markup);
              }
            },
          ];
    const files = intent.attachment ? [(): Promise<Sent> => sendAttachment(chatId, intent.attachment!)] : [];
    return [...textSteps, ...files];
  }

  function textSteps(intent: IntentOf<'telegram.text'>): Step[] {
    const chatId = chatIdOf(intent.chatId);
    const texts = splitMessage(intent.text);
    const keyboard = buttonKeyboard(intent.buttons);
    const parts = texts.map(
      (part, index): Step => () =>
        api.sendMessage(chatId, escapeHtml(part), { parse_mode: 'HTML', ...(keyboard && index === texts.length - 1 ? { reply_markup: keyboard } : {}) }),
    );
    const files = intent.attachments.map((attachment): Step => () => sendAttachment(chatId, attachment));
    return [...parts, ...files];
  }

  const deliver: DeliveryHandler = async (intent, item) => {
    const steps = stepsFor(intent);
    const state = progress.get(item.id) ?? { done: 0, ids: [] };
    const withdraw = 'chatId' in intent && options.dispatchMarks ? options.dispatchMarks.expect(chatIdOf(intent.chatId), item.markDispatched) : () => undefined;
    try {
      for (let i = state.done; i < steps.length; i++) {
        const sent = await steps[i]!();
        state.ids.push(String(sent.message_id));
        state.done = i + 1;
        if (i + 1 < steps.length) remember(item.id, state);
      }
    } catch (error) {
      const mapped = deliveryError(error);
      if (mapped instanceof DeliveryRefused) progress.delete(item.id);
      throw mapped;
    } finally {
      withdraw();
    }
    progress.delete(item.id);
    return state.ids.length > 0 ? state.ids.join(',') : undefined;
  };

  function remember(id: string, state: { done: number; ids: string[] }): void {
    progress.set(id, state);
    if (progress.size > 1000) progress.delete(progress.keys().next().value!);
  }

  const fetchTelegramFile: AttachmentFetcher = async (attachment) => {
    if (attachment.source !== 'telegram') throw new Error(`not a Telegram file: ${attachment.source}`);
    const file = await api.getFile(attachment.fileId);
    if (!file.file_path) throw new Error('Telegram returned no file path (the file may be larger than 20 MB)');
    // The URL holds the bot token: it is never logged or put into an error message.
    const response = await fetch(`${apiRoot}/file/bot${token}/${file.file_path}`, { signal: AbortSignal.timeout(60_000) });
    if (!response.ok) throw new Error(`downloading a Telegram file failed: HTTP ${response.status}`);
    return { bytes: Buffer.from(await response.arrayBuffer()), fileName: attachment.fileName, mimeType: attachment.mimeType };
  };

  return { deliver, fetchAttachment: fetchTelegramFile };
}
