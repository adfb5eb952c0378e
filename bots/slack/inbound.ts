import type { App, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Actor } from '../../core/auth/actor.js';
import { hasAtLeast } from '../../core/auth/roles.js';
import { isFirstDelivery } from '../../core/inbound/first-delivery.js';
import type { Attachment } from '../../core/outbox/outbox-intent.js';
import type { Runtime } from '../../core/runtime.js';
import { ticketCategorySchema } from '../../core/tickets/categories.js';
import { ticketIdForThread } from '../../core/tickets/ticket-queries.js';
import { ticketPrioritySchema } from '../../core/tickets/ticket-status.js';
import type { DeskMembers } from './desk-members.js';
import { loggableError, userMessageOf } from './errors.js';
import { mentionedUserIds, slackToPlainText } from './mrkdwn.js';
import { faqDraftActions } from './faq-draft-review.js';
import { runLayaniCommand } from './slash-command.js';
import { cardActions } from './ticket-card.js';

/** The FAQ draft procedures, called the way the app router would (role checks included). */

export const leadsOnlyText = 'Maaf, hanya pimpinan kepegawaian (anggota kanal rahasia LAYANI) yang dapat menyetujui atau menolak draf FAQ.';

export const refusalText =
  'Maaf, Anda tidak berwenang melakukan ini. Hanya anggota kanal layanan kepegawaian LAYANI yang dapat menangani tiket.';

export function ambiguousDeskText(agencies: readonly string[]): string {
  return `Anda anggota meja layanan beberapa instansi (${agencies.join(', ')}). Jalankan perintah ini di kanal triase instansi yang dimaksud, agar jelas atas nama instansi mana Anda bertindak.`;
}

export interface InboundDeps {
  runtime: Runtime;
  client: WebClient;
  members: DeskMembers;
}

/** `catatan:` at the start of a thread reply (bold or italic markers around it tolerated). */
const notePrefix = /^[\s*_~]*catatan[\s*_~]*:[*_~]*\s*/i;

/** The fields of a Slack `message` event this adapter reads. */
interface MessageEventLike {
  type: 'message';
  subtype?: string;
  channel?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
  files?: Array<{ id?: string; name?: string; title?: string; mimetype?: string; url_private?: string; mode?: string }>;
}

interface EphemeralTarget {
  user: string;
  channel?: string;
  threadTs?: string;
  respond?: RespondFn;
  /** Slash commands answer through their response_url first (it works in every channel). */
  preferRespond?: boolean;
}

/** Display names of Slack users, for replies that mention colleagues (staff never see Slack ids). */
class UserNames {
  private readonly cache = new Map<string, { name: string; at: number }>();
  constructor(private readonly client: WebClient) {}

  async lookup(ids: string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    await Promise.all(
      ids.map(async (id) => {
        const cached = this.cache.get(id);
        if (cached && Date.now() - cached.at < 600_000) return void names.set(id, cached.name);
        try {
          const { user } = await this.client.users.info({ user: id });
          const name = user?.profile?.display_name || user?.profile?.real_name || user?.real_name || user?.name;
          if (name) {
            this.cache.set(id, { name, at: Date.now() });
            names.set(id, name);
          }
        } catch {
          // Unknown or unreachable: the text says "petugas" instead.
        }
      }),
    );
    return names;
  }
}

