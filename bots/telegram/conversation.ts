import { kpStatusLines } from '../../core/siasn/kp-status-text.js';
import { TRPCError } from '@trpc/server';
import { GrammyError, type Bot, type Filter } from 'grammy';
import type { InlineKeyboardButton, Message } from 'grammy/types';
import { ZodError } from 'zod';
import { systemActor } from '../../core/auth/actor.js';
import { clearBlockedChat } from '../../core/broadcasts/chat-groups.js';
import { feedbackKinds, type FeedbackKind } from '../../core/feedback/feedback-service.js';
import type { Attachment } from '../../core/outbox/outbox-intent.js';
import { careerSummaryLines, problemText } from '../../core/records/career-summary.js';
import type { Runtime } from '../../core/runtime.js';
import { categoryLabel, categoryOf, ticketCategories, ticketCategoryIds, type TicketCategoryId } from '../../core/tickets/categories.js';
import { langOf, type BotContext, type Lang, type Pending } from './context.js';
import { splitMessage, stars } from './format.js';
import { installFaqButtons, replyWithFaq } from './faq-replies.js';
import { installReminderCommands } from './reminders.js';
import { installInfoDesk } from './info-replies.js';
import { installSosialisasi } from './sosialisasi-replies.js';
import { installSurvey } from './survey-replies.js';
import { freeTextConfidence, looksLikeQuestion } from '../../core/faq/answer/question-shape.js';
import { isStepExpired, stepCancelledNotice } from '../../core/inbound/chat-steps.js';
import { reopenButtonPrefix, routeButtonPrefix } from '../../core/tickets/ticket-service.js';

/** tRPC error messages are "Indonesian / English"; input errors carry zod's first message (Indonesian). */
export function userMessageOf(error: TRPCError, lang: Lang): string {
  if (error.cause instanceof ZodError) return error.cause.issues[0]?.message ?? error.message;
  const [indonesian, english] = error.message.split(' / ');
  return (lang === 'en' && english ? english : indonesian ?? error.message).trim();
}

/** The largest photo size, or the document, as the core's attachment. */
export function attachmentsOf(message: Message): Attachment[] {
  if (message.photo && message.photo.length > 0) {
    const best = message.photo.reduce((a, b) => (b.width * b.height > a.width * a.height || (b.width * b.height === a.width * a.height && (b.file_size ?? 0) > (a.file_size ?? 0)) ? b : a));
    return [{ source: 'telegram', fileId: best.file_id, fileName: `foto-${best.file_unique_id}.jpg`, mimeType: 'image/jpeg', kind: 'photo', url: null }];
  }
  if (message.document) {
    const doc = message.document;
    return [
      {
        source: 'telegram',
        fileId: doc.file_id,
        fileName: (doc.file_name ?? `dokumen-${doc.file_unique_id}`).slice(0, 255),
        mimeType: doc.mime_type ?? null,
        kind: 'document',
        url: null,
      },
    ];
  }
  return [];
}

/** Edits of old messages fail harmlessly ("message is not modified", too old, deleted): ignore those. */
async function quietly(edit: Promise<unknown>): Promise<void> {
  try {
    await edit;
  } catch (error) {
    if (!(error instanceof GrammyError) || error.error_code !== 400) throw error;
  }
}

/** Replies in plain text, split when longer than Telegram allows. */
async function replyLong(ctx: BotContext, text: string): Promise<void> {
  for (const part of splitMessage(text)) await ctx.reply(part);
}

const isFeedbackKind = (value: string): value is FeedbackKind => (feedbackKinds as readonly string[]).includes(value);
const isCategory = (value: string): value is TicketCategoryId => (ticketCategoryIds as readonly string[]).includes(value);

/**
 * Everything a private chat can do, after dedupe, sequentialization, session, i18n, flood control and actor
 * resolution have run. Only calls into the core through tRPC callers; the core sends acknowledgements via the outbox.
 */
