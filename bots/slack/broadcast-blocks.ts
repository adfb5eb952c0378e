import { Bits, Blocks, Elements, HomeTab, Message, Modal, type SlackBlockDto, type SlackViewDto } from 'slack-block-builder';
import slackifyMarkdown from 'slackify-markdown';
import type { BroadcastStatusReport, DeliveryCounts } from '../../core/broadcasts/broadcast-status.js';
import { broadcastStatusLabels, type BroadcastStatus } from '../../core/broadcasts/broadcast-input.js';
import { approvalOutcomeLabels, approvalOutcomeOf } from '../../core/broadcasts/broadcast-decision.js';
import { careerKinds, infoTopics } from '../../core/infodesk/topics.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** callback_id of the compose modal and block/action ids of its inputs. */
export const broadcastModal = {
  callbackId: 'layani_siaran',
  title: 'siaran_judul',
  text: 'siaran_isi',
  audience: 'siaran_sasaran',
  units: 'siaran_unit',
  golongan: 'siaran_golongan',
  nips: 'siaran_nip',
  channels: 'siaran_kanal',
  when: 'siaran_waktu',
  at: 'siaran_pada',
  cron: 'siaran_cron',
  options: 'siaran_opsi',
  attachment: 'siaran_lampiran',
  topic: 'siaran_topik',
  source: 'siaran_sumber',
  careerKind: 'siaran_jenis_karier',
  closesOn: 'siaran_ditutup',
  validUntil: 'siaran_berlaku',
} as const;

/** The topic select's value for "no topic" (Slack options need a non-empty value). */
export const noTopic = 'tanpa_topik';

