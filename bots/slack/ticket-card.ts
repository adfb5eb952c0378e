import { Bits, Blocks, Elements, Message, type SlackBlockDto } from 'slack-block-builder';
import { categoryOf, ticketCategories } from '../../core/tickets/categories.js';
import { priorityLabels, statusLabels, ticketPriorities } from '../../core/tickets/ticket-status.js';
import type { SlaState, TicketView } from '../../core/tickets/ticket-view.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { formatWib } from './wib-time.js';

/** action_id of each control on the card; the ticket is found from the card's ts, the value repeats its id. */
export const cardActions = {
  claim: 'layani_ticket_claim',
  category: 'layani_ticket_category',
  priority: 'layani_ticket_priority',
  resolve: 'layani_ticket_resolve',
  reopen: 'layani_ticket_reopen',
  /** "Jadikan FAQ": draft a corpus entry from a resolved, non-confidential ticket's answer. */
  faqDraft: 'layani_ticket_faq_draft',
} as const;

export const slaMarkers: Record<SlaState, string> = {
  ok: '',
  warning: ' ⚠️ 80% waktu terpakai',
  breached: ' 🔴 terlewati',
  met: ' ✅ terpenuhi',
  paused: ' ⏸ dijeda',
};

/** "3 jam 20 menit" of business time. */
function businessTime(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes % 60);
  return [hours ? `${hours} jam` : '', rest || !hours ? `${rest} menit` : ''].filter(Boolean).join(' ');
}

const isOpen = (status: TicketView['status']) => status === 'baru' || status === 'ditangani' || status === 'menunggu_pegawai';

/** Plain text header/labels: Slack limits header text to 150 characters. */
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function slaLine(label: string, dueAt: Date, state: SlaState, minutesLeft: number): string {
  // While the ticket waits for the employee the due time is not known yet: it moves by however long they take.
  if (state === 'paused') return `*${label}*\n⏸ dijeda — menunggu pegawai (sisa ${businessTime(minutesLeft)} kerja)`;
  return `*${label}*\n${formatWib(dueAt)}${slaMarkers[state]}`;
}

/** The notification/fallback text of the card (no personal data beyond the ticket number). */
export function cardFallbackText(view: TicketView): string {
  return `Tiket #${view.number} (${categoryOf(view.category).id_label}) — ${statusLabels[view.status].id}`;
}

/** The ticket's Block Kit card: who asks, what about, where it stands, and the controls that fit its status. */
export function ticketCardBlocks(view: TicketView): SlackBlockDto[] {
  const category = categoryOf(view.category);
  const requester = view.requester;
  const rank = [requester.golongan, requester.pangkat].filter(Boolean).join(' · ') || '—';
  const assignee = view.assigneeSlackId ? `<@${view.assigneeSlackId}>` : '_belum diambil_';
  const blocks = [
    Blocks.Header({ text: clip(`Tiket #${view.number} — ${category.id_label}`, 150) }),
    ...(view.confidential ? [Blocks.Context().elements('🔒 *Rahasia* — hanya untuk pimpinan kepegawaian')] : []),
    Blocks.Section({ text: `*Perihal:* ${escapeMrkdwn(view.subject)}` }),
    Blocks.Section().fields(
      `*Pemohon*\n${escapeMrkdwn(requester.name) || '—'}`,
      `*Unit kerja*\n${escapeMrkdwn(requester.unit) || '—'}`,
      `*Golongan/pangkat*\n${escapeMrkdwn(rank)}`,
      `*Jabatan*\n${escapeMrkdwn(requester.positionName) || '—'}`,
      `*Kategori*\n${escapeMrkdwn(category.id_label)}`,
      `*Prioritas*\n${priorityLabels[view.priority].id}${view.priority === 'mendesak' ? ' ❗' : ''}`,
      `*Status*\n${statusLabels[view.status].id}`,
      `*Petugas*\n${assignee}`,
    ),
    Blocks.Section().fields(
      slaLine('Batas tanggapan pertama', view.firstResponseDueAt, view.firstResponseSla, 0),
      slaLine('Batas penyelesaian', view.resolutionDueAt, view.resolutionSla, view.resolutionMinutesLeft),
    ),
    ...(view.csatRating !== null
      ? [Blocks.Section({ text: `*Kepuasan pegawai:* ${'★'.repeat(view.csatRating)}${'☆'.repeat(5 - view.csatRating)} (${view.csatRating}/5)` })]
      : []),
    Blocks.Context().elements(`Dibuat ${formatWib(view.createdAt)} · ${escapeMrkdwn(view.agencyCode)} · balas di utas ini; awali dengan \`catatan:\` untuk catatan internal`),
    // A block_id that changes with the menus' values: Slack clients keep a select's old choice for an unchanged block.
    Blocks.Actions({ blockId: `layani_ticket_${view.status}_${view.category}_${view.priority}` }).elements(...cardControls(view)),
  ];
  return Message().blocks(...blocks).getBlocks();
}

function cardControls(view: TicketView) {
  const value = view.id;
  if (!isOpen(view.status)) {
    const reopen = Elements.Button({ text: 'Buka lagi', actionId: cardActions.reopen, value });
    // Confidential tickets never become FAQ entries.
    return view.confidential ? [reopen] : [reopen, Elements.Button({ text: 'Jadikan FAQ', actionId: cardActions.faqDraft, value })];
  }
  // A confidential ticket stays confidential and a regular one regular: the other kind belongs in another channel.
  const categories = ticketCategories.filter((c) => c.confidential === view.confidential);
  const option = (text: string, optionValue: string) => Bits.Option({ text: clip(text, 75), value: optionValue });
  const current = categoryOf(view.category);
  return [
    Elements.Button({ text: view.assigneeSlackId ? 'Ambil alih' : 'Ambil', actionId: cardActions.claim, value }).primary(!view.assigneeSlackId),
    Elements.StaticSelect({ placeholder: 'Kategori', actionId: cardActions.category })
      .options(...categories.map((c) => option(c.id_label, c.id)))
      .initialOption(option(current.id_label, current.id)),
    Elements.StaticSelect({ placeholder: 'Prioritas', actionId: cardActions.priority })
      .options(...ticketPriorities.map((p) => option(priorityLabels[p].id, p)))
      .initialOption(option(priorityLabels[view.priority].id, view.priority)),
    Elements.Button({ text: 'Selesai', actionId: cardActions.resolve, value }).confirm(
        Bits.ConfirmationDialog({
          title: 'Selesaikan tiket?',
          text: `Tiket #${view.number} ditandai selesai dan pegawai diminta memberi penilaian.`,
          confirm: 'Selesai',
          deny: 'Batal',
        }),
      ),
  ];
}
