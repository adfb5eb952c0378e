import { TRPCError } from '@trpc/server';
import { formatIndonesian } from '../../dates/calendar-date.js';
import { parseNip } from '../../nip/parse-nip.js';
import { careerSummaryLines, problemText } from '../../records/career-summary.js';
import type { EmploymentType } from '../../records/employee.js';
import { recordsRouter } from '../../records/records-router.js';
import { siasnRouter } from '../../siasn/siasn-router.js';
import { kpStatusLines } from '../../siasn/kp-status-text.js';
import type { CoreContext } from '../../trpc/context.js';
import { createCallerFactory } from '../../trpc/init.js';
import type { PersonalTopic } from './classify.js';
import type { FaqLang } from './texts.js';

/**
 * Questions about the asker's own dates are answered from the asker's own record through the records router
 * (which enforces "staff see only themselves" and audits refusals) and the career engine. Never through an LLM.
 */
const recordsCaller = createCallerFactory(recordsRouter);
const siasnCaller = createCallerFactory(siasnRouter);

const topicWords: Record<PersonalTopic, Record<FaqLang, string>> = {
  kgb: { id: 'tanggal KGB', en: 'KGB (salary step) date' },
  kp: { id: 'jadwal kenaikan pangkat', en: 'promotion (KP) schedule' },
  kp_proposal: { id: 'status usulan kenaikan pangkat', en: 'promotion (KP) proposal status' },
  pension: { id: 'tanggal pensiun', en: 'retirement date' },
  nip: { id: 'NIP', en: 'NIP' },
  golongan: { id: 'golongan', en: 'rank (golongan)' },
  profile: { id: 'data kepegawaian', en: 'HR record' },
};

export function unlinkedText(topic: PersonalTopic, lang: FaqLang): string {
  return lang === 'en'
    ? `Your chat account is not linked to an employee record yet, so I cannot see your ${topicWords[topic].en}. ` +
        'Ask the HR desk for a link code, then send /start CODE to this bot. Once linked, ask again.'
    : `Akun chat Anda belum tertaut ke data pegawai, jadi saya belum dapat melihat ${topicWords[topic].id} Anda. ` +
        'Minta kode tautan kepada petugas kepegawaian, lalu kirim /start KODE ke bot ini. Setelah tertaut, tanyakan lagi.';
}

