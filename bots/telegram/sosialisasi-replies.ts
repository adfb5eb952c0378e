import type { Bot } from 'grammy';
import type { InlineKeyboardButton } from 'grammy/types';
import { formatIndonesian, todayInJakarta } from '../../core/dates/calendar-date.js';
import { questionCallbackPrefix, rsvpCallbackPrefix } from '../../core/sosialisasi/invitation.js';
import { rsvpLabels, type RsvpAnswer } from '../../core/sosialisasi/session-input.js';
import type { Runtime } from '../../core/runtime.js';
import { langOf, type BotContext } from './context.js';
import { quietly, refusalOf, relabel } from './edits.js';

const id = '([A-Za-z0-9_-]{1,60})';

/**
 * `/tanya-sosialisasi` as people will type it. Telegram commands cannot contain "-", so Telegram marks only
 * "/tanya" as the command: this must be matched before /tanya's own handler. `/tanya_sosialisasi` is accepted too.
 */
const questionAlias = /^\/tanya[-_]sosialisasi(?:@\w+)?(?:\s+([\s\S]*))?$/i;

const startsWithCommand = (ctx: BotContext) => ctx.message?.entities?.some((e) => e.type === 'bot_command' && e.offset === 0) ?? false;

/**
 * Sosialisasi on Telegram: the invitation's Hadir / Tidak hadir / Online buttons, questions for the speaker
 * (/tanyasosialisasi or the invitation's button) and /hadir KODE in the room. Linked staff only.
 */
