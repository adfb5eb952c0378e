import type { Command } from 'commander';
import { cliActor } from '../../core/auth/actor.js';
import { formatIndonesian } from '../../core/dates/calendar-date.js';
import { todayInJakarta } from '../../core/dates/calendar-date.js';
import { action, withRuntime } from '../cli-runtime.js';

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
}
