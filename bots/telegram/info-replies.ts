import type { Bot } from 'grammy';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import { archiveItemCallbackPrefix } from '../../core/infodesk/archive-buttons.js';
import type { ArchivePage } from '../../core/infodesk/archive.js';
import { interestCallbackPrefix } from '../../core/infodesk/career-interest.js';
import { careerKindLabel, infoTopics, isInfoTopic, topicLabel, type InfoTopicId } from '../../core/infodesk/topics.js';
import { formatIndonesian, todayInJakarta } from '../../core/dates/calendar-date.js';
import type { Runtime } from '../../core/runtime.js';
import { langOf, type BotContext } from './context.js';
import { fitCallbackData, quietly, refusalOf, relabel } from './edits.js';

/** callback_data: `info:<topic|semua>:<page>` browses, `infoq:<page>:<words>` pages a search, `lgn:<topic>:<0|1>` (un)subscribes. */
const allTopics = 'semua';
const browseData = (topic: InfoTopicId | null, page: number) => `info:${topic ?? allTopics}:${page}`;
const searchData = (page: number, query: string) => fitCallbackData(`infoq:${page}:`, query);

type View = { kind: 'topic'; topic: InfoTopicId | null } | { kind: 'search'; query: string };

function itemLines(ctx: BotContext, item: ArchivePage['items'][number], index: number, today: string): string {
  const lang = langOf(ctx);
  const date = formatIndonesian(todayInJakarta(new Date(item.publishedAt)));
  const meta = [date, ctx.t('info-source', { source: item.source ?? ctx.t('info-source-default') }), topicLabel(item.topic, lang)];
  const notes: string[] = [];
  const kind = careerKindLabel(item.careerKind, lang);
  if (item.closesOn) {
    notes.push(today <= item.closesOn ? ctx.t('info-closes', { kind: kind ?? '', date: formatIndonesian(item.closesOn) }) : ctx.t('info-closed', { kind: kind ?? '' }));
  }
  if (item.validUntil) notes.push(ctx.t('info-valid-until', { date: formatIndonesian(todayInJakarta(new Date(item.validUntil))) }));
  if (item.attachmentName) notes.push(ctx.t('info-attachment', { name: item.attachmentName }));
  if (item.calledOff) notes.push(ctx.t(item.calledOff === 'cancelled' ? 'info-session-cancelled' : 'info-session-rejected'));
  if (item.needsAck) notes.push(ctx.t(item.acknowledged ? 'info-ack-done' : 'info-ack-needed'));
  return [`${index}. ${item.title}`, `   ${meta.join(' · ')}`, ...(notes.length ? [`   ${notes.join(' · ')}`] : []), `   ${item.excerpt}`].join('\n');
}

/** The archive page as one message: header, up to five entries, and the number, paging and topic buttons. */
function archiveMessage(ctx: BotContext, view: View, page: ArchivePage, today: string): { text: string; markup: InlineKeyboardMarkup } {
  const lang = langOf(ctx);
  const header =
    view.kind === 'search'
      ? ctx.t('info-header-search', { query: view.query })
      : view.topic
        ? ctx.t('info-header-topic', { topic: topicLabel(view.topic, lang) })
        : ctx.t('info-header-all');
  const body =
    page.total === 0
      ? [view.kind === 'search' ? ctx.t('info-empty-search', { query: view.query }) : ctx.t('info-empty')]
      : [ctx.t('info-page', { page: String(page.page + 1), pages: String(page.pages), total: String(page.total) }), ...page.items.map((item, i) => itemLines(ctx, item, i + 1, today)), ctx.t('info-footer')];
  const rows: InlineKeyboardButton[][] = [];
  if (page.items.length > 0) rows.push(page.items.map((item, i) => ({ text: `📄 ${i + 1}`, callback_data: `${archiveItemCallbackPrefix}${item.broadcastId}` })));
  const pageData = (n: number) => (view.kind === 'search' ? searchData(n, view.query) : browseData(view.topic, n));
  const paging: InlineKeyboardButton[] = [];
  if (page.page > 0) paging.push({ text: ctx.t('info-prev'), callback_data: pageData(page.page - 1) });
  if (page.page + 1 < page.pages) paging.push({ text: ctx.t('info-next'), callback_data: pageData(page.page + 1) });
  if (paging.length) rows.push(paging);
  const current = view.kind === 'topic' ? view.topic : undefined;
  const topicButton = (topic: InfoTopicId | null): InlineKeyboardButton => {
    const label = topic ? infoTopics.find((t) => t.id === topic)!.short[lang] : ctx.t('info-all-topics');
    return { text: topic === current ? `• ${label}` : label, callback_data: browseData(topic, 0) };
  };
  const topics = [null, ...infoTopics.map((t) => t.id)].map(topicButton);
  for (let i = 0; i < topics.length; i += 2) rows.push(topics.slice(i, i + 2));
  return { text: [header, ...body].join('\n\n'), markup: { inline_keyboard: rows } };
}

function subscriptionsMarkup(ctx: BotContext, list: Array<{ topic: InfoTopicId; subscribed: boolean }>): InlineKeyboardMarkup {
  const lang = langOf(ctx);
  return {
    inline_keyboard: list.map((s) => [
      { text: `${s.subscribed ? '✅' : '🔕'} ${topicLabel(s.topic, lang)}`, callback_data: `lgn:${s.topic}:${s.subscribed ? 0 : 1}` },
    ]),
  };
}

