import type { Command } from 'commander';
import { runRemindersAsOperator } from '../../core/reminders/operator-reminder-pass.js';
import { action, withRuntime } from '../cli-runtime.js';

interface RunOptions {
  dryRun?: boolean;
  asOf?: string;
  agency?: string;
}

export function registerRemindersRun(program: Command): void {
  const reminders = program.command('reminders').description('The daily career and deadline reminder pass (custom reminders: see `layani reminder`)');
  reminders
    .command('run')
    .description('Run the daily reminder pass now (what is due and not yet sent); with --dry-run only count it')
    .option('--dry-run', 'count what would be sent; send and record nothing')
    .option('--as-of <date>', 'plan for this day (YYYY-MM-DD, WIB) instead of today')
    .option('--agency <code>', 'only this agency (default: every agency)')
    .action(
      action(async (options: RunOptions) => {
        await withRuntime(async (runtime) => {
          const result = await runRemindersAsOperator(runtime, { dryRun: Boolean(options.dryRun), asOf: options.asOf, agencyCode: options.agency });
          const verb = options.dryRun ? 'akan dikirim' : 'dikirim';
          console.log(`Pengingat harian per ${result.asOf}${options.dryRun ? ' (uji coba: tidak ada yang dikirim atau dicatat)' : ''}`);
          console.log(['instansi', 'pegawai', `Telegram ${verb}`, 'ke ringkasan HR', 'dimatikan pegawai', 'terlewati'].join('\t'));
          const total = { employees: 0, telegram: 0, digest: 0, muted: 0, superseded: 0 };
          for (const { code, summary } of result.agencies) {
            console.log([code, summary.employees, summary.telegram, summary.digest, summary.muted, summary.superseded].join('\t'));
            for (const key of Object.keys(total) as Array<keyof typeof total>) total[key] += summary[key];
          }
          if (result.agencies.length > 1) console.log(['jumlah', total.employees, total.telegram, total.digest, total.muted, total.superseded].join('\t'));
          if (!options.dryRun && total.telegram > 0) console.log('Pesan Telegram dikirim oleh layanan LAYANI yang aktif (di luar jam tenang 21.00–06.00 WIB).');
        });
      }),
    );
}