/** action_id of the approval request's buttons; the value is the broadcast's id. */
export const broadcastActions = {
  approve: 'layani_siaran_setujui',
  reject: 'layani_siaran_tolak',
} as const;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** HR's Markdown as Slack mrkdwn, title in bold. */
export function broadcastMrkdwn(title: string, markdown: string): string {
  return clip(slackifyMarkdown(`**${title.replace(/[*_`]/g, '')}**\n\n${markdown}`).trim(), 39_000);
}

export function composeModal(): SlackViewDto {
  return Modal({ title: 'Siaran baru', submit: 'Simpan', close: 'Batal', callbackId: broadcastModal.callbackId })
    .blocks(
      Blocks.Input({ label: 'Judul', blockId: broadcastModal.title }).element(Elements.TextInput({ actionId: broadcastModal.title, maxLength: 200 })),
      Blocks.Input({ label: 'Isi (Markdown: **tebal**, _miring_, [tautan](https://…), daftar dengan -)', blockId: broadcastModal.text }).element(
        Elements.TextInput({ actionId: broadcastModal.text, maxLength: 3500 }).multiline(),
      ),
      Blocks.Input({ label: 'Topik pusat informasi (/info)', blockId: broadcastModal.topic }).element(
        Elements.StaticSelect({ actionId: broadcastModal.topic })
          .options(Bits.Option({ text: 'Tanpa topik', value: noTopic }), ...infoTopics.map((t) => Bits.Option({ text: t.label.id.slice(0, 75), value: t.id })))
          .initialOption(Bits.Option({ text: 'Tanpa topik', value: noTopic })),
      ),
      Blocks.Input({ label: 'Sumber (mis. BKPSDMD, BKN; kosong = tim kepegawaian)', blockId: broadcastModal.source }).optional().element(
        Elements.TextInput({ actionId: broadcastModal.source, maxLength: 100 }),
      ),
      Blocks.Input({ label: 'Peluang karier: jenis', blockId: broadcastModal.careerKind }).optional().element(
        Elements.StaticSelect({ actionId: broadcastModal.careerKind, placeholder: 'Hanya untuk topik peluang karier' }).options(
          ...careerKinds.map((k) => Bits.Option({ text: k.label.id, value: k.id })),
        ),
      ),
      Blocks.Input({ label: 'Peluang karier: pendaftaran ditutup', blockId: broadcastModal.closesOn }).optional().element(Elements.DatePicker({ actionId: broadcastModal.closesOn })),
      Blocks.Input({ label: 'Berlaku sampai (kosong = sampai diganti)', blockId: broadcastModal.validUntil }).optional().element(Elements.DatePicker({ actionId: broadcastModal.validUntil })),
      Blocks.Input({ label: 'Penerima', blockId: broadcastModal.audience }).element(
        Elements.StaticSelect({ actionId: broadcastModal.audience })
          .options(
            Bits.Option({ text: 'Semua pegawai', value: 'everyone' }),
            Bits.Option({ text: 'Menurut unit/golongan di bawah', value: 'filter' }),
            Bits.Option({ text: 'Hanya NIP/kanal di bawah', value: 'list' }),
          )
          .initialOption(Bits.Option({ text: 'Semua pegawai', value: 'everyone' })),
      ),
      Blocks.Input({ label: 'Unit kerja (pisahkan dengan koma)', blockId: broadcastModal.units }).optional().element(Elements.TextInput({ actionId: broadcastModal.units })),
      Blocks.Input({ label: 'Golongan (mis. III, IV/a)', blockId: broadcastModal.golongan }).optional().element(Elements.TextInput({ actionId: broadcastModal.golongan })),
      Blocks.Input({ label: 'NIP tertentu (pisahkan dengan koma)', blockId: broadcastModal.nips }).optional().element(Elements.TextInput({ actionId: broadcastModal.nips })),
      Blocks.Input({ label: 'Kanal Slack atau grup Telegram (ID, pisahkan dengan koma)', blockId: broadcastModal.channels }).optional().element(
        Elements.TextInput({ actionId: broadcastModal.channels }),
      ),
      Blocks.Input({ label: 'Kapan', blockId: broadcastModal.when }).element(
        Elements.StaticSelect({ actionId: broadcastModal.when })
          .options(
            Bits.Option({ text: 'Sekarang', value: 'now' }),
            Bits.Option({ text: 'Sekali, pada waktu di bawah (WIB)', value: 'once' }),
            Bits.Option({ text: 'Berulang (cron, WIB)', value: 'cron' }),
          )
          .initialOption(Bits.Option({ text: 'Sekarang', value: 'now' })),
      ),
      Blocks.Input({ label: 'Waktu kirim (YYYY-MM-DD HH:MM WIB)', blockId: broadcastModal.at }).optional().element(Elements.TextInput({ actionId: broadcastModal.at, placeholder: '2026-12-01 08:00' })),
      Blocks.Input({ label: 'Jadwal cron (menit jam tanggal bulan hari)', blockId: broadcastModal.cron }).optional().element(Elements.TextInput({ actionId: broadcastModal.cron, placeholder: '0 8 * * 1' })),
      Blocks.Input({ label: 'Lampiran (opsional, satu berkas)', blockId: broadcastModal.attachment }).optional().element(
        Elements.FileInput({ actionId: broadcastModal.attachment }).maxFiles(1),
      ),
      Blocks.Input({ label: 'Pilihan', blockId: broadcastModal.options }).optional().element(
        Elements.Checkboxes({ actionId: broadcastModal.options }).options(
          Bits.Option({ text: 'Perlu konfirmasi ("Saya sudah membaca dan memahami")', value: 'ack' }),
          Bits.Option({ text: 'Mendesak (tetap dikirim pada jam tenang 21.00–06.00)', value: 'urgent' }),
          Bits.Option({ text: 'Wajib (juga kepada yang berhenti berlangganan topiknya)', value: 'wajib' }),
        ),
      ),
    )
    .buildToObject();
}

export interface ApprovalView {
  id: string;
  number: number;
  title: string;
  text: string;
  status: BroadcastStatus;
  audienceText: string;
  scheduleText: string;
  createdBy: string;
  decidedBy: string | null;
}

const who = (ref: string | null) => (ref?.startsWith('slack:') ? `<@${ref.slice('slack:'.length)}>` : escapeMrkdwn(ref ?? '—'));

/** The notification text reads the decision too: it is what Slack shows in notifications and to screen readers. */
export function approvalFallbackText(view: ApprovalView): string {
  return `Siaran #${view.number} ${approvalOutcomeLabels[approvalOutcomeOf(view.status)]}: ${view.title}`;
}

