import { Blocks, Elements, Message, type SlackBlockDto } from 'slack-block-builder';
import { slackUserIdOf } from '../../core/tickets/ticket-access.js';
import type { FaqDraftView } from '../../core/faq/drafts/index.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** action_id of the review message's buttons; the value is the draft's id. */
export const faqDraftActions = {
  approve: 'layani_faq_draft_approve',
  reject: 'layani_faq_draft_reject',
} as const;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
/** Section text is limited to 3000 characters by Slack. */
const sectionText = (label: string, text: string) => clip(`*${label}*\n${escapeMrkdwn(text)}`, 3000);

const slackUser = (ref: string | null) => {
  const id = slackUserIdOf(ref?.startsWith('slack:') ? ref.slice('slack:'.length) : null);
  return id ? `<@${id}>` : 'petugas';
};

/** "tiket #12" or "sosialisasi #3": where the draft's answer was given. */
function originOf(view: FaqDraftView): string | null {
  if (view.ticketNumber !== null) return `tiket #${view.ticketNumber}`;
  if (view.sessionNumber !== null) return `sosialisasi #${view.sessionNumber}`;
  return null;
}

export function faqDraftFallbackText(view: FaqDraftView): string {
  const origin = originOf(view);
  return `Draf FAQ${origin ? ` dari ${origin}` : ''}: ${view.title}`;
}

/** The review message: title, question, answer, and "Setujui"/"Tolak" while it waits; the decision once taken. */
export function faqDraftReviewBlocks(view: FaqDraftView): SlackBlockDto[] {
  const origin = originOf(view);
  const ticket = origin ? ` · ${origin}` : '';
  const decision =
    view.status === 'approved'
      ? [Blocks.Section({ text: `✅ Disetujui oleh ${slackUser(view.decidedBy)} → corpus/${view.docId ?? '?'}.md` })]
      : view.status === 'rejected'
        ? [Blocks.Section({ text: `❌ Ditolak oleh ${slackUser(view.decidedBy)}` })]
        : [
            Blocks.Context().elements('Setelah disetujui, dokumen ditulis dengan `verify: true`: lengkapi dasar aturannya di corpus.'),
            Blocks.Actions({ blockId: `layani_faq_draft_${view.status}` }).elements(
              Elements.Button({ text: 'Setujui', actionId: faqDraftActions.approve, value: view.id }).primary(),
              Elements.Button({ text: 'Tolak', actionId: faqDraftActions.reject, value: view.id }).danger(),
            ),
          ];
  return Message()
    .blocks(
      Blocks.Header({ text: clip(`Draf FAQ — ${view.title}`, 150) }),
      Blocks.Context().elements(`Diusulkan oleh ${slackUser(view.createdBy)}${ticket}`),
      Blocks.Section({ text: sectionText('Judul', view.title) }),
      Blocks.Section({ text: sectionText('Pertanyaan', view.question) }),
      Blocks.Section({ text: sectionText('Jawaban', view.answer) }),
      ...decision,
    )
    .getBlocks();
}
