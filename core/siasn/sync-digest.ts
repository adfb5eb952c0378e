import type { Db } from '../db/client.js';

/** The SIASN sync as the HR digest reports it: the latest applied run since the previous digest. */
export interface SiasnSyncDigest {
  finishedAt: Date;
  status: string;
  checked: number;
  changed: number;
  unknown: number;
  failed: number;
  kpProposals: number;
  unknownNips: string[];
  notActive: Array<{ nip: string; kedudukan: string }>;
  error: string | null;
}

export async function latestSiasnSyncSince(db: Db, since: Date): Promise<SiasnSyncDigest | null> {
  const run = await db.siasnSyncRun.findFirst({
    where: { dryRun: false, finishedAt: { gt: since } },
    orderBy: { finishedAt: 'desc' },
  });
  if (!run?.finishedAt) return null;
  const details = JSON.parse(run.details) as { unknown?: string[]; notActiveInSiasn?: Array<{ nip: string; kedudukan: string }> };
  return {
    finishedAt: run.finishedAt,
    status: run.status,
    checked: run.checked,
    changed: run.changed,
    unknown: run.unknown,
    failed: run.failed,
    kpProposals: run.kpProposals,
    unknownNips: details.unknown ?? [],
    notActive: details.notActiveInSiasn ?? [],
    error: run.error,
  };
}

/** Slack mrkdwn lines for the digest (HR's channel: NIPs are fine there, names are not needed). */
export function siasnDigestLines(sync: SiasnSyncDigest, limit: number): string[] {
  const lines = [
    `• ${sync.checked} pegawai diperiksa: ${sync.changed} diperbarui dari SIASN (tiap perubahan tercatat di log audit), ` +
      `${sync.unknown} tidak dikenal SIASN, ${sync.failed} tidak dapat dibaca; ${sync.kpProposals} usulan KP tersimpan.`,
  ];
  if (sync.status !== 'done') lines.push(`• ⚠ Berhenti sebelum selesai: ${sync.error ?? 'sebab tidak tercatat'}`);
  if (sync.unknownNips.length > 0) {
    const shown = sync.unknownNips.slice(0, limit).join(', ');
    lines.push(`• NIP yang tidak dikenal SIASN (tidak dihapus; periksa NIP-nya): ${shown}${sync.unknownNips.length > limit ? ', …' : ''}`);
  }
  if (sync.notActive.length > 0) {
    const shown = sync.notActive.slice(0, limit).map((n) => `${n.nip} (${n.kedudukan})`).join(', ');
    lines.push(`• Menurut SIASN tidak aktif, di LAYANI masih aktif: ${shown}${sync.notActive.length > limit ? ', …' : ''}`);
  }
  return lines;
}
