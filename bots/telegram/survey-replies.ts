import { TRPCError } from '@trpc/server';
import { GrammyError, type Bot } from 'grammy';
import type { InlineKeyboardButton } from 'grammy/types';
import type { Runtime } from '../../core/runtime.js';
import { skmElements } from '../../core/survey/skm-index.js';
import type { BotContext } from './context.js';

async function quietly(edit: Promise<unknown>): Promise<void> {
  try {
    await edit;
  } catch (error) {
    if (!(error instanceof GrammyError) || error.error_code !== 400) throw error;
  }
}

/** Question `index` (0–8) with its four answers (1–4) as buttons, two per row, and a way out. */
function question(ctx: BotContext, index: number): { text: string; keyboard: InlineKeyboardButton[][] } {
  const key = skmElements[index]!.key;
  const labels = ctx.t(`skm-${key}-scale`).split('|').map((label) => label.trim());
  const button = (score: number): InlineKeyboardButton => ({ text: labels[score - 1]!, callback_data: `skm:a:${score}` });
  return {
    text: ctx.t('skm-question', { n: String(index + 1), question: ctx.t(`skm-${key}`) }),
    keyboard: [[button(1), button(2)], [button(3), button(4)], [{ text: ctx.t('skm-cancel'), callback_data: 'skm:batal' }]],
  };
}

/**
 * The SKM survey after a resolved ticket: "Isi survei" (from the outbox) starts it, then nine questions are asked
 * one at a time in the same message. The answers wait in the chat's session and go to the core together; the
 * session is cleared as they are stored.
 */
export function installSurvey(bot: Bot<BotContext>, runtime: Runtime, saveSession: (ctx: BotContext) => Promise<void>): void {
  const caller = (ctx: BotContext) => runtime.callerFor(ctx.layani.actor!);
  const closed = async (ctx: BotContext, error: unknown) => {
    if (!(error instanceof TRPCError) || error.code !== 'NOT_FOUND') throw error;
    ctx.layani.outcome = 'skm.closed';
    if (ctx.session.pending?.kind === 'survey') ctx.session.pending = undefined;
    await ctx.answerCallbackQuery({ text: ctx.t('skm-closed'), show_alert: true });
  };

  bot.callbackQuery(/^skm:start:([A-Za-z0-9_-]+)$/, async (ctx) => {
    const ticketId = ctx.match[1]!;
    try {
      await caller(ctx).survey.open({ ticketId });
    } catch (error) {
      return closed(ctx, error);
    }
    ctx.session.pending = { kind: 'survey', ticketId, scores: [] };
    ctx.layani.outcome = 'skm.start';
    await ctx.answerCallbackQuery();
    const first = question(ctx, 0);
    await quietly(ctx.editMessageText(first.text, { reply_markup: { inline_keyboard: first.keyboard } }));
  });

  bot.callbackQuery(/^skm:a:([1-4])$/, async (ctx) => {
    const pending = ctx.session.pending;
    if (pending?.kind !== 'survey') {
      ctx.layani.outcome = 'skm.not-started';
      await ctx.answerCallbackQuery({ text: ctx.t('skm-press-start'), show_alert: true });
      return;
    }
    const scores = [...pending.scores, Number(ctx.match[1])];
    if (scores.length < skmElements.length) {
      ctx.session.pending = { ...pending, scores };
      ctx.layani.outcome = 'skm.answer';
      await ctx.answerCallbackQuery();
      const next = question(ctx, scores.length);
      await quietly(ctx.editMessageText(next.text, { reply_markup: { inline_keyboard: next.keyboard } }));
      return;
    }
    let stored: { anonymous: boolean };
    try {
      stored = await caller(ctx).survey.submit({ ticketId: pending.ticketId, scores });
    } catch (error) {
      return closed(ctx, error);
    }
    // The answers leave the session as soon as they are stored.
    ctx.session.pending = undefined;
    await saveSession(ctx);
    ctx.layani.outcome = 'skm.submitted';
    await ctx.answerCallbackQuery();
    await quietly(ctx.editMessageText(ctx.t(stored.anonymous ? 'skm-thanks-anon' : 'skm-thanks')));
  });

  bot.callbackQuery('skm:batal', async (ctx) => {
    if (ctx.session.pending?.kind === 'survey') ctx.session.pending = undefined;
    ctx.layani.outcome = 'skm.cancel';
    await ctx.answerCallbackQuery();
    await quietly(ctx.editMessageText(ctx.t('skm-cancelled')));
  });
}
