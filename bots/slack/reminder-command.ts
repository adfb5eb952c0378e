import { TRPCError } from '@trpc/server';
import type { AudienceInput } from '../../core/audience/audience.js';
import type { Actor } from '../../core/auth/actor.js';
import { todayInJakarta } from '../../core/dates/calendar-date.js';
import { repeatLabels, type RepeatKind } from '../../core/reminders/custom-occurrences.js';
import { defaultReminderTime, endOfWibDay, readDate, readTime } from '../../core/reminders/reminder-when.js';
import type { Runtime } from '../../core/runtime.js';
import { wibInstant } from '../../core/scheduling/jakarta-time.js';
import { slackUserIdOf } from '../../core/tickets/ticket-access.js';
import { userMessageOf } from './errors.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { formatWib } from './wib-time.js';

export const reminderUsage = [
  '*Cara menulis:* `/layani pengingat <tanggal> [jam] [ulang] [sampai <tanggal>] <sasaran> | <teks>`',
  '• tanggal: `2027-03-10`, `10-03-2027`, `10 Maret 2027`, `hari ini`, `besok`',
  '• jam (boleh tidak ditulis; bawaan 08.00 WIB, atau sekarang untuk hari ini): `09.00`, `jam 13.30`',
  '• ulang (bawaan sekali): `harian`, `mingguan`, `bulanan`, `tahunan`, lalu bila perlu `sampai <tanggal>`',
  '• sasaran: `semua` · `unit <nama unit>` · `golongan III` atau `golongan III/b` · `nip <NIP>` (boleh beberapa); unit dan golongan boleh digabung',
  'Contoh:',
  '• `/layani pengingat 15-01-2027 semua | Batas unggah SKP 2026 di e-Kinerja tanggal 20 Januari.`',
  '• `/layani pengingat 2027-03-01 09.00 mingguan sampai 2027-03-29 unit Sekretariat | Apel Senin pagi di halaman kantor.`',
  '• `/layani pengingat besok nip 198609262015051001 | Mohon bawa SK KGB asli ke ruang kepegawaian.`',
  '`/layani pengingat daftar` — pengingat yang masih akan dikirim · `/layani pengingat batal <id>` — membatalkan',
].join('\n');

export interface ReminderRequest {
  title: string;
  text: string;
  audience: AudienceInput;
  startsAt: Date;
  repeat: RepeatKind;
  until: Date | null;
}

export type ParsedReminder = { ok: true; request: ReminderRequest } | { ok: false; problem: string };

const fail = (problem: string): ParsedReminder => ({ ok: false, problem });
const titleLength = 80;

/**
 * `<tanggal> [jam] [ulang] [sampai <tanggal>] <sasaran> | <teks>` → what createCustom needs. Forgiving about how
 * dates, times and targets are written; on anything it cannot read it names the word it stopped at.
 */
export function parseReminderCommand(text: string, now: Date): ParsedReminder {
  const bar = text.indexOf('|');
  if (bar < 0) return fail('tulis teks pengingatnya setelah tanda `|`');
  const body = text.slice(bar + 1).trim();
  if (!body) return fail('teks pengingat setelah tanda `|` masih kosong');
  const words = text.slice(0, bar).trim().split(/\s+/).filter(Boolean);
  const today = todayInJakarta(now);

  const date = readDate(words, today);
  if (!date) return fail(words.length ? `"${words[0]}" bukan tanggal; tulis misalnya \`10-03-2027\`, \`10 Maret 2027\` atau \`besok\`` : 'tanggalnya belum ditulis');
  let at = date.used;
  const time = readTime(words.slice(at));
  if (time) at += time.used;
  const repeat = readRepeat(words.slice(at));
  if (repeat) at += repeat.used;
  let until: Date | null = null;
  if (/^(sampai|hingga|s\.?d\.?)$/i.test(words[at] ?? '')) {
    const end = readDate(words.slice(at + 1), today);
    if (!end) return fail(`tanggal setelah "${words[at]}" tidak terbaca; tulis misalnya \`sampai 29-03-2027\``);
    if (!repeat || repeat.kind === 'none') return fail('`sampai` hanya dipakai bersama ulang (`harian`, `mingguan`, `bulanan` atau `tahunan`)');
    until = endOfWibDay(end.date);
    at += 1 + end.used;
  }
  const audience = readAudience(words.slice(at));
  if ('problem' in audience) return fail(audience.problem);

  const startsAt = time
    ? wibInstant(date.date, time.hour, time.minute)
    : date.date === today
      ? now
      : wibInstant(date.date, defaultReminderTime.hour, defaultReminderTime.minute);
  return { ok: true, request: { ...titleAndText(body), audience, startsAt, repeat: repeat?.kind ?? 'none', until } };
}

