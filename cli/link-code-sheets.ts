import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { BulkLinkCodes } from '../core/identity/bulk-link-codes.js';
import { linkCodeCsv, linkCodePdf } from '../core/identity/link-code-sheet.js';
import { readEmployeeFile } from '../core/records/import/index.js';

/** The NIPs in a file: an employee file (.xlsx/.csv, the `nip` column) or plain text with one NIP per line. */
export async function nipsOfFile(path: string): Promise<string[]> {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.xlsx') {
    const sheet = await readEmployeeFile(path);
    return [...new Set(sheet.rows.map((row) => String(row.cells.nip ?? '').replace(/\D/g, '')).filter((nip) => nip.length === 18))];
  }
  const text = await readFile(path, 'utf8');
  return [...new Set(text.split(/\r?\n/).map((line) => line.replace(/\D/g, '')).filter((nip) => nip.length === 18))];
}

/** Writes PREFIX.pdf (one slip per employee) and PREFIX.csv; returns the paths. */
export async function writeLinkCodeSheets(result: BulkLinkCodes, prefix: string, botUsername?: string | null): Promise<{ pdf: string; csv: string }> {
  const base = prefix.replace(/\.(pdf|csv)$/i, '');
  const pdf = `${base}.pdf`;
  const csv = `${base}.csv`;
  await writeFile(pdf, await linkCodePdf(result.slips, { agencyName: result.agency.name, botUsername }), { mode: 0o600 });
  await writeFile(csv, linkCodeCsv(result.slips), { mode: 0o600 });
  return { pdf, csv };
}

/** What happened, for the operator: issued, left out and why, not found. */
export function bulkSummary(result: BulkLinkCodes): string[] {
  const lines = [`${result.slips.length} kode tautan baru untuk ${result.agency.code} (${result.agency.name}).`];
  if (result.alreadyLinked > 0) lines.push(`${result.alreadyLinked} pegawai sudah menautkan akun: dilewati (tambahkan --reissue untuk kode baru).`);
  if (result.holdingLiveCode > 0) lines.push(`${result.holdingLiveCode} pegawai masih memegang kode yang berlaku: dilewati (--reissue membuat kode baru dan kode lama tidak berlaku lagi).`);
  if (result.notFound.length > 0) lines.push(`${result.notFound.length} NIP bukan pegawai aktif instansi ini: ${result.notFound.slice(0, 10).join(', ')}${result.notFound.length > 10 ? ', …' : ''}`);
  return lines;
}
