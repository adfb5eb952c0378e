import type { KnownBlock, WebClient } from '@slack/web-api';
import { channelSettingFor } from '../../core/agencies/agency-desk.js';
import { slackUserIdOf } from '../../core/tickets/ticket-access.js';
import { fetchAttachment, type AttachmentFetchers, type FetchedFile } from '../../core/outbox/attachment-files.js';
import { DeliveryRefused, NotReadyYet } from '../../core/outbox/delivery-errors.js';
import type { IntentOf } from '../../core/outbox/outbox-intent.js';
import type { DeliveryHandler } from '../../core/outbox/outbox-worker.js';
import type { Runtime } from '../../core/runtime.js';
import { loadFaqDraftView, recordFaqDraftReview } from '../../core/faq/drafts/index.js';
import { loadTicketCard, recordTicketCard, ticketCardLocation } from '../../core/tickets/ticket-queries.js';
import { loadBroadcastView, recordApprovalMessage } from '../../core/broadcasts/broadcast-view.js';
import { approvalBlocks, approvalFallbackText, broadcastMrkdwn } from './broadcast-blocks.js';
import { slackErrorCode, toDeliveryError } from './errors.js';
import { faqDraftFallbackText, faqDraftReviewBlocks } from './faq-draft-review.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { renderReportFiles } from '../../core/reports/report-service.js';
import { reportSummaryText } from '../../core/reports/report-summary.js';
import { cardFallbackText, ticketCardBlocks } from './ticket-card.js';

/** After this many failed tries a file that cannot be fetched is left out (and named) instead of holding the thread. */
const attachmentAttempts = 5;
/** Longer texts go as their own message rather than as the comment of a file upload. */
const maxInitialComment = 3000;

async function slack<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toDeliveryError(error);
  }
}

/** Slack cuts messages longer than 40,000 characters; escaping can make a long staff message longer than that. */
const maxMessageLength = 39_000;

/** The text of a thread message: mention, then author, then the (escaped) words. */
export function threadText(intent: Pick<IntentOf<'slack.threadMessage'>, 'text' | 'author' | 'mention'>): string {
  const parts: string[] = [];
  if (intent.mention === 'channel') parts.push('<!channel>');
  else if (slackUserIdOf(intent.mention)) parts.push(`<@${intent.mention}>`);
  if (intent.author) parts.push(`*${escapeMrkdwn(intent.author)}*:`);
  if (intent.text.trim()) parts.push(escapeMrkdwn(intent.text));
  return withinSlackLimit(parts.join(' '));
}

function withinSlackLimit(text: string): string {
  if (text.length <= maxMessageLength) return text;
  // Do not cut an entity (&amp;) in half.
  return `${text.slice(0, maxMessageLength).replace(/&[a-z]*$/, '')}… _(terpotong; teks lengkap tersimpan di LAYANI)_`;
}