export function installSosialisasi(bot: Bot<BotContext>, runtime: Runtime, saveSession: (ctx: BotContext) => Promise<void>): void {
  const caller = (ctx: BotContext) => runtime.callerFor(ctx.layani.actor!).sosialisasi;
  const outcome = (ctx: BotContext, value: string) => {
    ctx.layani.outcome = value;
  };

  bot.callbackQuery(new RegExp(`^${rsvpCallbackPrefix}${id}:(hadir|tidak|online)$`), async (ctx) => {
    const sessionId = ctx.match[1]!;
    const answer = ctx.match[2] as RsvpAnswer;
    let result;
    try {
      result = await caller(ctx).rsvp({ sessionId, answer });
    } catch (error) {
      const refusal = refusalOf(error, langOf(ctx));
      if (refusal === null) throw error;
      outcome(ctx, 'rsvp.refused');
      await ctx.answerCallbackQuery({ text: refusal.slice(0, 200), show_alert: true });
      return;
    }
    if (result.result === 'full') {
      outcome(ctx, 'rsvp.full');
      await ctx.answerCallbackQuery({ text: ctx.t(result.onlineOffered ? 'rsvp-full-online' : 'rsvp-full').slice(0, 200), show_alert: true });
      return;
    }
    outcome(ctx, `rsvp.${answer}`);
    await ctx.answerCallbackQuery({ text: ctx.t(`rsvp-saved-${answer}`).slice(0, 200) });
    const prefix = `${rsvpCallbackPrefix}${sessionId}:`;
    const markup = relabel(ctx.callbackQuery.message?.reply_markup, (data, text) => {
      if (!data.startsWith(prefix)) return text;
      const choice = data.slice(prefix.length) as RsvpAnswer;
      return `${choice === answer ? '✅ ' : ''}${rsvpLabels[choice]}`;
    });
    if (markup) await quietly(ctx.editMessageReplyMarkup({ reply_markup: markup }));
  });

  /** Stores the question and tells the asker; the pending step is cleared in the database first. */
  async function submit(ctx: BotContext, sessionId: string, text: string): Promise<void> {
    ctx.session.pending = undefined;
    await saveSession(ctx);
    try {
      const saved = await caller(ctx).ask({ sessionId, text });
      outcome(ctx, 'tanyasosialisasi.saved');
      await ctx.reply(ctx.t('tanyasos-saved', { number: String(saved.number), title: saved.title }));
    } catch (error) {
      const refusal = refusalOf(error, langOf(ctx));
      if (refusal === null) throw error;
      outcome(ctx, 'tanyasosialisasi.refused');
      await ctx.reply(refusal);
    }
  }

  /** One open session: ask (or take the text) at once; several: buttons to choose, the text kept until then. */
  async function startQuestion(ctx: BotContext, text: string): Promise<void> {
    ctx.session.pending = undefined;
    const sessions = await caller(ctx).openForQuestions();
    if (sessions.length === 0) {
      try {
        await caller(ctx).whyNoQuestions();
      } catch (error) {
        // A session they were invited to was cancelled or rejected: say so rather than "nothing is open".
        const refusal = refusalOf(error, langOf(ctx));
        if (refusal === null) throw error;
        outcome(ctx, 'tanyasosialisasi.called-off');
        await ctx.reply(refusal);
        return;
      }
      outcome(ctx, 'tanyasosialisasi.none');
      await ctx.reply(ctx.t('tanyasos-none'));
      return;
    }
    if (sessions.length === 1) {
      const only = sessions[0]!;
      if (text) return submit(ctx, only.sessionId, text);
      ctx.session.pending = { kind: 'sessionQuestion', sessionId: only.sessionId };
      outcome(ctx, 'tanyasosialisasi.write');
      await ctx.reply(ctx.t('tanyasos-write', { title: only.title }));
      return;
    }
    ctx.session.pending = { kind: 'sessionQuestion', ...(text ? { text: text.slice(0, 4000) } : {}) };
    outcome(ctx, 'tanyasosialisasi.choose');
    const rows: InlineKeyboardButton[][] = sessions.map((s) => [
      { text: `#${s.number} ${s.title} (${formatIndonesian(todayInJakarta(new Date(s.startsAt)))})`.slice(0, 64), callback_data: `${questionCallbackPrefix}${s.sessionId}` },
    ]);
    await ctx.reply(ctx.t('tanyasos-choose'), { reply_markup: { inline_keyboard: rows } });
  }

  bot.command('tanyasosialisasi', (ctx) => startQuestion(ctx, ctx.match.trim()));
  bot.hears(questionAlias, (ctx) => startQuestion(ctx, (ctx.match[1] ?? '').trim()));

  bot.callbackQuery(new RegExp(`^${questionCallbackPrefix}${id}$`), async (ctx) => {
    const sessionId = ctx.match[1]!;
    await ctx.answerCallbackQuery();
    const pending = ctx.session.pending;
    if (pending?.kind === 'sessionQuestion' && pending.text) return submit(ctx, sessionId, pending.text);
    let session;
    try {
      session = await caller(ctx).mayAsk({ sessionId });
    } catch (error) {
      // Cancelled, rejected, over or not invited: say which.
      const refusal = refusalOf(error, langOf(ctx));
      if (refusal === null) throw error;
      outcome(ctx, 'tanyasosialisasi.closed');
      await ctx.reply(refusal);
      return;
    }
    ctx.session.pending = { kind: 'sessionQuestion', sessionId };
    outcome(ctx, 'tanyasosialisasi.write');
    await ctx.reply(ctx.t('tanyasos-write', { title: session.title }));
  });

  // The next text after "write your question" is the question (commands still work as commands).
  bot.on('message', async (ctx, next) => {
    const pending = ctx.session.pending;
    if (pending?.kind !== 'sessionQuestion' || startsWithCommand(ctx)) return next();
    const text = ctx.message.text?.trim();
    if (!text) {
      outcome(ctx, 'tanyasosialisasi.not-text');
      await ctx.reply(ctx.t('tanyasos-text-only'));
      return;
    }
    if (!pending.sessionId) {
      ctx.session.pending = { kind: 'sessionQuestion', text: text.slice(0, 4000) };
      outcome(ctx, 'tanyasosialisasi.choose-first');
      await ctx.reply(ctx.t('tanyasos-choose-first'));
      return;
    }
    await submit(ctx, pending.sessionId, text);
  });

  bot.command('hadir', async (ctx) => {
    ctx.session.pending = undefined;
    const code = ctx.match.trim();
    if (!code) {
      outcome(ctx, 'hadir.usage');
      await ctx.reply(ctx.t('hadir-usage'));
      return;
    }
    try {
      const result = await caller(ctx).checkIn({ code: code.slice(0, 20) });
      outcome(ctx, result.first ? 'hadir' : 'hadir.repeat');
      await ctx.reply(ctx.t(result.first ? 'hadir-ok' : 'hadir-again', { title: result.title }));
    } catch (error) {
      const refusal = refusalOf(error, langOf(ctx));
      if (refusal === null) throw error;
      outcome(ctx, 'hadir.refused');
      await ctx.reply(refusal);
    }
  });
}