const outcomeMarks = { pending: '⏳', approved: '✅', rejected: '❌', withdrawn: '🚫' } as const;

/** The approval request in the HR leads' channel: the broadcast, then buttons while it waits, the decision after. */
export function approvalBlocks(view: ApprovalView): SlackBlockDto[] {
  const decision =
    view.status === 'pending_approval'
      ? [
          Blocks.Actions({ blockId: `layani_siaran_${view.id}` }).elements(
            Elements.Button({ text: 'Setujui', actionId: broadcastActions.approve, value: view.id }).primary(),
            Elements.Button({ text: 'Tolak', actionId: broadcastActions.reject, value: view.id }).danger(),
          ),
        ]
      : [Blocks.Section({ text: `${outcomeMarks[approvalOutcomeOf(view.status)]} *${approvalOutcomeLabels[approvalOutcomeOf(view.status)]}* oleh ${who(view.decidedBy)}` })];
  return Message()
    .blocks(
      Blocks.Header({ text: clip(`Siaran #${view.number} — ${view.title}`, 150) }),
      Blocks.Context().elements(`Disusun oleh ${who(view.createdBy)} · penerima: ${escapeMrkdwn(view.audienceText)} · ${escapeMrkdwn(view.scheduleText)}`),
      Blocks.Section({ text: clip(broadcastMrkdwn(view.title, view.text), 3000) }),
      ...decision,
    )
    .getBlocks();
}

const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`);

function countsLine(counts: DeliveryCounts, needsAck: boolean): string {
  const parts = [
    `${counts.recipients} penerima`,
    `terkirim ${counts.sent}`,
    `diterima ${counts.delivered}`,
    `gagal ${counts.failed}`,
    counts.pending ? `antre ${counts.pending}` : '',
    counts.unreachable ? `tanpa Telegram ${counts.unreachable}` : '',
    needsAck ? `dikonfirmasi ${counts.acknowledged} (${percent(counts.acknowledged, counts.delivered)})` : '',
  ];
  return parts.filter(Boolean).join(' · ');
}

/** `/layani siaran status <n>`: totals, then one line per unit. */
export function statusText(report: BroadcastStatusReport): string {
  const lines = [
    `*Siaran #${report.number} — ${escapeMrkdwn(report.title)}* (${broadcastStatusLabels[report.status as BroadcastStatus] ?? report.status})`,
    countsLine(report.total, report.needsAck),
  ];
  if (report.runs === 0) lines.push('_Belum dikirim._');
  for (const unit of report.byUnit) lines.push(`• ${escapeMrkdwn(unit.unit)}: ${countsLine(unit, report.needsAck)}`);
  return clip(lines.join('\n'), 39_000);
}

/** App Home: the newest broadcasts with their progress. */
export function homeTab(reports: BroadcastStatusReport[]): SlackViewDto {
  const blocks = reports.length
    ? reports.flatMap((report) => [
        Blocks.Section({ text: clip(`*#${report.number} ${escapeMrkdwn(report.title)}* · ${broadcastStatusLabels[report.status as BroadcastStatus] ?? report.status}\n${countsLine(report.total, report.needsAck)}`, 3000) }),
        Blocks.Divider(),
      ])
    : [Blocks.Section({ text: 'Belum ada siaran. Buat dengan `/layani siaran`.' })];
  return HomeTab()
    .blocks(Blocks.Header({ text: 'LAYANI — siaran terbaru' }), Blocks.Context().elements('Rincian per unit: `/layani siaran status <nomor>`'), ...blocks)
    .buildToObject();
}