/** Sends the outbox's Slack messages: ticket cards (posted once, then edited in place), thread and channel messages. */
export function createSlackDelivery(runtime: Runtime, client: WebClient, files: AttachmentFetchers): DeliveryHandler {
  const { db, log } = runtime;

  async function deliverCard(intent: IntentOf<'slack.ticketCard'>): Promise<string> {
    const card = await loadTicketCard(db, runtime.settings.businessCalendar, intent.ticketId, runtime.clock.now());
    if (!card) throw new DeliveryRefused('failed', 'ticket not found');
    const { view } = card;
    const message = { text: cardFallbackText(view), blocks: ticketCardBlocks(view) as KnownBlock[] };
    if (card.slackChannel && card.slackTs) {
      try {
        await client.chat.update({ channel: card.slackChannel, ts: card.slackTs, ...message });
        return card.slackTs;
      } catch (error) {
        // Someone deleted the card: post it again rather than lose the ticket from the channel.
        if (slackErrorCode(error) !== 'message_not_found') throw toDeliveryError(error);
        log.warn({ ticket: view.number }, 'ticket card was deleted in Slack; posting it again');
      }
    }
    // Each agency's tickets go to its own desk; confidential ones to its leads' channel only, never to triage.
    const purpose = view.confidential ? 'confidentialTicket' : 'ticket';
    const channel = await runtime.settings.agencies.channelFor(card.agencyId, purpose);
    if (!channel) throw new Error(`agency ${view.agencyCode} has no Slack ${view.confidential ? 'confidential' : 'triage'} channel: set it with ${channelSettingFor(purpose)}`);
    const posted = await slack(() => client.chat.postMessage({ channel, ...message, unfurl_links: false, unfurl_media: false }));
    if (!posted.ts) throw new Error('Slack returned no ts for the ticket card');
    await recordTicketCard(db, view.id, posted.channel ?? channel, posted.ts);
    log.info({ ticket: view.number, confidential: view.confidential }, 'ticket card posted');
    return posted.ts;
  }

  /** A FAQ draft's review message in the HR leads' channel: posted once, then edited when a lead decides. */
  async function deliverFaqDraftReview(intent: IntentOf<'slack.faqDraftReview'>): Promise<string> {
    const view = await loadFaqDraftView(db, intent.draftId);
    if (!view) throw new DeliveryRefused('failed', 'FAQ draft not found');
    const message = { text: faqDraftFallbackText(view), blocks: faqDraftReviewBlocks(view) as KnownBlock[] };
    if (view.slackChannel && view.slackTs) {
      try {
        await client.chat.update({ channel: view.slackChannel, ts: view.slackTs, ...message });
        return view.slackTs;
      } catch (error) {
        if (slackErrorCode(error) !== 'message_not_found') throw toDeliveryError(error);
        log.warn({ draftId: view.id }, 'FAQ draft review message was deleted in Slack; posting it again');
      }
    }
    const channel = await runtime.settings.agencies.channelFor(view.agencyId, 'faqDraft');
    if (!channel) throw new Error(`no Slack leads' channel for FAQ draft reviews: set it with ${channelSettingFor('faqDraft')}`);
    const posted = await slack(() => client.chat.postMessage({ channel, ...message, unfurl_links: false, unfurl_media: false }));
    if (!posted.ts) throw new Error('Slack returned no ts for the FAQ draft review');
    await recordFaqDraftReview(db, view.id, posted.channel ?? channel, posted.ts);
    log.info({ draftId: view.id }, 'FAQ draft review posted');
    return posted.ts;
  }

  /** The approval request in the HR leads' channel (triage when there is none): posted once, then edited. */
  async function deliverBroadcastApproval(intent: IntentOf<'slack.broadcastApproval'>): Promise<string> {
    const view = await loadBroadcastView(db, intent.broadcastId);
    if (!view) throw new DeliveryRefused('failed', 'broadcast not found');
    const message = { text: approvalFallbackText(view), blocks: approvalBlocks(view) as KnownBlock[] };
    if (view.slackChannel && view.slackTs) {
      await slack(() => client.chat.update({ channel: view.slackChannel!, ts: view.slackTs!, ...message }));
      return view.slackTs;
    }
    const channel = await runtime.settings.agencies.channelFor(view.agencyId, 'broadcastApproval');
    if (!channel) throw new Error(`no Slack channel for broadcast approvals: set it with ${channelSettingFor('broadcastApproval')}`);
    const posted = await slack(() => client.chat.postMessage({ channel, ...message, unfurl_links: false, unfurl_media: false }));
    if (!posted.ts) throw new Error('Slack returned no ts for the approval request');
    await recordApprovalMessage(db, view.id, posted.channel ?? channel, posted.ts);
    return posted.ts;
  }

  /** The monthly report: its summary with the charts, the PDF and the CSV as one message of files. */
  async function deliverServiceReport(intent: IntentOf<'slack.serviceReport'>): Promise<string> {
    const files = await renderReportFiles(intent.report);
    const uploaded = await slack(() =>
      client.filesUploadV2({
        channel_id: intent.slackChannel,
        initial_comment: withinSlackLimit(escapeMrkdwn(reportSummaryText(intent.report))),
        file_uploads: [
          { file: files.pdf, filename: `${files.baseName}.pdf`, title: `Laporan layanan ${intent.report.monthLabel} (PDF)` },
          { file: Buffer.from(files.csv, 'utf8'), filename: `${files.baseName}.csv`, title: `Angka laporan ${intent.report.monthLabel} (CSV)` },
          ...files.charts.map((chart) => ({ file: chart.png, filename: `${files.baseName}-${chart.name}.png`, title: chart.title })),
        ],
      }),
    );
    log.info({ month: intent.report.month, agency: intent.report.scope.agencyCode }, 'service report posted');
    const ids = (uploaded.files ?? []).flatMap((result) => (result.files ?? []).map((file) => file.id)).filter(Boolean);
    return ids.join(',');
  }

  async function fetchAll(intent: IntentOf<'slack.threadMessage'>, attempts: number): Promise<{ fetched: FetchedFile[]; missing: string[] }> {
    const results = await Promise.allSettled(intent.attachments.map((attachment) => fetchAttachment(files, attachment)));
    const fetched: FetchedFile[] = [];
    const missing: string[] = [];
    results.forEach((result, index) => {
      if (result.status === 'fulfilled') fetched.push(result.value);
      else missing.push(intent.attachments[index]!.fileName);
    });
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure && attempts + 1 < attachmentAttempts) throw failure.reason;
    if (failure) log.warn({ ticketId: intent.ticketId, missing: missing.length, reason: String((failure.reason as Error)?.message ?? failure.reason) }, 'attachments left out after repeated failures');
    return { fetched, missing };
  }

  async function deliverThreadMessage(intent: IntentOf<'slack.threadMessage'>, attempts: number): Promise<string> {
    const ticket = await ticketCardLocation(db, intent.ticketId);
    if (!ticket) throw new DeliveryRefused('failed', 'ticket not found');
    if (!ticket.slackChannel || !ticket.slackTs) throw new NotReadyYet('the ticket card is not posted yet');
    const channel = ticket.slackChannel;
    const thread_ts = ticket.slackTs;
    let text = threadText(intent);
    if (intent.attachments.length === 0) {
      const posted = await slack(() =>
        client.chat.postMessage({ channel, thread_ts, text: text || '(pesan kosong)', unfurl_links: false, unfurl_media: false }),
      );
      return posted.ts ?? '';
    }
    // Files are fetched before anything is posted, so a failed download does not leave half a message behind.
    const { fetched, missing } = await fetchAll(intent, attempts);
    if (missing.length > 0) text = `${text}\n_(lampiran tidak dapat diteruskan: ${missing.map(escapeMrkdwn).join(', ')})_`.trim();
    let comment: string | undefined = text || undefined;
    if (fetched.length === 0 || (comment && comment.length > maxInitialComment)) {
      const posted = await slack(() => client.chat.postMessage({ channel, thread_ts, text: text || '(lampiran)', unfurl_links: false, unfurl_media: false }));
      if (fetched.length === 0) return posted.ts ?? '';
      comment = undefined;
    }
    const uploaded = await slack(() =>
      client.filesUploadV2({
        channel_id: channel,
        thread_ts,
        ...(comment ? { initial_comment: comment } : {}),
        file_uploads: fetched.map((file) => ({ file: file.bytes, filename: file.fileName })),
      }),
    );
    const ids = (uploaded.files ?? []).flatMap((result) => (result.files ?? []).map((file) => file.id)).filter(Boolean);
    return ids.join(',');
  }

  return async (intent, item) => {
    switch (intent.kind) {
      case 'slack.ticketCard':
        return deliverCard(intent);
      case 'slack.threadMessage':
        return deliverThreadMessage(intent, item.attempts);
      case 'slack.faqDraftReview':
        return deliverFaqDraftReview(intent);
      case 'slack.broadcast': {
        const posted = await slack(() =>
          client.chat.postMessage({ channel: intent.slackChannel, text: broadcastMrkdwn(intent.title, intent.text), mrkdwn: true, unfurl_links: false, unfurl_media: false }),
        );
        return posted.ts ?? '';
      }
      case 'slack.broadcastApproval':
        return deliverBroadcastApproval(intent);
      case 'slack.serviceReport':
        return deliverServiceReport(intent);
      case 'slack.channelMessage': {
        const posted = await slack(() =>
          client.chat.postMessage({
            channel: intent.slackChannel,
            text: withinSlackLimit(`${escapeMrkdwn(intent.text)}${slackUserIdOf(intent.mention) ? ` (<@${intent.mention}>)` : ''}`),
            unfurl_links: false,
            unfurl_media: false,
          }),
        );
        return posted.ts ?? '';
      }
      default:
        throw new DeliveryRefused('failed', `the Slack adapter does not deliver ${intent.kind}`);
    }
  };
}
