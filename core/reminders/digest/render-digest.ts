import { siasnDigestLines } from '../../siasn/sync-digest.js';
import type { PensionUrgency, RecordProblemCode } from '../../career/index.js';
import { formatIndonesian, type CalendarDate } from '../../dates/calendar-date.js';
import { wibParts } from '../../scheduling/jakarta-time.js';
import { reminderKindLabels } from '../reminder-kinds.js';
import type { Digest, DigestPerson } from './collect-digest.js';

const weekdays = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
/** Lines per list: a daily message stays readable; the weekly one shows more. */
const listLimits = { daily: 10, weekly: 30 } as const;

const problemLabels: Record<RecordProblemCode, string> = {
  'nip-invalid': 'NIP tidak valid',
  'nip-mismatch': 'NIP tidak cocok dengan data',
  'missing-tmt-cpns': 'TMT CPNS kosong',
  'missing-tmt-golongan': 'TMT golongan kosong',
  'missing-credit-points': 'angka kredit kosong',
  'rank-above-education-cap': 'pelaksana dengan golongan melebihi batas pendidikan',
  'rank-outside-jenjang': 'golongan di luar rentang jenjang JF',
  'rank-outside-eselon': 'golongan di luar rentang eselon',
  'pension-proposal-late': 'usul pensiun terlambat',
  'kgb-overdue': 'KGB terlambat',
  'active-after-pension': 'masih aktif setelah TMT pensiun',
  'pension-service-too-short': 'masa kerja kurang untuk hak pensiun',
};

const who = (p: DigestPerson) => `${p.name} (${p.unit})`;
const date = (d: CalendarDate) => formatIndonesian(d);

/** The digest as Slack mrkdwn (the Slack adapter escapes &, < and >). */
export function renderDigest(digest: Digest): string {
  const limit = digest.weekly ? listLimits.weekly : listLimits.daily;
  const list = <T>(items: readonly T[], line: (item: T) => string) => {
    const lines = items.slice(0, limit).map((item) => `• ${line(item)}`);
    if (items.length > limit) lines.push(`• … dan ${items.length - limit} lainnya`);
    return lines;
  };
  const weekday = weekdays[wibParts(new Date(`${digest.date}T12:00:00+07:00`)).weekday];
  const title = digest.weekly ? 'Ringkasan mingguan kepegawaian' : 'Ringkasan harian kepegawaian';
  const out: string[] = [`*${title} — ${weekday}, ${date(digest.date)}*`, `_Jatuh tempo s.d. ${date(digest.horizonEnd)}_`];
  const section = (heading: string, lines: string[]) => {
    if (lines.length > 0) out.push('', heading, ...lines);
  };

  section(`*KGB jatuh tempo (${digest.kgbDue.length})*`, list(digest.kgbDue, (x) => `${date(x.on)} — ${who(x)}`));
  const kpLines = list(digest.kpWindows, (x) => `periode ${date(x.period)}, usul ${date(x.opens)} s.d. ${date(x.closes)} — ${who(x)}`);
  if (digest.kpWaiting > 0) {
    kpLines.push(`_${digest.kpWaiting} pegawai lain sudah memenuhi syarat sejak periode pertamanya lewat dan dapat diusulkan untuk periode bulan mana pun._`);
  }
  section(`*Jendela usul kenaikan pangkat (${digest.kpWindows.length})*`, kpLines);
  const pensionHeading = digest.pensionHorizonEnd === digest.horizonEnd ? 'Pensiun' : `Pensiun s.d. ${date(digest.pensionHorizonEnd)}`;
  section(`*${pensionHeading} (${digest.pensions.length})*`, list(digest.pensions, (x) => pensionLine(x)));
  section(`*Terlambat (${digest.overdueKgb.length + digest.pastPension.length})*`, [
    ...list(digest.overdueKgb, (x) => `KGB TMT ${date(x.on)} belum tercatat — ${who(x)}`),
    ...list(digest.pastPension, (x) =>
      x.pppk
        ? `masih tercatat aktif padahal perjanjian kerja PPPK berakhir ${date(x.tmt)} — ${who(x)}`
        : `masih tercatat aktif padahal TMT pensiun ${date(x.tmt)} sudah lewat — ${who(x)}`,
    ),
  ]);
  section(`*Masalah data (${digest.problems.length})*`, digest.weekly ? list(digest.problems, (x) => `${who(x)}: ${x.message}`) : problemCounts(digest));
  section(`*Pengingat yang tidak sampai lewat Telegram (${digest.undelivered.length + digest.undeliveredGroups.reduce((n, g) => n + g.count, 0)})*`, [
    ...list(digest.undelivered, (x) => `${reminderKindLabels[x.kind].id} ${date(x.eventOn)} — ${who(x)} (${x.reason === 'blocked' ? 'bot diblokir' : 'belum menautkan Telegram'})`),
    ...digest.undeliveredGroups.map((g) => `• ${g.kind === 'tenggat' ? 'Tenggat' : 'Pengingat'} "${g.title}" — ${g.count} pegawai`),
  ]);
  if (out.length === 2) out.push('', 'Tidak ada yang jatuh tempo atau perlu ditindaklanjuti.');
  // After the "nothing due" line on purpose: ratings are feedback on the FAQ corpus, not something that falls due.
  section(
    `*Penilaian jawaban FAQ sejak ringkasan sebelumnya (👍 ${sum(digest.faqRatings, 'helpful')} / 👎 ${sum(digest.faqRatings, 'unhelpful')})*`,
    [
      ...list(digest.faqRatings, (x) => `${x.title ?? x.documentId} (\`${x.documentId}\`) — 👍 ${x.helpful} / 👎 ${x.unhelpful}`),
      ...(digest.faqRatings.some((x) => x.unhelpful > 0)
        ? ['_Entri dengan 👎 perlu diperiksa: perbaiki berkas di `corpus/` atau tambahkan pertanyaannya ke set evaluasi._']
        : []),
    ],
  );
  if (digest.siasnSync) section('*Sinkronisasi SIASN semalam*', siasnDigestLines(digest.siasnSync, limit));
  out.push(
    '',
    `*Belum menautkan Telegram: ${digest.unlinkedCount} dari ${digest.activeCount} pegawai aktif.* ` +
      'Pengingat mereka masuk ringkasan ini; terbitkan kode dengan `/layani tautkan <NIP>`.',
  );
  return out.join('\n');
}

const sum = (items: ReadonlyArray<{ helpful: number; unhelpful: number }>, key: 'helpful' | 'unhelpful') =>
  items.reduce((n, item) => n + item[key], 0);

const urgencyWords: Record<PensionUrgency, string> = {
  none: '',
  due: ' — usul pensiun seharusnya sudah disiapkan',
  urgent: ' — usul pensiun mendesak',
  critical: ' — usul pensiun SANGAT MENDESAK',
};

function pensionLine(x: Digest['pensions'][number]): string {
  if (x.pppk) return `perjanjian kerja PPPK berakhir ${date(x.tmt)} — ${who(x)}`;
  return `TMT ${date(x.tmt)} — ${who(x)}${urgencyWords[x.urgency]}`;
}

function problemCounts(digest: Digest): string[] {
  const counts = new Map<RecordProblemCode, number>();
  for (const problem of digest.problems) counts.set(problem.code, (counts.get(problem.code) ?? 0) + 1);
  const lines = [...counts].map(([code, count]) => `• ${problemLabels[code]}: ${count} pegawai`);
  if (lines.length > 0) lines.push('_Rinciannya ada di ringkasan mingguan hari Senin dan di `npx layani career`._');
  return lines;
}