/**
 * The information desk on Telegram: /info (archive by topic, paging, search), "📄 n" (the full announcement with
 * its attachment), /langganan (topics on and off) and "Saya tertarik" under career opportunities. Linked staff only.
 */
export function installInfoDesk(bot: Bot<BotContext>, runtime: Runtime): void {
  const caller = (ctx: BotContext) => runtime.callerFor(ctx.layani.actor!).infodesk;
  const outcome = (ctx: BotContext, value: string) => {
    ctx.layani.outcome = value;
  };
  const today = () => todayInJakarta(runtime.clock.now());

  bot.command('info', async (ctx) => {
    ctx.session.pending = undefined;
    const query = ctx.match.trim().slice(0, 100);
    const view: View = query ? { kind: 'search', query } : { kind: 'topic', topic: null };
    const page = await caller(ctx).archive({ query: query || null, page: 0 });
    outcome(ctx, query ? 'info.search' : 'info.browse');
    const message = archiveMessage(ctx, view, page, today());
    await ctx.reply(message.text, { reply_markup: message.markup });
  });

  bot.callbackQuery(/^info:([a-z_]+):(\d{1,4})$/, async (ctx) => {
    const topic = ctx.match[1] === allTopics ? null : isInfoTopic(ctx.match[1]) ? ctx.match[1] : undefined;
    await ctx.answerCallbackQuery();
    if (topic === undefined) return;
    const page = await caller(ctx).archive({ topic, page: Number(ctx.match[2]) });
    outcome(ctx, 'info.page');
    const message = archiveMessage(ctx, { kind: 'topic', topic }, page, today());
    await quietly(ctx.editMessageText(message.text, { reply_markup: message.markup }));
  });

  bot.callbackQuery(/^infoq:(\d{1,4}):(.+)$/s, async (ctx) => {
    const query = ctx.match[2]!;
    await ctx.answerCallbackQuery();
    const page = await caller(ctx).archive({ query, page: Number(ctx.match[1]) });
    outcome(ctx, 'info.search.page');
    const message = archiveMessage(ctx, { kind: 'search', query }, page, today());
    await quietly(ctx.editMessageText(message.text, { reply_markup: message.markup }));
  });

  bot.callbackQuery(new RegExp(`^${archiveItemCallbackPrefix}([A-Za-z0-9_-]{1,60})$`), async (ctx) => {
    try {
      await caller(ctx).sendToMe({ broadcastId: ctx.match[1]! });
    } catch (error) {
      const refusal = refusalOf(error, langOf(ctx));
      if (refusal === null) throw error;
      outcome(ctx, 'info.item.refused');
      await ctx.answerCallbackQuery({ text: refusal.slice(0, 200), show_alert: true });
      return;
    }
    outcome(ctx, 'info.item');
    await ctx.answerCallbackQuery({ text: ctx.t('info-sent-below') });
  });

  bot.command('langganan', async (ctx) => {
    ctx.session.pending = undefined;
    outcome(ctx, 'langganan');
    await ctx.reply(ctx.t('langganan-header'), { reply_markup: subscriptionsMarkup(ctx, await caller(ctx).subscriptions()) });
  });

  bot.callbackQuery(/^lgn:([a-z_]+):([01])$/, async (ctx) => {
    const topic = ctx.match[1]!;
    if (!isInfoTopic(topic)) return ctx.answerCallbackQuery();
    const subscribed = ctx.match[2] === '1';
    const list = await caller(ctx).setSubscription({ topic, subscribed });
    outcome(ctx, subscribed ? 'langganan.on' : 'langganan.off');
    await ctx.answerCallbackQuery({ text: ctx.t(subscribed ? 'langganan-saved-on' : 'langganan-saved-off', { topic: topicLabel(topic, langOf(ctx)) }).slice(0, 200) });
    await quietly(ctx.editMessageReplyMarkup({ reply_markup: subscriptionsMarkup(ctx, list) }));
  });

  bot.callbackQuery(new RegExp(`^${interestCallbackPrefix}([A-Za-z0-9_-]{1,60})$`), async (ctx) => {
    const data = ctx.callbackQuery.data;
    let result;
    try {
      result = await caller(ctx).registerInterest({ broadcastId: ctx.match[1]! });
    } catch (error) {
      const refusal = refusalOf(error, langOf(ctx));
      if (refusal === null) throw error;
      outcome(ctx, 'minat.refused');
      await ctx.answerCallbackQuery({ text: refusal.slice(0, 200), show_alert: true });
      return;
    }
    outcome(ctx, result.first ? 'minat' : 'minat.repeat');
    await ctx.answerCallbackQuery({ text: (result.first ? ctx.t('minat-saved', { date: formatIndonesian(result.closesOn) }) : ctx.t('minat-already')).slice(0, 200), show_alert: result.first });
    const markup = relabel(ctx.callbackQuery.message?.reply_markup, (d, text) => (d === data ? ctx.t('minat-button-done') : text));
    if (markup) await quietly(ctx.editMessageReplyMarkup({ reply_markup: markup }));
  });
}
