import type { Actor } from '../../core/auth/actor.js';
import { formatIndonesian, isCalendarDate } from '../../core/dates/calendar-date.js';
import type { Runtime } from '../../core/runtime.js';
import { currentAndNextKpPeriods } from '../../core/siasn/kp-proposals.js';
import type { KpStage } from '../../core/siasn/kp-status.js';
import { siasnNotConfiguredText } from '../../core/siasn/siasn-settings.js';
import { todayOf } from '../../core/clock/clock.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { formatWib } from './wib-time.js';

export const kpHelp = '• `/layani kp [periode]` — usulan kenaikan pangkat di SIASN per periode beserta statusnya (mis. `/layani kp 2027-01`; tanpa periode: periode berjalan dan berikutnya)';

const stageLabels: Record<KpStage, string> = {
  preparing: 'disiapkan instansi',
  needs_fix: 'perlu perbaikan',
  at_bkn: 'diperiksa BKN',
  approved: 'pertek terbit, SK diproses',
  done: 'SK terbit',
  rejected: 'ditolak/TMS/batal',
  unknown: 'status belum dikenal',
};
const monthNames = ['januari', 'februari', 'maret', 'april', 'mei', 'juni', 'juli', 'agustus', 'september', 'oktober', 'november', 'desember'];
const listLimit = 60;

/** "2027-01-01", "2027-01", "01-2027", "januari 2027" → the period's first day; null when it does not read. */
export function parsePeriod(text: string): string | null {
  const t = text.trim().toLowerCase();
  let m = /^(\d{4})-(\d{1,2})(?:-01)?$/.exec(t);
  if (m) return period(Number(m[1]), Number(m[2]));
  m = /^(?:01[-/])?(\d{1,2})[-/](\d{4})$/.exec(t);
  if (m) return period(Number(m[2]), Number(m[1]));
  m = /^([a-z]+)\s+(\d{4})$/.exec(t);
  if (m) {
    const month = monthNames.findIndex((name) => name.startsWith(m![1]!.slice(0, 3)));
    if (month >= 0) return period(Number(m[2]), month + 1);
  }
  return null;
}

function period(year: number, month: number): string | null {
  const date = `${year}-${String(month).padStart(2, '0')}-01`;
  return isCalendarDate(date) ? date : null;
}

/** `/layani kp [periode]` for HR: the stored SIASN list per period, counted by stage, one line per proposal. */
export async function runKpCommand(runtime: Runtime, actor: Actor, args: string[]): Promise<string> {
  if (!runtime.settings.siasn) return `${siasnNotConfiguredText.id}\n_Untuk menyambungkan: isi pengaturan SIASN_* (lihat README, bagian SIASN) lalu jalankan \`npx layani doctor\`._`;
  const wanted = args.join(' ').trim();
  let periods: string[];
  if (wanted) {
    const parsed = parsePeriod(wanted);
    if (!parsed) return `Periode "${escapeMrkdwn(wanted)}" tidak terbaca. Tulis misalnya \`/layani kp 2027-01\`, \`/layani kp 01-2027\` atau \`/layani kp januari 2027\`.`;
    periods = [parsed];
  } else {
    periods = currentAndNextKpPeriods(todayOf(runtime.clock), runtime.settings.careerRules);
  }
  const caller = runtime.callerFor(actor);
  const parts: string[] = [];
  for (const p of periods) {
    const list = await caller.siasn.kpProposals({ period: p });
    const fresh = list.readAt ? `data SIASN per ${formatWib(list.readAt)}` : 'belum pernah diambil dari SIASN (`npx layani siasn sync`)';
    if (list.proposals.length === 0) {
      parts.push(`*Usulan KP periode ${formatIndonesian(p)}*: tidak ada usulan tersimpan (${fresh}).`);
      continue;
    }
    const counts = new Map<KpStage, number>();
    for (const proposal of list.proposals) counts.set(proposal.stage, (counts.get(proposal.stage) ?? 0) + 1);
    const lines = list.proposals.slice(0, listLimit).map((proposal) => {
      const who = proposal.name ? `${escapeMrkdwn(proposal.name)} (${escapeMrkdwn(proposal.unit ?? '')})` : '_belum ada di LAYANI_';
      return `• ${proposal.nip} — ${who}: ${escapeMrkdwn(proposal.statusName ?? '—')} → _${stageLabels[proposal.stage]}_`;
    });
    if (list.proposals.length > listLimit) lines.push(`• … dan ${list.proposals.length - listLimit} lainnya`);
    parts.push(
      [
        `*Usulan KP periode ${formatIndonesian(p)}: ${list.proposals.length}* (${fresh})`,
        [...counts].map(([stage, n]) => `${stageLabels[stage]} ${n}`).join(' · '),
        ...lines,
      ].join('\n'),
    );
  }
  return parts.join('\n\n');
}