function readRepeat(words: readonly string[]): { kind: RepeatKind; used: number } | null {
  const first = (words[0] ?? '').toLowerCase();
  const single: Record<string, RepeatKind> = { sekali: 'none', harian: 'daily', mingguan: 'weekly', bulanan: 'monthly', tahunan: 'yearly' };
  if (single[first]) return { kind: single[first]!, used: 1 };
  const every: Record<string, RepeatKind> = { hari: 'daily', minggu: 'weekly', pekan: 'weekly', bulan: 'monthly', tahun: 'yearly' };
  const unit = (words[1] ?? '').toLowerCase();
  if ((first === 'setiap' || first === 'tiap') && every[unit]) return { kind: every[unit]!, used: 2 };
  return null;
}

/** `semua` · `unit <nama>[, <nama>]` · `golongan III III/b` · `nip <NIP>…` (a NIP may be printed with spaces). */
function readAudience(words: readonly string[]): AudienceInput | { problem: string } {
  const audience = { everyone: false, units: [] as string[], golongan: [] as string[], nips: [] as string[] };
  let current: 'unit' | 'golongan' | 'nip' | null = null;
  let unitWords: string[] = [];
  let digits = '';
  const flushUnit = () => {
    audience.units.push(...unitWords.join(' ').split(',').map((u) => u.trim()).filter(Boolean));
    unitWords = [];
  };
  for (const [index, word] of words.entries()) {
    const lower = word.toLowerCase();
    if (lower === 'semua' || (lower === 'pegawai' && words[index - 1]?.toLowerCase() === 'semua')) {
      flushUnit();
      audience.everyone = true;
      current = null;
    } else if (lower === 'unit' || lower === 'golongan' || lower === 'gol' || lower === 'gol.' || lower === 'nip') {
      flushUnit();
      current = lower === 'unit' ? 'unit' : lower === 'nip' ? 'nip' : 'golongan';
    } else if (current === 'unit') {
      unitWords.push(word);
    } else if (current === 'golongan') {
      audience.golongan.push(...lower.split(',').filter(Boolean).map(normaliseGolongan));
    } else if (/^[\d.\-,]+$/.test(word) && (current === 'nip' || /^\d{18}$/.test(word.replace(/[.\-]/g, '')))) {
      digits += word.replace(/\D/g, '');
      while (digits.length >= 18) {
        audience.nips.push(digits.slice(0, 18));
        digits = digits.slice(18);
      }
      current = 'nip';
    } else {
      return { problem: `"${word}" tidak dikenali sebagai sasaran; tulis \`semua\`, \`unit <nama unit>\`, \`golongan <III/b>\` atau \`nip <NIP>\`` };
    }
  }
  flushUnit();
  if (digits.length > 0) return { problem: `NIP "${digits}" tidak lengkap: NIP terdiri atas 18 angka` };
  if (!audience.everyone && audience.units.length + audience.golongan.length + audience.nips.length === 0) {
    return { problem: 'sebutkan sasarannya sebelum tanda `|`: `semua`, `unit <nama unit>`, `golongan <III/b>` atau `nip <NIP>`' };
  }
  return audience;
}

