import type { Command } from 'commander';
import { cliActor } from '../../core/auth/actor.js';
import { formatIndonesian } from '../../core/dates/calendar-date.js';
import { todayInJakarta } from '../../core/dates/calendar-date.js';
import { issueLinkCodesInBulk } from '../../core/identity/bulk-link-codes.js';
import { action, withRuntime } from '../cli-runtime.js';
import { bulkSummary, nipsOfFile, writeLinkCodeSheets } from '../link-code-sheets.js';

interface BulkOptions {
  agency?: string;
  unit?: string;
  file?: string;
  reissue?: boolean;
  out: string;
}

export function registerLinkCode(program: Command): void {
  program
    .command('link-code')
    .description('Issue a one-time code that links an employee\'s chat account (valid 72 hours, single use)')
    .argument('<nip>', 'the employee\'s 18-digit NIP')
    .option('--reset', 'also lift the hour-long lock after five wrong codes, which refuses even the right code')
    .action(
      action(async (nip: string, options: { reset?: boolean }) => {
      await withRuntime(async (runtime) => {
        if (options.reset) {
          const { lifted } = await runtime.callerFor(cliActor).identity.liftLinkLockouts({ nip: nip.replace(/\s/g, '') });
          console.log(lifted > 0 ? `Blokir karena kode salah dicabut (${lifted} akun chat).` : 'Tidak ada akun chat yang sedang diblokir karena kode salah.');
        }
        const issued = await runtime.callerFor(cliActor).identity.issueLinkCode({ nip: nip.replace(/\s/g, '') });
        const expires = new Date(issued.expiresAt);
        const wib = expires.toLocaleTimeString('id-ID', { timeZone: 'Asia/Jakarta', hour: '2-digit', minute: '2-digit' });
        console.log(`Kode tautan untuk ${issued.name}: ${issued.code}`);
        console.log(`Berlaku sampai ${formatIndonesian(todayInJakarta(expires))} pukul ${wib} WIB, sekali pakai.`);
        console.log(`Pegawai mengirim ke bot Telegram: /start ${issued.code}`);
      });
      }),
    );
  program
    .command('link-codes')
    .description('Link codes for a whole agency, one unit or the NIPs of a file, as a printable PDF (one slip each) and CSV')
    .option('--agency <code>', 'agency (default: the configured one)')
    .option('--unit <unit>', 'only this unit (as written in the records)')
    .option('--file <path>', 'only the NIPs in this file (.xlsx/.csv employee file, or one NIP per line)')
    .option('--reissue', 'also new codes for staff already linked or holding a valid code (their old code stops working)')
    .option('--out <prefix>', 'write PREFIX.pdf and PREFIX.csv', 'kode-tautan')
    .action(
      action(async (options: BulkOptions) => {
        const nips = options.file ? await nipsOfFile(options.file) : undefined;
        if (options.file && nips!.length === 0) throw new Error(`tidak ada NIP 18 digit di ${options.file}`);
        await withRuntime(async (runtime) => {
          const result = await issueLinkCodesInBulk(runtime.contextFor(cliActor), { agencyCode: options.agency, unit: options.unit, nips, reissue: Boolean(options.reissue) });
          for (const line of bulkSummary(result)) console.log(line);
          if (result.slips.length === 0) return;
          const files = await writeLinkCodeSheets(result, options.out);
          console.log(`Lembar cetak: ${files.pdf} (satu slip per pegawai) dan ${files.csv}. Simpan baik-baik: kode hanya tampil sekali.`);
        });
      }),
    );
}
