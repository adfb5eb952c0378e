import { GrammyError, type Bot } from 'grammy';
import type { InlineKeyboardButton } from 'grammy/types';
import { formatDate } from '../../core/reminders/format-date.js';
import { reminderKindLabels, reminderKinds, type ReminderKind } from '../../core/reminders/reminder-kinds.js';
import { pensionTicketButtonData } from '../../core/reminders/reminder-messages.js';
import type { Runtime } from '../../core/runtime.js';
import { categoryLabel } from '../../core/tickets/categories.js';
import { langOf, type BotContext } from './context.js';
import { splitMessage } from './format.js';

/** Upcoming reminders listed under the mute buttons; the rest would only make the message long. */
const upcomingShown = 8;
const isKind = (value: string): value is ReminderKind => (reminderKinds as readonly string[]).includes(value);

/**
 * /pengingat (one button per reminder type to mute or unmute it, and the person's upcoming reminders) and the
 * "Buka tiket pensiun" button under pension reminders. Staff only ever see and change their own.
 */
export function installReminderCommands(bot: Bot<BotContext>, runtime: Runtime): void {
  const caller = (ctx: BotContext) => runtime.callerFor(ctx.layani.actor!);

  async function menu(ctx: BotContext): Promise<{ text: string; keyboard: InlineKeyboardButton[][] }> {
    const lang = langOf(ctx);
    const mine = await caller(ctx).reminders.mine({ lang });
    const muted = new Set(mine.muted);
    const keyboard = reminderKinds.map((kind) => [
      muted.has(kind)
        ? { text: `🔕 ${reminderKindLabels[kind][lang]}`, callback_data: `pengingat:nyala:${kind}` }
        : { text: `🔔 ${reminderKindLabels[kind][lang]}`, callback_data: `pengingat:mati:${kind}` },
    ]);
    const lines = mine.upcoming.slice(0, upcomingShown).map((item) => `• ${formatDate(item.on, lang)} — ${item.label}${muted.has(item.kind) ? ' 🔕' : ''}`);
    if (mine.upcoming.length > upcomingShown) lines.push(ctx.t('pengingat-more', { count: mine.upcoming.length - upcomingShown }));
    const upcoming = lines.length > 0 ? [ctx.t('pengingat-upcoming'), ...lines].join('\n') : ctx.t('pengingat-none');
    return { text: `${ctx.t('pengingat-header')}\n\n${upcoming}`, keyboard };
  }

  bot.command('pengingat', async (ctx) => {
    ctx.session.pending = undefined;
    const { text, keyboard } = await menu(ctx);
    ctx.layani.outcome = 'pengingat.menu';
    const parts = splitMessage(text);
    for (const [index, part] of parts.entries()) {
      await ctx.reply(part, index === parts.length - 1 ? { reply_markup: { inline_keyboard: keyboard } } : {});
    }
  });

  bot.callbackQuery(/^pengingat:(mati|nyala):([a-z]+)$/, async (ctx) => {
    const kind = ctx.match[2]!;
    if (!isKind(kind)) {
      await ctx.answerCallbackQuery();
      return;
    }
    const mute = ctx.match[1] === 'mati';
    await (mute ? caller(ctx).reminders.mute({ kind }) : caller(ctx).reminders.unmute({ kind }));
    ctx.layani.outcome = mute ? 'pengingat.mute' : 'pengingat.unmute';
    await ctx.answerCallbackQuery({ text: ctx.t(mute ? 'pengingat-muted' : 'pengingat-unmuted', { kind: reminderKindLabels[kind][langOf(ctx)] }) });
    const { text, keyboard } = await menu(ctx);
    await quietly(ctx.editMessageText(splitMessage(text)[0]!, { reply_markup: { inline_keyboard: keyboard } }));
  });

  bot.callbackQuery(pensionTicketButtonData, async (ctx) => {
    const lang = langOf(ctx);
    const pensionLabel = categoryLabel('pensiun', lang);
    const open = (await caller(ctx).tickets.mine({ lang })).find((t) => t.category === pensionLabel && t.status !== 'selesai' && t.status !== 'ditutup');
    if (open) {
      ctx.layani.outcome = 'pengingat.pension-ticket.exists';
      await ctx.answerCallbackQuery({ text: ctx.t('pengingat-pension-ticket-exists', { number: String(open.number) }), show_alert: true });
      return;
    }
    const dates = await caller(ctx).records.careerDates();
    // Written for the HR officer who reads the ticket in Slack, so always in Indonesian.
    const text = `Saya ingin memulai usul pensiun (TMT pensiun menurut data: ${formatDate(dates.pension.tmtPension, 'id')}). Mohon bantuan menyiapkan berkasnya.`;
    await caller(ctx).tickets.open({ category: 'pensiun', text, lang });
    ctx.layani.outcome = 'pengingat.pension-ticket';
    // The acknowledgement with the ticket number comes through the outbox.
    await ctx.answerCallbackQuery({ text: ctx.t('pengingat-pension-ticket-opened') });
    await quietly(ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }));
  });
}

/** Edits of old messages fail harmlessly ("message is not modified", too old, deleted). */
async function quietly(edit: Promise<unknown>): Promise<void> {
  try {
    await edit;
  } catch (error) {
    if (!(error instanceof GrammyError) || error.error_code !== 400) throw error;
  }
}