/** "iii/b" → "III/b", "iv" → "IV". */
function normaliseGolongan(value: string): string {
  const [group = '', room] = value.split('/');
  return room === undefined ? group.toUpperCase() : `${group.toUpperCase()}/${room.toLowerCase()}`;
}

/** The first line, or the first sentence, is the title HR sees in lists; the text is sent whole. */
function titleAndText(body: string): { title: string; text: string } {
  const firstLine = body.split('\n')[0]!.trim();
  const sentence = /^(.+?[.!?])(\s|$)/.exec(firstLine)?.[1] ?? firstLine;
  const title = sentence.length <= titleLength ? sentence : `${sentence.slice(0, titleLength - 1).trimEnd()}…`;
  return { title, text: body };
}

/** `/layani pengingat …`: create, list (`daftar`) or cancel (`batal <id>`); returns the ephemeral answer. */
export async function runReminderCommand(runtime: Runtime, actor: Actor, text: string): Promise<string> {
  const caller = runtime.callerFor(actor).reminders;
  const [first = '', second = ''] = text.trim().split(/\s+/);
  if (first === '' || first.toLowerCase() === 'bantuan') return reminderUsage;
  if (first.toLowerCase() === 'daftar') return listText(await caller.listCustom());
  if (first.toLowerCase() === 'batal') {
    if (!second) return 'Tulis id pengingat yang dibatalkan: `/layani pengingat batal <id>` (lihat `/layani pengingat daftar`).';
    const cancelled = await caller.cancelCustom({ id: second });
    runtime.log.info({ actor: actor.ref, reminderId: cancelled.id }, 'custom reminder cancelled from Slack');
    return `Pengingat *${escapeMrkdwn(cancelled.title)}* dibatalkan; tidak akan dikirim lagi.`;
  }
  const parsed = parseReminderCommand(text, runtime.clock.now());
  if (!parsed.ok) return `Pengingat belum dibuat: ${parsed.problem}.\n\n${reminderUsage}`;
  try {
    const created = await caller.createCustom(parsed.request);
    const schedule = created.repeat === 'none' ? '' : `, ${repeatLabels[created.repeat]}${created.until ? ` sampai ${formatWib(created.until)}` : ''}`;
    const unlinked = created.recipients - created.linked;
    return [
      `Pengingat dibuat: *${escapeMrkdwn(created.title)}*`,
      `Untuk: ${escapeMrkdwn(created.audience)} — ${created.recipients} pegawai (${created.linked} lewat Telegram` +
        `${unlinked > 0 ? `; ${unlinked} belum menautkan akun, masuk ringkasan harian` : ''})`,
      `Dikirim: ${formatWib(created.startsAt)}${schedule}`,
      `Batalkan dengan \`/layani pengingat batal ${created.id}\``,
    ].join('\n');
  } catch (error) {
    if (!(error instanceof TRPCError) || error.code !== 'BAD_REQUEST') throw error;
    return `Pengingat belum dibuat: ${userMessageOf(error).text}\n\n${reminderUsage}`;
  }
}

type Listed = Awaited<ReturnType<ReturnType<Runtime['callerFor']>['reminders']['listCustom']>>;

function listText(reminders: Listed): string {
  if (reminders.length === 0) return 'Tidak ada pengingat yang masih akan dikirim. Buat dengan `/layani pengingat <tanggal> <sasaran> | <teks>`.';
  const lines = reminders.map((r) => {
    const author = slackUserIdOf(r.createdBy.replace(/^slack:/, ''));
    const repeat = r.repeat === 'none' ? '' : ` (${repeatLabels[r.repeat]})`;
    return `• *${escapeMrkdwn(r.title)}* — ${escapeMrkdwn(r.audience)} — berikutnya ${formatWib(r.nextAt!)}${repeat} — oleh ${author ? `<@${author}>` : escapeMrkdwn(r.createdBy)} — \`${r.id}\``;
  });
  return [`*Pengingat yang masih akan dikirim (${reminders.length})*`, ...lines].join('\n');
}