function groupedNip(nip: string): string {
  return `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
}

function nipLines(nip: string, employmentType: EmploymentType, lang: FaqLang): string[] {
  const parsed = parseNip(nip, employmentType);
  const shown = groupedNip(nip);
  if (!parsed.ok) {
    return [
      lang === 'en' ? `Your NIP ${shown} does not read as a valid number:` : `NIP Anda ${shown} tidak terbaca sebagai NIP yang sah:`,
      ...parsed.problems.map((p) => `• ${p.message}`),
      lang === 'en' ? 'Ask the HR desk to check your record.' : 'Minta petugas kepegawaian memeriksa data Anda.',
    ];
  }
  const parts = parsed.parts;
  const gender = parts.gender === 'L' ? (lang === 'en' ? 'male' : 'laki-laki') : lang === 'en' ? 'female' : 'perempuan';
  const seq = nip.slice(15);
  if (parts.employmentType === 'PNS') {
    return lang === 'en'
      ? [
          `Your NIP ${shown} reads:`,
          `• ${nip.slice(0, 8)}: born ${formatIndonesian(parts.birthDate)}`,
          `• ${nip.slice(8, 14)}: CPNS from ${formatIndonesian(parts.tmtCpns)}`,
          `• ${nip.slice(14, 15)}: ${gender}`,
          `• ${seq}: sequence number`,
        ]
      : [
          `NIP Anda ${shown} dibaca sebagai berikut:`,
          `• ${nip.slice(0, 8)}: lahir ${formatIndonesian(parts.birthDate)}`,
          `• ${nip.slice(8, 14)}: TMT CPNS ${formatIndonesian(parts.tmtCpns)}`,
          `• ${nip.slice(14, 15)}: ${gender}`,
          `• ${seq}: nomor urut`,
        ];
  }
  return lang === 'en'
    ? [
        `Your PPPK number ${shown} reads:`,
        `• ${nip.slice(0, 8)}: born ${formatIndonesian(parts.birthDate)}`,
        `• ${nip.slice(8, 12)}: year of appointment ${parts.appointmentYear}`,
        `• ${parts.code}: a code whose meaning is not confirmed yet (it is not a month)`,
        `• ${nip.slice(14, 15)}: ${gender}`,
        `• ${seq}: sequence number`,
      ]
    : [
        `Nomor PPPK Anda ${shown} dibaca sebagai berikut:`,
        `• ${nip.slice(0, 8)}: lahir ${formatIndonesian(parts.birthDate)}`,
        `• ${nip.slice(8, 12)}: tahun pengangkatan ${parts.appointmentYear}`,
        `• ${parts.code}: kode yang artinya belum dipastikan (bukan bulan)`,
        `• ${nip.slice(14, 15)}: ${gender}`,
        `• ${seq}: nomor urut`,
      ];
}

/** The answer to a personal question, from the asker's own record only. */
export async function personalAnswer(ctx: CoreContext, topic: PersonalTopic, lang: FaqLang, nipsInQuestion: readonly string[] = []): Promise<string> {
  const records = recordsCaller(ctx);
  let me: Awaited<ReturnType<typeof records.me>>;
  try {
    me = await records.me();
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'PRECONDITION_FAILED' || error.code === 'NOT_FOUND')) return unlinkedText(topic, lang);
    throw error;
  }
  if (nipsInQuestion.some((nip) => nip !== me.nip)) {
    return lang === 'en'
      ? 'I can only read your own NIP and record. The NIP in your question is not yours, so I did not look it up.'
      : 'Saya hanya dapat membaca NIP dan data Anda sendiri. NIP dalam pertanyaan Anda bukan NIP Anda, jadi tidak saya periksa.';
  }

  if (topic === 'nip') return nipLines(me.nip, me.employmentType as EmploymentType, lang).join('\n');
  if (topic === 'kp_proposal') return kpStatusLines(await siasnCaller(ctx).myKpProposals(), lang).join('\n');

  const footer =
    lang === 'en'
      ? 'Computed from your own HR record. If your record is wrong, ask the HR desk to correct it.'
      : 'Dihitung dari data kepegawaian Anda sendiri. Bila data Anda keliru, minta petugas kepegawaian memperbaikinya.';

  if (topic === 'golongan') {
    const rank = me.pangkat ? ` (${me.pangkat})` : '';
    const since = me.tmtGolongan ? (lang === 'en' ? `, since ${formatIndonesian(me.tmtGolongan)}` : `, TMT ${formatIndonesian(me.tmtGolongan)}`) : '';
    const line = lang === 'en' ? `Your rank: ${me.golongan}${rank}${since}.` : `Golongan Anda: ${me.golongan}${rank}${since}.`;
    return `${line}\n\n${footer}`;
  }

  const dates = await records.careerDates();
  const [kgbLine, kpLine, pensionLine] = careerSummaryLines(dates, lang);
  const chosen = topic === 'kgb' ? [kgbLine] : topic === 'kp' ? [kpLine] : topic === 'pension' ? [pensionLine] : [kgbLine, kpLine, pensionLine];
  const asOf = lang === 'en' ? `As of ${formatIndonesian(dates.asOf)}:` : `Per ${formatIndonesian(dates.asOf)}:`;
  const problems = dates.problems.map((p) => `⚠ ${problemText(p, lang)}`);
  return [asOf, ...chosen.filter((l): l is string => Boolean(l)).map((l) => `• ${l}`), ...problems, '', footer].join('\n');
}
