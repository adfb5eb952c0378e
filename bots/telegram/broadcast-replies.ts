import { TRPCError } from '@trpc/server';
import { Composer, GrammyError } from 'grammy';
import { ackedButtonLabel } from '../../core/broadcasts/broadcast-texts.js';
import { recordGroupMembership } from '../../core/broadcasts/chat-groups.js';
import { resolveChatActor } from '../../core/identity/resolve-chat-actor.js';
import type { Runtime } from '../../core/runtime.js';
import { ackCallbackPrefix, ackDoneCallback } from './broadcast-callbacks.js';
import type { BotContext } from './context.js';

const texts = {
  thanks: 'Terima kasih, konfirmasi Anda sudah tercatat.',
  already: 'Konfirmasi Anda sudah tercatat sebelumnya.',
  notLinked: 'Konfirmasi hanya tercatat untuk akun yang sudah ditautkan. Buka chat pribadi dengan bot ini dan kirim /start untuk menautkan akun.',
};

/**
 * Broadcast buttons and group membership. Runs before the private-chat gate: the confirmation button of a broadcast
 * posted in a group is pressed in the group, by each member for themselves.
 */
export function broadcastReplies(runtime: Runtime): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.callbackQuery(ackDoneCallback, async (ctx) => {
    ctx.layani.outcome = 'broadcast.ack.repeat';
    await ctx.answerCallbackQuery({ text: texts.already });
  });

  composer.callbackQuery(new RegExp(`^${ackCallbackPrefix}([A-Za-z0-9_-]{1,60})$`), async (ctx) => {
    const actor = await resolveChatActor(runtime.db, 'telegram', String(ctx.from.id));
    if (!actor.employeeId) {
      ctx.layani.outcome = 'broadcast.ack.unlinked';
      await ctx.answerCallbackQuery({ text: texts.notLinked, show_alert: true });
      return;
    }
    try {
      const result = await runtime.callerFor(actor).broadcasts.acknowledge({ broadcastId: ctx.match[1]! });
      ctx.layani.outcome = result.first ? 'broadcast.ack' : 'broadcast.ack.repeat';
      await ctx.answerCallbackQuery({ text: result.first ? texts.thanks : texts.already });
    } catch (error) {
      if (!(error instanceof TRPCError)) throw error;
      ctx.layani.outcome = 'broadcast.ack.refused';
      await ctx.answerCallbackQuery({ text: error.message.split(' / ')[0]!.slice(0, 200), show_alert: true });
      return;
    }
    // In a private chat the button has done its job; in a group others still need it.
    if (ctx.chat?.type === 'private') {
      await ctx
        .editMessageReplyMarkup({ reply_markup: { inline_keyboard: [[{ text: ackedButtonLabel, callback_data: ackDoneCallback }]] } })
        .catch((error: unknown) => {
          if (!(error instanceof GrammyError) || error.error_code !== 400) throw error;
        });
    }
  });

  composer.on('my_chat_member', async (ctx) => {
    const chat = ctx.myChatMember.chat;
    if (chat.type !== 'group' && chat.type !== 'supergroup') return;
    const status = ctx.myChatMember.new_chat_member.status;
    const member = status === 'member' || status === 'administrator' || status === 'restricted';
    await recordGroupMembership(runtime.db, runtime.settings.defaultAgencyCode, { platform: 'telegram', chatId: String(chat.id), title: chat.title }, member, runtime.clock.now());
    ctx.layani.outcome = member ? 'group.joined' : 'group.left';
  });

  return composer;
}
