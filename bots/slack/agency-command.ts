import type { WebClient } from '@slack/web-api';
import type { AgencyDeskInput } from '../../core/agencies/agency-desk.js';
import type { AgencyFigures } from '../../core/agencies/province-overview.js';
import type { Actor } from '../../core/auth/actor.js';
import { issueLinkCodesInBulk } from '../../core/identity/bulk-link-codes.js';
import { linkCodeCsv, linkCodePdf } from '../../core/identity/link-code-sheet.js';
import type { Runtime } from '../../core/runtime.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { formatBusinessMinutes, formatWib } from './wib-time.js';

export const agencyHelp = [
  '• `/layani instansi` — instansi yang dilayani dan kanal mejanya; `lihat <KODE>` untuk rinciannya',
  '• `/layani instansi tambah <KODE> <nama>` / `atur <KODE> triase #kanal pimpinan #kanal saran #kanal grup <id> sla <menit>/<menit>` — admin provinsi (pimpinan BKPSDMD)',
  '• `/layani statistik provinsi` — BKPSDMD: semua instansi berdampingan',
  '• `/layani tautkan semua` / `tautkan unit <nama unit>` [`ulang`] — lembar kode tautan (PDF dan CSV) dikirim kepada Anda lewat pesan langsung',
].join('\n');

/** Slack writes a channel picked in a slash command as <#C0123|name>; a typed id is taken as is. */
function channelId(word: string | undefined): string | null {
  if (!word) return null;
  const match = /^<#([CG][A-Z0-9]+)(\|[^>]*)?>$/.exec(word) ?? /^#?([CG][A-Z0-9]{2,})$/.exec(word);
  return match ? match[1]! : null;
}

const userId = (word: string) => /^<@([UW][A-Z0-9]+)(\|[^>]*)?>$/.exec(word)?.[1] ?? (/^[UW][A-Z0-9]{2,}$/.test(word) ? word : null);

/** `triase #c pimpinan #c saran #c grup -100… pimpinan-hr @u sla 60/480` → the desk fields; unknown words are errors. */
export function parseDeskWords(words: readonly string[]): { input: AgencyDeskInput } | { error: string } {
  const input: AgencyDeskInput = {};
  for (let i = 0; i < words.length; i += 2) {
    const key = words[i]!.toLowerCase();
    const value = words[i + 1];
    if (value === undefined) return { error: `\`${key}\` perlu nilai, mis. \`${key} #kanal\`.` };
    const clear = value === '-' || value.toLowerCase() === 'hapus';
    switch (key) {
      case 'triase':
      case 'pimpinan':
      case 'saran': {
        const id = clear ? null : channelId(value);
        if (!clear && !id) return { error: `${value} bukan kanal Slack; pilih kanalnya dengan #, mis. \`${key} #layani-triase\`.` };
        const field = key === 'triase' ? 'triageChannel' : key === 'pimpinan' ? 'confidentialChannel' : 'feedbackChannel';
        input[field] = id;
        break;
      }
      case 'grup':
        input.telegramGroups = clear ? [] : value.split(',').map((v) => v.trim());
        break;
      case 'pimpinan-hr': {
        const ids = clear ? [] : value.split(',').map((v) => userId(v.trim()));
        if (ids.some((id) => id === null)) return { error: `${value} bukan pengguna Slack; sebut dengan @, mis. \`pimpinan-hr @hendra\`.` };
        input.hrLeads = ids as string[];
        break;
      }
      case 'sla': {
        if (clear) {
          input.firstResponseMinutes = null;
          input.resolutionMinutes = null;
          break;
        }
        const [first, resolution] = value.split('/').map(Number);
        if (!Number.isInteger(first) || !Number.isInteger(resolution)) return { error: 'Tulis SLA sebagai menit kerja tanggapan/penyelesaian, mis. `sla 120/960`.' };
        input.firstResponseMinutes = first!;
        input.resolutionMinutes = resolution!;
        break;
      }
      default:
        return { error: `Tidak dikenal: \`${key}\`. Yang dapat diatur: triase, pimpinan, saran, grup, pimpinan-hr, sla.` };
    }
  }
  return { input };
}

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);
const csat = (row: AgencyFigures) => (row.csatAverage === null ? '—' : row.csatAverage.toFixed(1).replace('.', ','));

/** Every agency side by side, one line each (Slack has no tables). */
export function provinceText(rows: readonly AgencyFigures[], days: number): string {
  return [
    `*Rekap seluruh instansi — ${days} hari terakhir* (waktu dalam jam kerja)`,
    '_instansi: tiket · median tanggapan · median selesai · kepuasan · terbuka/lewat batas · konfirmasi siaran wajib · pengingat terkirim/tak terkirim_',
    ...rows.map(
      (row) =>
        `• *${row.code}*${row.province ? ' (provinsi)' : ''}: ${row.tickets} · ${formatBusinessMinutes(row.firstResponseMedian)} · ${formatBusinessMinutes(row.resolutionMedian)} · ${csat(row)} · ${row.open}/${row.overdue}${row.overdue ? ' 🔴' : ''} · ${percent(row.ackRate)} (${row.mandatoryAcknowledged}/${row.mandatoryDelivered}) · ${row.remindersSent}/${row.remindersUndeliverable}`,
    ),
  ].join('\n');
}

