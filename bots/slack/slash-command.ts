import type { WebClient } from '@slack/web-api';
import type { Actor } from '../../core/auth/actor.js';
import type { Runtime } from '../../core/runtime.js';
import { categoryLabel } from '../../core/tickets/categories.js';
import { slackUserIdOf } from '../../core/tickets/ticket-access.js';
import { priorityLabels, statusLabels } from '../../core/tickets/ticket-status.js';
import { agencyHelp, provinceText, runAgencyCommand, runBulkLinkCodes } from './agency-command.js';
import { broadcastHelp, runBroadcastCommand } from './broadcasts.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { kpHelp, runKpCommand } from './kp-command.js';
import { hasAtLeast } from '../../core/auth/roles.js';
import { lastCompleteMonth, parseReportMonth } from '../../core/reports/report-month.js';
import { runReminderCommand } from './reminder-command.js';
import { runSosialisasiCommand, sosialisasiHelp } from './sosialisasi.js';
import { formatBusinessMinutes, formatWib } from './wib-time.js';

export const helpText = [
  '*Perintah /layani*',
  '• `/layani tautkan <NIP>` — kode sekali pakai untuk menautkan akun Telegram seorang pegawai',
  '• `/layani tiket` — antrean tiket yang masih terbuka',
  '• `/layani tanya <pertanyaan>` — coba jawaban FAQ yang akan diterima pegawai, lengkap dengan sumbernya',
  '• `/layani statistik` — waktu tanggapan, penyelesaian dan kepuasan pegawai (7 dan 30 hari)',
  '• `/layani laporan [bulan]` — laporan layanan bulanan (grafik, PDF, CSV) ke kanal pimpinan; mis. `/layani laporan november 2026` (pimpinan)',
  agencyHelp,
  broadcastHelp,
  '• `/layani pengingat <tanggal> [jam] [ulang] <sasaran> | <teks>` — pengingat untuk pegawai; `/layani pengingat` saja untuk caranya, `daftar` untuk yang terjadwal',
  sosialisasiHelp,
  kpHelp,
  'Balas di utas kartu tiket untuk menjawab pegawai; awali dengan `catatan:` untuk catatan internal yang tidak dikirim ke pegawai.',
].join('\n');

interface CommandContext {
  /** The channel the command was typed in (carried into modals, so their submission acts for the same agency). */
  channel?: string;
  /** Who typed it (bulk link-code sheets go to their direct messages). */
  userId?: string;
  teamDomain: string;
  slackApiUrl: string;
  client: WebClient;
  triggerId?: string;
}

