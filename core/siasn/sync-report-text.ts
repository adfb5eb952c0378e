import { employeeColumns } from '../records/import/columns.js';
import type { SyncChange, SyncReport } from './siasn-sync.js';

/** A field as HR knows it: the import template's column name. */
function label(field: string): string {
  return employeeColumns.find((c) => c.field === field)?.header ?? field;
}

function shown(value: unknown): string {
  return value === null || value === undefined || value === '' ? '(kosong)' : String(value);
}

/** "198609262015051001  golongan: III/b → III/c; tmt_golongan: 2021-04-01 → 2025-04-01" */
export function changeLine(change: SyncChange): string {
  const parts = Object.keys(change.after).map((field) => `${label(field)}: ${shown((change.before as Record<string, unknown>)[field])} → ${shown((change.after as Record<string, unknown>)[field])}`);
  return `${change.nip}  ${parts.join('; ')}`;
}

/** The end of `layani siasn sync`, in Indonesian, for the operator. */
export function syncSummaryLines(report: SyncReport): string[] {
  const lines: string[] = [];
  lines.push(
    `${report.checked} pegawai diperiksa di SIASN: ${report.changed} ${report.dryRun ? 'akan berubah' : 'diperbarui'}, ${report.unchanged} sama, ` +
      `${report.unknown.length} tidak dikenal SIASN, ${report.failed.length} tidak dapat dibaca (${report.requests} permintaan, ${(report.ms / 1000).toFixed(1)} detik).`,
  );
  if (report.notInLayani.length > 0) lines.push(`Tidak ada di LAYANI (tidak dibuat): ${report.notInLayani.join(', ')}`);
  if (report.unknown.length > 0) lines.push(`Tidak dikenal SIASN (tetap disimpan, periksa NIP-nya): ${report.unknown.join(', ')}`);
  for (const f of report.failed) lines.push(`Tidak dapat dibaca: ${f.nip} (${f.reason})`);
  for (const r of report.rejectedFields) lines.push(`Nilai SIASN tidak dipakai untuk ${r.nip}: ${r.fields.map(label).join(', ')} (tidak cocok dengan data lain pegawai itu)`);
  if (report.notActiveInSiasn.length > 0) {
    lines.push(`Menurut SIASN tidak aktif (status aktif di LAYANI tidak diubah; putuskan sendiri): ${report.notActiveInSiasn.map((n) => `${n.nip} (${n.kedudukan})`).join(', ')}`);
  }
  if (report.kpProposals === null) lines.push('Usulan KP: daftar dari SIASN tidak dapat dibaca; usulan yang tersimpan tidak diubah.');
  else lines.push(`Usulan KP periode berjalan dan berikutnya: ${report.kpProposals} usulan${report.dryRun ? '' : ' disimpan'}.`);
  if (report.stoppedBecause) lines.push(`Berhenti sebelum selesai: ${report.stoppedBecause}`);
  if (report.dryRun) lines.push('Uji coba (--dry-run): tidak ada yang diubah.');
  return lines;
}
