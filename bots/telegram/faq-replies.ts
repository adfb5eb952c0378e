import type { Bot } from 'grammy';
import type { InlineKeyboardButton } from 'grammy/types';
import type { FaqAnswer } from '../../core/faq/answer/answer-question.js';
import type { Runtime } from '../../core/runtime.js';
import { langOf, type BotContext } from './context.js';
import { splitMessage } from './format.js';

type AskResult = FaqAnswer & { answerId: string };

/** Shows an FAQ result: answers get 👍/👎, hand-overs get "Hubungi petugas". Plain text, no parse mode. */
export async function replyWithFaq(ctx: BotContext, result: AskResult): Promise<void> {
  const buttons: InlineKeyboardButton[][] =
    result.kind === 'answer'
      ? [[{ text: '👍', callback_data: `faq:up:${result.answerId}` }, { text: '👎', callback_data: `faq:down:${result.answerId}` }]]
      : result.kind === 'escalate'
        ? [[{ text: ctx.t('faq-contact-hr'), callback_data: `faq:human:${result.answerId}` }]]
        : [];
  const parts = splitMessage(result.text);
  for (const [index, part] of parts.entries()) {
    const last = index === parts.length - 1;
    await ctx.reply(part, last && buttons.length > 0 ? { reply_markup: { inline_keyboard: buttons } } : {});
  }
}

/** The 👍/👎 and "Hubungi petugas" buttons under FAQ answers. */
export function installFaqButtons(bot: Bot<BotContext>, runtime: Runtime): void {
  const caller = (ctx: BotContext) => runtime.callerFor(ctx.layani.actor!);

  bot.callbackQuery(/^faq:(up|down):([A-Za-z0-9_-]+)$/, async (ctx) => {
    const helpful = ctx.match[1] === 'up';
    const answerId = ctx.match[2]!;
    const rated = await caller(ctx).faq.rate({ answerId, helpful });
    ctx.layani.outcome = helpful ? 'faq.helpful' : 'faq.not-helpful';
    await ctx.answerCallbackQuery({ text: ctx.t('faq-thanks') });
    const keyboard: InlineKeyboardButton[][] = rated.offerHuman
      ? [[{ text: ctx.t('faq-contact-hr'), callback_data: `faq:human:${answerId}` }]]
      : [];
    await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: keyboard } }).catch(() => undefined);
  });

  bot.callbackQuery(/^faq:human:([A-Za-z0-9_-]+)$/, async (ctx) => {
    const opened = await caller(ctx).faq.handOver({ answerId: ctx.match[1]!, lang: langOf(ctx) });
    ctx.layani.outcome = 'faq.handover';
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => undefined);
    // The ticket's acknowledgement (with its number) comes through the outbox.
    void opened;
  });
}