/** Runs `/layani <subcommand>` for an HR actor; returns the (ephemeral) answer in mrkdwn. */
export async function runLayaniCommand(runtime: Runtime, actor: Actor, text: string, context: CommandContext): Promise<string> {
  const [word = '', ...rest] = text.trim().split(/\s+/);
  const caller = runtime.callerFor(actor);
  switch (word.toLowerCase()) {
    case 'tautkan': {
      const scope = rest[0]?.toLowerCase();
      if ((scope === 'semua' || scope === 'unit') && context.userId) return runBulkLinkCodes(runtime, actor, rest, { client: context.client, userId: context.userId });
      const nip = rest.join('').replace(/[.\-]/g, '');
      if (!nip) return 'Tulis NIP pegawai: `/layani tautkan 198609262015051001`';
      const issued = await caller.identity.issueLinkCode({ nip });
      runtime.log.info({ actor: actor.ref }, 'link code issued from Slack');
      return [
        `Kode tautan untuk *${escapeMrkdwn(issued.name)}*: \`${issued.code}\``,
        `Berlaku sampai ${formatWib(new Date(issued.expiresAt))} dan hanya dapat dipakai sekali.`,
        `Sampaikan langsung kepada pegawai tersebut (jangan di kanal): buka bot Telegram LAYANI lalu kirim \`/start ${issued.code}\`.`,
      ].join('\n');
    }
    case 'tiket':
    case 'antrean':
      return queueText(await caller.tickets.queue(), context);
    case 'tanya': {
      const question = rest.join(' ').trim();
      if (!question) return 'Tulis pertanyaannya: `/layani tanya cuti tahunan berapa hari`';
      const answer = await caller.faq.ask({ question, lang: 'id' });
      const label = { answer: 'Jawaban', personal: 'Jawaban dari data pribadi', escalate: 'Diteruskan ke petugas', refuse: 'Ditolak' }[answer.kind];
      return `*${label}* untuk: _${escapeMrkdwn(question)}_\n\n${escapeMrkdwn(answer.text)}`;
    }
    case 'siaran':
      return runBroadcastCommand(runtime, actor, rest, { client: context.client, triggerId: context.triggerId, channel: context.channel });
    case 'sosialisasi':
      return runSosialisasiCommand(runtime, actor, rest, { client: context.client, triggerId: context.triggerId, channel: context.channel });
    case 'instansi':
      return runAgencyCommand(runtime, actor, rest);
    case 'statistik': {
      if (rest[0]?.toLowerCase() === 'provinsi') return provinceText(await caller.agencies.overview({ days: 30 }), 30);
      const [week, month] = await Promise.all([caller.tickets.statistics({ days: 7 }), caller.tickets.statistics({ days: 30 })]);
      return ['*Statistik layanan kepegawaian* (waktu dalam jam kerja)', statisticsText(week), statisticsText(month)].join('\n\n');
    }
    case 'kp':
      return runKpCommand(runtime, actor, rest);
    case 'laporan': {
      const words = rest.join(' ').trim();
      const now = runtime.clock.now();
      const month = words === '' ? lastCompleteMonth(now) : parseReportMonth(words, now);
      if (!month) return `Bulan "${escapeMrkdwn(words)}" tidak terbaca. Tulis mis. \`/layani laporan 2026-11\` atau \`/layani laporan november 2026\`; tanpa bulan: bulan lalu.`;
      if (!hasAtLeast(actor.role, 'hr_lead')) return 'Laporan bulanan hanya dapat diminta oleh pimpinan kepegawaian (anggota kanal pimpinan).';
      const { report, slackChannel } = await caller.reports.post({ month });
      return `Laporan ${report.monthLabel} untuk ${escapeMrkdwn(report.scope.title)} sedang disiapkan dan akan muncul di <#${slackChannel}> bersama grafik, PDF dan CSV-nya.`;
    }
    case 'pengingat':
      // The rest verbatim: a reminder's text may have line breaks.
      return runReminderCommand(runtime, actor, text.trim().slice(word.length).trim());
    default:
      return helpText;
  }
}

type Queue = Awaited<ReturnType<ReturnType<Runtime['callerFor']>['tickets']['queue']>>;
type Statistics = Awaited<ReturnType<ReturnType<Runtime['callerFor']>['tickets']['statistics']>>;

function permalink(context: CommandContext, channel: string, ts: string): string {
  const host = new URL(context.slackApiUrl).hostname.endsWith('slack-gov.com') ? 'slack-gov.com' : 'slack.com';
  return `https://${context.teamDomain}.${host}/archives/${channel}/p${ts.replace('.', '')}`;
}

function queueText(queue: Queue, context: CommandContext): string {
  if (queue.length === 0) return 'Tidak ada tiket terbuka. 🎉';
  const overdue = queue.filter((t) => t.overdue).length;
  const lines = queue.map((ticket) => {
    const number = ticket.slackChannel && ticket.slackTs ? `<${permalink(context, ticket.slackChannel, ticket.slackTs)}|#${ticket.number}>` : `#${ticket.number}`;
    const assigneeId = slackUserIdOf(ticket.assigneeRef);
    const assignee = assigneeId ? `<@${assigneeId}>` : 'belum diambil';
    const parts = [
      number,
      statusLabels[ticket.status].id,
      categoryLabel(ticket.category, 'id'),
      `prioritas ${priorityLabels[ticket.priority].id.toLowerCase()}`,
      assignee,
    ];
    return `• ${ticket.overdue ? '🔴 ' : ''}${parts.join(' · ')} — ${escapeMrkdwn(ticket.subject)}${ticket.overdue ? ' *(lewat batas)*' : ''}`;
  });
  const header = `*Tiket terbuka: ${queue.length}*${overdue ? ` (${overdue} lewat batas 🔴)` : ''}`;
  return [header, ...lines].join('\n');
}

function statisticsText(stats: Statistics): string {
  const csat = stats.csat.average === null ? '—' : `${stats.csat.average.toFixed(1).replace('.', ',')}/5 (${stats.csat.responses} penilaian)`;
  return [
    `*${stats.days} hari terakhir* — ${stats.tickets} tiket masuk`,
    `• Median tanggapan pertama: ${formatBusinessMinutes(stats.firstResponseMinutes.median)}`,
    `• Median penyelesaian: ${formatBusinessMinutes(stats.resolutionMinutes.median)}`,
    `• Rata-rata kepuasan: ${csat}`,
    `• Masih terbuka: ${stats.open} · lewat batas: ${stats.overdue}`,
  ].join('\n');
}