export function registerInboundHandlers(app: App, deps: InboundDeps): void {
  const { runtime, client, members } = deps;
  const { db, log } = runtime;
  const names = new UserNames(client);

  async function tell(target: EphemeralTarget, text: string): Promise<void> {
    const viaRespond = async () => {
      if (!target.respond) return false;
      await target.respond({ response_type: 'ephemeral', replace_original: false, text });
      return true;
    };
    const viaEphemeral = async () => {
      if (!target.channel) return false;
      await client.chat.postEphemeral({ channel: target.channel, user: target.user, text, ...(target.threadTs ? { thread_ts: target.threadTs } : {}) });
      return true;
    };
    const order = target.preferRespond ? [viaRespond, viaEphemeral] : [viaEphemeral, viaRespond];
    for (const attempt of order) {
      try {
        if (await attempt()) return;
      } catch (error) {
        log.debug({ err: loggableError(error) }, 'ephemeral answer failed, trying the other way');
      }
    }
    log.warn('could not show an ephemeral answer to a Slack user');
  }

  async function runForUser(target: EphemeralTarget, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      const message = userMessageOf(error);
      if (!message.expected) log.error({ err: loggableError(error) }, 'Slack request failed');
      else log.debug({ code: (error as { code?: unknown }).code }, 'core refused a Slack request');
      await tell(target, message.text);
    }
  }

  // --- thread replies -------------------------------------------------------------------------------------------
  app.event('message', async ({ event, body, context }) => {
    const message = event as unknown as MessageEventLike;
    // Plain replies, replies with files, and replies also sent to the channel; not edits, joins or bot posts.
    if (message.subtype !== undefined && message.subtype !== 'file_share' && message.subtype !== 'thread_broadcast') return;
    if (message.bot_id || !message.user || message.user === context.botUserId) return;
    if (!message.channel || !message.ts || !message.thread_ts || message.thread_ts === message.ts) return;
    if (!(await members.isDeskChannel(message.channel))) return;
    const ticketId = await ticketIdForThread(db, message.channel, message.thread_ts);
    if (!ticketId) return;
    // Slack retries an event it thinks was not answered in time (X-Slack-Retry-Num): act on it once.
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !(await isFirstDelivery(db, 'slack', eventId))) {
      log.debug({ eventId, retryNum: context.retryNum }, 'duplicate Slack event ignored');
      return;
    }
    const target: EphemeralTarget = { user: message.user, channel: message.channel, threadTs: message.thread_ts };
    const user = message.user;
    const channel = message.channel;
    await runForUser(target, async () => {
      const actor = await members.actorFor(user, channel);
      if (!actor) {
        log.info({ channel }, 'thread reply from a Slack user outside the desk refused');
        await tell(target, refusalText);
        return;
      }
      const raw = message.text ?? '';
      const text = slackToPlainText(raw, await names.lookup(mentionedUserIds(raw)));
      const caller = runtime.callerFor(actor);
      if (notePrefix.test(text)) {
        await caller.tickets.note({ ticketId, text: text.replace(notePrefix, '').trim() });
        log.info({ ticketId }, 'internal note added from Slack');
        await tell(target, '📝 Catatan internal disimpan di tiket; tidak dikirim ke pegawai.');
        return;
      }
      const attachments = slackFilesAsAttachments(message.files ?? []);
      const { delivered } = await caller.tickets.reply({ ticketId, text, attachments });
      log.info({ ticketId, attachments: attachments.length, delivered }, 'HR reply from Slack');
      if (!delivered) await tell(target, 'Pegawai ini belum menautkan akun Telegram: balasan disimpan di tiket tetapi belum terkirim.');
    });
  });

  // --- card buttons and menus -----------------------------------------------------------------------------------
  app.action(new RegExp(`^(${Object.values(cardActions).join('|')})$`), async ({ ack, body, action, respond }) => {
    await ack();
    if (body.type !== 'block_actions') return;
    const container = (body as { container?: { channel_id?: string; message_ts?: string } }).container;
    const channel = body.channel?.id ?? container?.channel_id;
    const messageTs = body.message?.ts ?? container?.message_ts;
    const target: EphemeralTarget = { user: body.user.id, ...(channel ? { channel } : {}), respond };
    if (!channel || !messageTs) return;
    const element = action as { action_id?: string; selected_option?: { value?: string } };
    await runForUser(target, async () => {
      const actor = await members.actorFor(body.user.id, channel);
      if (!actor) {
        log.info({ channel }, 'card action from a Slack user outside the desk refused');
        await tell(target, refusalText);
        return;
      }
      const ticketId = await ticketIdForThread(db, channel, messageTs);
      if (!ticketId) {
        await tell(target, 'Kartu ini tidak terhubung ke tiket LAYANI.');
        return;
      }
      const answer = await runCardAction(actor, element.action_id ?? '', ticketId, element.selected_option?.value);
      if (answer) await tell(target, answer);
    });
  });

  /** Runs a card control; returns what to tell the clicker privately, if anything. */
  async function runCardAction(actor: Actor, actionId: string, ticketId: string, selected: string | undefined): Promise<string | void> {
    const tickets = runtime.callerFor(actor).tickets;
    switch (actionId) {
      case cardActions.faqDraft: {
        const draft = await runtime.callerFor(actor).faqDrafts.createFromTicket({ ticketId });
        log.info({ ticketId, draftId: draft.draftId }, 'FAQ draft created from Slack');
        return `📝 Draf FAQ dari tiket #${draft.ticketNumber} dibuat dan dikirim ke pimpinan kepegawaian untuk disetujui.`;
      }
      case cardActions.claim:
        await tickets.claim({ ticketId });
        break;
      case cardActions.resolve:
        await tickets.resolve({ ticketId });
        break;
      case cardActions.reopen:
        await tickets.reopen({ ticketId });
        break;
      case cardActions.category: {
        const category = ticketCategorySchema.parse(selected);
        await tickets.setCategory({ ticketId, category });
        break;
      }
      case cardActions.priority: {
        const priority = ticketPrioritySchema.parse(selected);
        await tickets.setPriority({ ticketId, priority });
        break;
      }
      default:
        return;
    }
    log.info({ ticketId, action: actionId }, 'card action from Slack');
  }

  // --- FAQ draft review (HR leads' channel) ----------------------------------------------------------------------
  app.action(new RegExp(`^(${Object.values(faqDraftActions).join('|')})$`), async ({ ack, body, action, respond }) => {
    await ack();
    if (body.type !== 'block_actions') return;
    const container = (body as { container?: { channel_id?: string } }).container;
    const channel = body.channel?.id ?? container?.channel_id;
    const target: EphemeralTarget = { user: body.user.id, ...(channel ? { channel } : {}), respond };
    const element = action as { action_id?: string; value?: string };
    const draftId = element.value;
    if (!draftId) return;
    await runForUser(target, async () => {
      // The draft sits in its agency's leads' channel: the clicker decides for that agency only.
      const actor = await members.actorFor(body.user.id, channel);
      if (!actor || !hasAtLeast(actor.role, 'hr_lead')) {
        log.info({ channel }, 'FAQ draft decision from a Slack user who is not an HR lead refused');
        await tell(target, leadsOnlyText);
        return;
      }
      const drafts = runtime.callerFor(actor).faqDrafts;
      if (element.action_id === faqDraftActions.approve) {
        const approved = await drafts.approve({ draftId });
        log.info({ draftId, docId: approved.docId }, 'FAQ draft approved from Slack');
      } else if (element.action_id === faqDraftActions.reject) {
        await drafts.reject({ draftId });
        log.info({ draftId }, 'FAQ draft rejected from Slack');
      }
    });
  });

  // --- /layani ----------------------------------------------------------------------------------------------------
  app.command('/layani', async ({ ack, command, respond }) => {
    await ack();
    const target: EphemeralTarget = { user: command.user_id, channel: command.channel_id, respond, preferRespond: true };
    await runForUser(target, async () => {
      // In an agency's desk channel the command acts for that agency; elsewhere for the one desk the user is in.
      const decision = await members.decide(command.user_id, command.channel_id, { mustBeInChannel: false });
      if (!decision.ok) {
        log.info({ reason: decision.reason }, 'slash command from a Slack user outside the desk refused');
        await tell(target, decision.reason === 'ambiguous' ? ambiguousDeskText(decision.agencies) : refusalText);
        return;
      }
      const actor = decision.actor;
      const text = await runLayaniCommand(runtime, actor, command.text ?? '', {
        channel: command.channel_id,
        userId: command.user_id,
        teamDomain: command.team_domain,
        slackApiUrl: runtime.config.SLACK_API_URL,
        client,
        triggerId: command.trigger_id,
      });
      // Empty: the command opened a modal instead of answering.
      if (text) await tell(target, text);
    });
  });
}

/** Files shared in a thread reply, as attachments the Telegram side can fetch (with the bot token). */
export function slackFilesAsAttachments(files: NonNullable<MessageEventLike['files']>): Attachment[] {
  return files
    .filter((file) => file.id && file.mode !== 'tombstone')
    .map((file) => {
      const mimeType = file.mimetype || null;
      const fileName = (file.name || file.title || file.id!).slice(0, 255);
      return {
        source: 'slack' as const,
        fileId: file.id!,
        fileName,
        mimeType,
        kind: mimeType?.startsWith('image/') ? ('photo' as const) : ('document' as const),
        url: file.url_private ?? null,
      };
    });
}
