import { formatIndonesian } from '../dates/calendar-date.js';
import { wibParts } from '../scheduling/jakarta-time.js';
import type { KpProposalView } from './siasn-router.js';
import { siasnNotConfiguredText } from './siasn-settings.js';

type Lang = 'id' | 'en';

export interface MyKpProposals {
  configured: boolean;
  periods: readonly string[];
  readAt: Date | null;
  proposals: readonly KpProposalView[];
}

function wibStamp(at: Date): string {
  const p = wibParts(at);
  return `${formatIndonesian(p.date)} ${String(p.hour).padStart(2, '0')}.${String(p.minute).padStart(2, '0')} WIB`;
}

/**
 * A staff member's KP proposal status in plain words: SIASN's status, what it means, and how fresh the data is.
 * Used by /profil and by the answer to "usulan kp saya sudah sampai mana".
 */
export function kpStatusLines(result: MyKpProposals, lang: Lang): string[] {
  if (!result.configured) return [siasnNotConfiguredText[lang]];
  if (!result.readAt) {
    return [
      lang === 'en'
        ? 'Promotion (KP) proposals have not been read from SIASN yet. Please ask the HR desk.'
        : 'Usulan kenaikan pangkat belum pernah diambil dari SIASN. Silakan tanyakan kepada petugas kepegawaian.',
    ];
  }
  const asOf = lang === 'en' ? `(SIASN data as of ${wibStamp(result.readAt)})` : `(data SIASN per ${wibStamp(result.readAt)})`;
  if (result.proposals.length === 0) {
    const periods = result.periods.map((p) => formatIndonesian(p)).join(lang === 'en' ? ' and ' : ' dan ');
    return [
      lang === 'en'
        ? `SIASN lists no promotion (KP) proposal for you for the periods ${periods} ${asOf}. If you expected one, ask the HR desk whether it has been filed.`
        : `Di SIASN belum ada usulan kenaikan pangkat atas nama Anda untuk periode ${periods} ${asOf}. Bila Anda merasa sudah diusulkan, tanyakan kepada petugas kepegawaian apakah usulannya sudah dikirim.`,
    ];
  }
  const lines: string[] = [];
  for (const p of result.proposals) {
    const status = p.statusName ?? (lang === 'en' ? 'no status name' : 'tanpa nama status');
    const extra = [
      p.kpType,
      p.tmtKp ? `TMT ${formatIndonesian(p.tmtKp)}` : null,
      p.pertekNumber ? (lang === 'en' ? `technical approval ${p.pertekNumber}` : `pertek ${p.pertekNumber}`) : null,
      p.skNumber ? `SK ${p.skNumber}` : null,
    ].filter(Boolean);
    lines.push(
      lang === 'en'
        ? `• KP period ${formatIndonesian(p.period)}: "${status}". ${p.meaning.en}${extra.length ? ` (${extra.join(', ')})` : ''}`
        : `• Usulan KP periode ${formatIndonesian(p.period)}: "${status}". ${p.meaning.id}${extra.length ? ` (${extra.join(', ')})` : ''}`,
    );
  }
  lines.push(asOf);
  return lines;
}