/** `/layani instansi …` */
export async function runAgencyCommand(runtime: Runtime, actor: Actor, args: string[]): Promise<string> {
  const [word = '', code = '', ...rest] = args;
  const caller = runtime.callerFor(actor).agencies;
  switch (word.toLowerCase()) {
    case '':
    case 'daftar': {
      const list = await caller.list();
      return ['*Instansi*', ...list.map((a) => `• *${a.code}* ${escapeMrkdwn(a.name)}${a.province ? ' _(provinsi)_' : ''} — triase ${a.channels.triage ? `<#${a.channels.triage}>` : 'belum diatur'} · ${a.employees} pegawai, ${a.linked} tertaut`)].join('\n');
    }
    case 'lihat': {
      if (!code) return 'Tulis kodenya: `/layani instansi lihat DINKES`.';
      const a = await caller.show({ code });
      const ch = (id: string | null) => (id ? `<#${id}>` : 'belum diatur');
      return [
        `*${a.code}* — ${escapeMrkdwn(a.name)}${a.province ? ' _(provinsi)_' : ''}${a.active ? '' : ' _(tidak aktif)_'}`,
        `• Triase: ${ch(a.channels.triage)} · Pimpinan: ${ch(a.channels.confidential)} · Saran: ${ch(a.channels.feedback)}`,
        `• Grup Telegram siaran: ${a.telegramGroups.join(', ') || '—'} · Pimpinan HR: ${a.hrLeads.map((u) => `<@${u}>`).join(', ') || '—'}`,
        `• SLA: ${a.sla.firstResponseMinutes ?? 'bawaan'} / ${a.sla.resolutionMinutes ?? 'bawaan'} menit kerja · ${a.employees} pegawai aktif, ${a.linked} sudah menautkan Telegram`,
      ].join('\n');
    }
    case 'tambah': {
      const name = rest.join(' ').trim();
      if (!code || !name) return 'Tulis: `/layani instansi tambah DINKES Dinas Kesehatan Provinsi Kepulauan Bangka Belitung`.';
      const added = await caller.add({ code, name });
      return `Instansi *${added.code}* terdaftar. Atur kanal mejanya: \`/layani instansi atur ${added.code} triase #kanal pimpinan #kanal saran #kanal\`, lalu undang bot ke kanal-kanal itu (\`/invite @LAYANI\`).`;
    }
    case 'atur': {
      if (!code || rest.length === 0) return 'Tulis: `/layani instansi atur DINKES triase #dinkes-layani pimpinan #dinkes-pimpinan saran #dinkes-saran`.';
      const parsed = parseDeskWords(rest);
      if ('error' in parsed) return parsed.error;
      const changed = await caller.set({ code, desk: parsed.input });
      return `Meja *${changed.code}* diperbarui: triase ${changed.channels.triage ? `<#${changed.channels.triage}>` : 'belum diatur'}, pimpinan ${changed.channels.confidential ? `<#${changed.channels.confidential}>` : 'belum diatur'}, saran ${changed.channels.feedback ? `<#${changed.channels.feedback}>` : 'belum diatur'}.`;
    }
    default:
      return agencyHelp;
  }
}

/** `/layani tautkan semua | unit <nama> [ulang]`: the sheet goes to the asker's direct messages, never the channel. */
export async function runBulkLinkCodes(runtime: Runtime, actor: Actor, args: string[], tools: { client: WebClient; userId: string }): Promise<string> {
  const reissue = args.at(-1)?.toLowerCase() === 'ulang';
  const words = reissue ? args.slice(0, -1) : args;
  const [scope = '', ...unitWords] = words;
  const unit = scope.toLowerCase() === 'unit' ? unitWords.join(' ').trim() : undefined;
  if (scope.toLowerCase() === 'unit' && !unit) return 'Tulis nama unitnya: `/layani tautkan unit Bidang Perikanan Tangkap`.';
  const result = await issueLinkCodesInBulk(runtime.contextFor(actor), { ...(unit ? { unit } : {}), reissue });
  const skipped = [
    result.alreadyLinked ? `${result.alreadyLinked} sudah tertaut` : '',
    result.holdingLiveCode ? `${result.holdingLiveCode} masih memegang kode yang berlaku` : '',
  ].filter(Boolean);
  const skippedText = skipped.length ? ` Dilewati: ${skipped.join(', ')} (tambahkan \`ulang\` untuk kode baru; kode lama tidak berlaku lagi).` : '';
  if (result.slips.length === 0) return `Tidak ada kode baru untuk ${result.agency.code}${unit ? ` unit ${escapeMrkdwn(unit)}` : ''}.${skippedText}`;
  const dm = await tools.client.conversations.open({ users: tools.userId });
  const channel = dm.channel?.id;
  if (!channel) throw new Error('Slack did not open a direct message for the link-code sheet');
  const stamp = formatWib(runtime.clock.now()).replace(/[^0-9A-Za-z]+/g, '-');
  await tools.client.filesUploadV2({
    channel_id: channel,
    initial_comment: `Lembar kode tautan ${result.agency.code}${unit ? ` unit ${unit}` : ''}: ${result.slips.length} pegawai. Cetak PDF-nya, gunting per slip, dan serahkan langsung kepada masing-masing pegawai. Kode hanya tampil di berkas ini.`,
    file_uploads: [
      { file: await linkCodePdf(result.slips, { agencyName: result.agency.name }), filename: `kode-tautan-${result.agency.code}-${stamp}.pdf` },
      { file: Buffer.from(linkCodeCsv(result.slips), 'utf8'), filename: `kode-tautan-${result.agency.code}-${stamp}.csv` },
    ],
  });
  runtime.log.info({ actor: actor.ref, issued: result.slips.length }, 'link-code sheet sent from Slack');
  return `${result.slips.length} kode tautan dibuat untuk ${result.agency.code}${unit ? ` unit ${escapeMrkdwn(unit)}` : ''}; lembar PDF dan CSV dikirim lewat pesan langsung dari LAYANI.${skippedText}`;
}