export function installConversation(bot: Bot<BotContext>, runtime: Runtime, saveSession: (ctx: BotContext) => Promise<void>): void {
  const hours = runtime.config.LINK_CODE_TTL_HOURS;
  const caller = (ctx: BotContext) => runtime.callerFor(ctx.layani.actor!);
  const linked = (ctx: BotContext) => Boolean(ctx.layani.actor?.employeeId);
  const outcome = (ctx: BotContext, value: string) => {
    ctx.layani.outcome = value;
  };
  const howToLink = (ctx: BotContext) => ctx.reply(ctx.t('link-howto', { hours }));
  /** A pending step the core has just carried out is cleared in the database at once, before anything else. */
  const finishPending = async (ctx: BotContext) => {
    ctx.session.pending = undefined;
    await saveSession(ctx);
  };

  // --- available before linking ---

  bot.command('start', async (ctx) => {
    ctx.session.pending = undefined;
    // Start again after blocking the bot: broadcasts and reminders may reach this chat again.
    await clearBlockedChat(runtime.db, 'telegram', String(ctx.chat.id));
    const code = ctx.match.trim();
    if (code === '') {
      if (!linked(ctx)) {
        outcome(ctx, 'start.unlinked');
        await howToLink(ctx);
        return;
      }
      const me = await caller(ctx).records.me();
      outcome(ctx, 'start.linked');
      await ctx.reply(ctx.t('welcome-back', { name: me.name }));
      return;
    }
    try {
      // The welcome and the announcements still in force are queued with the link itself (through the outbox).
      await runtime
        .callerFor(systemActor)
        .identity.linkWithCode({ code: code.slice(0, 40), platform: 'telegram', externalId: String(ctx.from!.id), tellChat: true, lang: langOf(ctx) });
      outcome(ctx, 'link.ok');
    } catch (error) {
      if (!(error instanceof TRPCError) || (error.code !== 'BAD_REQUEST' && error.code !== 'TOO_MANY_REQUESTS')) throw error;
      outcome(ctx, error.code === 'TOO_MANY_REQUESTS' ? 'link.blocked' : 'link.refused');
      await ctx.reply(userMessageOf(error, langOf(ctx)));
    }
  });

  bot.command('bantuan', async (ctx) => {
    outcome(ctx, 'help');
    await ctx.reply(ctx.t('help'));
    if (!linked(ctx)) await howToLink(ctx);
  });

  bot.command('bahasa', async (ctx) => {
    const wanted = ctx.match.trim().toLowerCase();
    const next: Lang = /^(en|english|inggris)$/.test(wanted) ? 'en' : /^(id|indonesia|bahasa)$/.test(wanted) ? 'id' : langOf(ctx) === 'id' ? 'en' : 'id';
    ctx.session.lang = next;
    ctx.i18n.useLocale(next);
    // Open tickets follow: HR's next reply comes with its header in the new language.
    if (linked(ctx)) await caller(ctx).tickets.setLanguage({ lang: next });
    outcome(ctx, `language.${next}`);
    await ctx.reply(ctx.t('bahasa-set'));
  });

  // --- everything else needs a linked account ---

  bot.use(async (ctx, next) => {
    if (linked(ctx)) return next();
    outcome(ctx, 'unlinked');
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t('not-linked-short'), show_alert: true });
    else await howToLink(ctx);
  });

  // A step left half done expires: said once, then this update is handled as if there had been no step.
  const stepMinutes = runtime.config.CHAT_STEP_TIMEOUT_MINUTES;
  bot.use(async (ctx, next) => {
    // The update's time: a step set while handling it began then (read before anything is said to the user).
    const received = runtime.clock.now();
    const pending = ctx.session.pending;
    if (pending && isStepExpired(pending.startedAt, received, stepMinutes)) {
      ctx.session.pending = undefined;
      await saveSession(ctx);
      ctx.layani.expired = pending.kind;
      await ctx.reply(stepCancelledNotice(langOf(ctx), pending.kind, stepMinutes));
    }
    await next();
    // Each step begins when it is set: stamped here, before the session is written back.
    const now = ctx.session.pending;
    if (now && now.startedAt === undefined) now.startedAt = received.getTime();
  });

  installFaqButtons(bot, runtime);
  installReminderCommands(bot, runtime);
  // Before /tanya: in "/tanya-sosialisasi" Telegram marks only "/tanya" as the command.
  installSosialisasi(bot, runtime, saveSession);
  installSurvey(bot, runtime, saveSession);
  installInfoDesk(bot, runtime);

  bot.command('tanya', async (ctx) => {
    ctx.session.pending = undefined;
    const question = ctx.match.trim();
    if (question === '') {
      outcome(ctx, 'tanya.usage');
      await ctx.reply(ctx.t('tanya-usage'));
      return;
    }
    const answer = await caller(ctx).faq.ask({ question, lang: langOf(ctx) });
    outcome(ctx, `faq.${answer.kind}`);
    await replyWithFaq(ctx, answer);
  });

  bot.command('tiket', async (ctx) => {
    ctx.session.pending = undefined;
    const lang = langOf(ctx);
    const rows: InlineKeyboardButton[][] = ticketCategories.map((c) => [{ text: categoryLabel(c.id, lang), callback_data: `tiket:${c.id}` }]);
    rows.push([{ text: ctx.t('button-cancel'), callback_data: 'tiket:batal' }]);
    outcome(ctx, 'tiket.menu');
    await ctx.reply(ctx.t('tiket-choose'), { reply_markup: { inline_keyboard: rows } });
  });

  // "Buka lagi" under the resolution message.
  bot.callbackQuery(new RegExp(`^${reopenButtonPrefix}([A-Za-z0-9_-]+)$`), async (ctx) => {
    await ctx.answerCallbackQuery();
    const result = await caller(ctx).tickets.reopenByStaff({ ticketId: ctx.match[1]!, lang: langOf(ctx) });
    outcome(ctx, result.reopened ? 'ticket.reopen' : 'ticket.reopen-closed');
  });

  // "Which ticket is this for?": the message kept in the session goes where the staff member points.
  bot.callbackQuery(new RegExp(`^${routeButtonPrefix}([A-Za-z0-9_-]+)$`), async (ctx) => {
    const pending = ctx.session.pending;
    await ctx.answerCallbackQuery();
    await quietly(ctx.editMessageReplyMarkup());
    if (pending?.kind !== 'route') {
      outcome(ctx, 'route.stale');
      await ctx.reply(ctx.t('route-stale'));
      return;
    }
    const choice = ctx.match[1]!;
    const result = await caller(ctx).tickets.receive({
      text: pending.text,
      attachments: pending.attachments,
      lang: langOf(ctx),
      chat: { platform: 'telegram', chatId: String(ctx.chat!.id), messageId: String(pending.messageId) },
      ticket: choice,
    });
    await finishPending(ctx);
    outcome(ctx, result.outcome === 'ticket' && result.created ? 'ticket.open' : 'ticket.message');
  });

  bot.callbackQuery(/^tiket:([a-z_]+)$/, async (ctx) => {
    const choice = ctx.match[1]!;
    if (choice === 'batal') {
      if (ctx.session.pending?.kind === 'ticket') ctx.session.pending = undefined;
      outcome(ctx, 'tiket.cancel');
      await ctx.answerCallbackQuery();
      await quietly(ctx.editMessageText(ctx.t('tiket-cancelled')));
      return;
    }
    if (!isCategory(choice)) {
      await ctx.answerCallbackQuery();
      return;
    }
    ctx.session.pending = { kind: 'ticket', category: choice };
    outcome(ctx, 'tiket.category');
    await ctx.answerCallbackQuery();
    const key = categoryOf(choice).confidential ? 'tiket-chosen-confidential' : 'tiket-chosen';
    await quietly(ctx.editMessageText(ctx.t(key, { category: categoryLabel(choice, langOf(ctx)) })));
  });

  bot.command('tiketku', async (ctx) => {
    ctx.session.pending = undefined;
    const tickets = await caller(ctx).tickets.mine({ lang: langOf(ctx) });
    outcome(ctx, 'tiketku');
    if (tickets.length === 0) {
      await ctx.reply(ctx.t('tiketku-empty'));
      return;
    }
    const lines = tickets.map((t) =>
      ctx.t('tiketku-line', { number: String(t.number), category: t.category, status: ctx.t(`status-${t.status}`), subject: t.subject }),
    );
    await replyLong(ctx, [ctx.t('tiketku-header'), ...lines].join('\n\n'));
  });

  bot.command('profil', async (ctx) => {
    ctx.session.pending = undefined;
    const [me, dates, kp] = await Promise.all([caller(ctx).records.me(), caller(ctx).records.careerDates(), caller(ctx).siasn.myKpProposals()]);
    outcome(ctx, 'profil');
    const sections = [
      ctx.t('profil', {
        name: me.name,
        nip: me.nip,
        rank: me.pangkat ? `${me.golongan} (${me.pangkat})` : me.golongan,
        position: me.positionName,
        unit: me.unit,
      }),
      [ctx.t('profil-career'), ...careerSummaryLines(dates, langOf(ctx)).map((line) => `• ${line}`)].join('\n'),
    ];
    if (dates.problems.length > 0) {
      sections.push([ctx.t('profil-problems'), ...dates.problems.map((p) => `• ${problemText(p, langOf(ctx))}`)].join('\n'));
    }
    sections.push([ctx.t('profil-kp'), ...kpStatusLines(kp, langOf(ctx))].join('\n'));
    sections.push(ctx.t('profil-correction'));
    await replyLong(ctx, sections.join('\n\n'));
  });

  // --- /saran: kind → anonymous or not (explained before anything is sent) → the text ---

  bot.command('saran', async (ctx) => {
    ctx.session.pending = { kind: 'feedback' };
    outcome(ctx, 'saran.menu');
    const kinds: InlineKeyboardButton[][] = [feedbackKinds.map((k) => ({ text: ctx.t(`saran-kind-${k}`), callback_data: `saran:k:${k}` }))];
    kinds.push([{ text: ctx.t('button-cancel'), callback_data: 'saran:batal' }]);
    await ctx.reply(ctx.t('saran-choose-kind'), { reply_markup: { inline_keyboard: kinds } });
  });

  const kindText = (ctx: BotContext, kind: FeedbackKind) => {
    const label = ctx.t(`saran-kind-${kind}`);
    return { kind: label, kindLower: label.toLowerCase() };
  };

  bot.callbackQuery(/^saran:k:([a-z]+)$/, async (ctx) => {
    const kind = ctx.match[1]!;
    await ctx.answerCallbackQuery();
    if (!isFeedbackKind(kind)) return;
    ctx.session.pending = { kind: 'feedback', feedbackKind: kind };
    outcome(ctx, 'saran.kind');
    await quietly(
      ctx.editMessageText(ctx.t('saran-choose-anon', kindText(ctx, kind)), {
        reply_markup: {
          inline_keyboard: [
            [
              { text: ctx.t('saran-anon-yes'), callback_data: 'saran:a:1' },
              { text: ctx.t('saran-anon-no'), callback_data: 'saran:a:0' },
            ],
            [{ text: ctx.t('button-cancel'), callback_data: 'saran:batal' }],
          ],
        },
      }),
    );
  });

  bot.callbackQuery(/^saran:a:([01])$/, async (ctx) => {
    const pending = ctx.session.pending;
    if (pending?.kind !== 'feedback' || !pending.feedbackKind) {
      await ctx.answerCallbackQuery({ text: ctx.t('saran-choose-first').slice(0, 200), show_alert: true });
      return;
    }
    const anonymous = ctx.match[1] === '1';
    ctx.session.pending = { kind: 'feedback', feedbackKind: pending.feedbackKind, anonymous };
    outcome(ctx, 'saran.anonymity');
    await ctx.answerCallbackQuery();
    await quietly(ctx.editMessageText(ctx.t(anonymous ? 'saran-write-anon' : 'saran-write-named', kindText(ctx, pending.feedbackKind))));
  });

  // Anonymous feedback goes only after this press, on the text shown back in the confirmation.
  bot.callbackQuery('saran:kirim', async (ctx) => {
    const pending = ctx.session.pending;
    if (pending?.kind !== 'feedback' || !pending.feedbackKind || pending.anonymous !== true || !pending.text) {
      outcome(ctx, 'saran.confirm-stale');
      await ctx.answerCallbackQuery({ text: ctx.t('saran-confirm-stale').slice(0, 200), show_alert: true });
      await quietly(ctx.editMessageReplyMarkup());
      return;
    }
    await ctx.answerCallbackQuery();
    await caller(ctx).feedback.submit({ kind: pending.feedbackKind, text: pending.text, anonymous: true });
    // The draft is gone from the database before the user hears back.
    await finishPending(ctx);
    outcome(ctx, 'feedback');
    await quietly(ctx.editMessageText(ctx.t('saran-sent-anon', kindText(ctx, pending.feedbackKind))));
  });

  bot.callbackQuery('saran:batal', async (ctx) => {
    if (ctx.session.pending?.kind === 'feedback') ctx.session.pending = undefined;
    outcome(ctx, 'saran.cancel');
    await ctx.answerCallbackQuery();
    await quietly(ctx.editMessageText(ctx.t('saran-cancelled')));
  });

  // --- satisfaction rating: the 1–5 keyboard comes from the outbox (telegram.csatPrompt) ---

  bot.callbackQuery(/^csat:skip:([A-Za-z0-9_-]+)$/, async (ctx) => {
    const pending = ctx.session.pending;
    if (pending?.kind === 'csatComment' && pending.ticketId === ctx.match[1]) ctx.session.pending = undefined;
    outcome(ctx, 'csat.skip');
    await ctx.answerCallbackQuery();
    await quietly(ctx.editMessageText(ctx.t('csat-thanks')));
  });

  bot.callbackQuery(/^csat:([A-Za-z0-9_-]+):([1-5])$/, async (ctx) => {
    const ticketId = ctx.match[1]!;
    const rating = Number(ctx.match[2]);
    try {
      await caller(ctx).tickets.rate({ ticketId, rating });
    } catch (error) {
      if (!(error instanceof TRPCError) || error.code === 'INTERNAL_SERVER_ERROR') throw error;
      outcome(ctx, 'csat.refused');
      await ctx.answerCallbackQuery({ text: ctx.t('csat-failed'), show_alert: true });
      return;
    }
    outcome(ctx, 'csat.rated');
    await ctx.answerCallbackQuery({ text: ctx.t('csat-rated') });
    // The stars go; "Buka lagi" stays, since the thanks for a resolved ticket points to it.
    const kept = (ctx.callbackQuery.message?.reply_markup?.inline_keyboard ?? []).filter((row) =>
      row.every((button) => !('callback_data' in button) || !button.callback_data?.startsWith('csat:')),
    );
    await quietly(ctx.editMessageReplyMarkup(kept.length > 0 ? { reply_markup: { inline_keyboard: kept } } : {}));
    const ask = await ctx.reply(ctx.t('csat-comment-ask', { stars: stars(rating) }), {
      reply_markup: { inline_keyboard: [[{ text: ctx.t('csat-skip'), callback_data: `csat:skip:${ticketId}` }]] },
    });
    ctx.session.pending = { kind: 'csatComment', ticketId, rating, askMessageId: ask.message_id };
  });

  bot.on('callback_query', async (ctx) => {
    outcome(ctx, 'callback.unknown');
    await ctx.answerCallbackQuery();
  });

  // --- messages ---

  bot.on('message:text').filter(
    (ctx) => ctx.message.entities?.some((e) => e.type === 'bot_command' && e.offset === 0) ?? false,
    async (ctx) => {
      outcome(ctx, 'command.unknown');
      await ctx.reply(ctx.t('unknown-command'));
    },
  );

  bot.on(['message:text', 'message:photo', 'message:document'], async (ctx) => {
    const pending = ctx.session.pending;
    if (pending?.kind === 'feedback') return feedbackText(ctx, pending);
    const message = ctx.message;
    const text = message.text ?? message.caption ?? '';
    const attachments = attachmentsOf(message);
    const lang = langOf(ctx);
    const chat = { platform: 'telegram' as const, chatId: String(ctx.chat.id), messageId: String(message.message_id) };
    if (pending?.kind === 'ticket') {
      await caller(ctx).tickets.open({ category: pending.category, text, attachments, lang, chat });
      await finishPending(ctx);
      outcome(ctx, 'ticket.open');
      return;
    }
    if (pending?.kind === 'csatComment' && message.text !== undefined) {
      await caller(ctx).tickets.rate({ ticketId: pending.ticketId, rating: pending.rating, comment: message.text.trim().slice(0, 2000) });
      await finishPending(ctx);
      outcome(ctx, 'csat.comment');
      if (pending.askMessageId !== undefined) {
        await quietly(ctx.api.editMessageReplyMarkup(ctx.chat.id, pending.askMessageId));
      }
      await ctx.reply(ctx.t('csat-comment-thanks'));
      return;
    }
    // A new free message replaces one still waiting for its ticket to be chosen.
    if (pending?.kind === 'route') await finishPending(ctx);
    // Which ticket it belongs to is the core's decision (tickets/message-routing.ts): this only reports what
    // Telegram saw. A question that no ticket takes is answered at once when the corpus has a sure answer.
    const replyTo = message.reply_to_message?.message_id;
    const questionFirst = attachments.length === 0 && replyTo === undefined && looksLikeQuestion(text);
    const input = { text, attachments, lang, chat, ...(replyTo !== undefined ? { replyTo: String(replyTo) } : {}) };
    let result = await caller(ctx).tickets.receive({ ...input, openIfNone: !questionFirst });
    if (result.outcome === 'none') {
      const answer = await caller(ctx).faq.ask({ question: text, lang });
      const sure = answer.kind !== 'escalate' && (answer.kind !== 'answer' || answer.confidence >= freeTextConfidence);
      if (sure) {
        outcome(ctx, `faq.${answer.kind}`);
        await replyWithFaq(ctx, answer);
        return;
      }
      result = await caller(ctx).tickets.receive({ ...input, ticket: 'new' });
    }
    if (result.outcome === 'choose') {
      ctx.session.pending = { kind: 'route', text: text.slice(0, 20_000), attachments: attachments.slice(0, 10), messageId: message.message_id };
      outcome(ctx, 'route.choose');
      return;
    }
    outcome(ctx, result.outcome === 'thanked' ? 'ticket.thanks' : result.outcome === 'ticket' && result.created ? 'ticket.open' : 'ticket.message');
  });

  // An edited message: on a ticket, HR sees the new text in its thread; elsewhere the sender learns it was not passed on.
  bot.on('edited_message', async (ctx) => {
    const edited = ctx.editedMessage;
    const text = edited.text ?? edited.caption ?? '';
    const chat = { platform: 'telegram' as const, chatId: String(ctx.chat.id), messageId: String(edited.message_id) };
    const result = text.trim() === '' ? { relayed: false } : await caller(ctx).tickets.relayEdit({ chat, text });
    outcome(ctx, result.relayed ? 'edit.relayed' : 'edit.not-relayed');
    if (!result.relayed) await ctx.reply(ctx.t('edit-not-relayed'));
  });

  async function feedbackText(ctx: Filter<BotContext, 'message'>, pending: Extract<Pending, { kind: 'feedback' }>): Promise<void> {
    if (!pending.feedbackKind || pending.anonymous === undefined) {
      outcome(ctx, 'saran.incomplete');
      await ctx.reply(ctx.t('saran-choose-first'));
      return;
    }
    const text = ctx.message.text?.trim() ?? '';
    if (text === '') {
      outcome(ctx, 'saran.not-text');
      await ctx.reply(ctx.t('saran-text-only'));
      return;
    }
    if (text.length > 5000) {
      outcome(ctx, 'saran.too-long');
      await ctx.reply(ctx.t('saran-too-long'));
      return;
    }
    if (pending.anonymous) {
      // Nothing anonymous leaves before the sender has seen exactly what goes and pressed "Kirim anonim".
      ctx.session.pending = { kind: 'feedback', feedbackKind: pending.feedbackKind, anonymous: true, text };
      outcome(ctx, 'saran.confirm');
      // Up to 5,000 characters: in several messages when longer than Telegram allows, the buttons under the last.
      const parts = splitMessage(ctx.t('saran-confirm-anon', { ...kindText(ctx, pending.feedbackKind), text }));
      for (const [index, part] of parts.entries()) {
        const buttons = [[{ text: ctx.t('saran-confirm-send'), callback_data: 'saran:kirim' }, { text: ctx.t('button-cancel'), callback_data: 'saran:batal' }]];
        await ctx.reply(part, index === parts.length - 1 ? { reply_markup: { inline_keyboard: buttons } } : {});
      }
      return;
    }
    await caller(ctx).feedback.submit({ kind: pending.feedbackKind, text, anonymous: false });
    // The draft (kind and anonymity) is gone from the database before the user hears back.
    await finishPending(ctx);
    outcome(ctx, 'feedback');
    await ctx.reply(ctx.t('saran-sent-named', kindText(ctx, pending.feedbackKind)));
  }

  bot.on('message', async (ctx) => {
    outcome(ctx, 'message.unsupported');
    await ctx.reply(ctx.t('unsupported-message'));
  });
}
