import type { Command } from 'commander';
import { missingSiasnSettings } from '../../core/siasn/siasn-settings.js';
import { runSiasnSync } from '../../core/siasn/siasn-sync.js';
import { changeLine, syncSummaryLines } from '../../core/siasn/sync-report-text.js';
import { action, withRuntime } from '../cli-runtime.js';
import { progressBar } from '../progress.js';

interface SyncOptions {
  nip?: string[];
  dryRun?: boolean;
}

export function registerSiasn(program: Command): void {
  const siasn = program.command('siasn').description('Read employee records and KP proposals from SIASN (BKN); LAYANI never writes to SIASN');
  siasn
    .command('sync')
    .description('Refresh every active employee (or the NIPs given) from SIASN: print and audit each difference, then replan their reminders')
    .option('--nip <nip...>', 'only these NIPs (18 digits; spaces allowed as printed)')
    .option('--dry-run', 'show what would change; change nothing')
    .action(
      action(async (options: SyncOptions) => {
        const nips = options.nip?.map((n) => n.replace(/[\s.-]/g, ''));
        const bad = nips?.filter((n) => !/^\d{18}$/.test(n)) ?? [];
        if (bad.length > 0) {
          console.error(`NIP harus 18 digit angka: ${bad.join(', ')}`);
          process.exitCode = 1;
          return;
        }
        await withRuntime(async (runtime) => {
          const settings = runtime.settings.siasn;
          if (!settings) {
            const missing = missingSiasnSettings(runtime.config);
            console.error(`SIASN belum diatur. Isi ${missing.join(', ')} di .env (lihat README, bagian SIASN), lalu jalankan npx layani doctor.`);
            process.exitCode = 1;
            return;
          }
          let bar: ReturnType<typeof progressBar> | null = null;
          const report = await runSiasnSync(runtime, settings, {
            trigger: 'cli',
            dryRun: Boolean(options.dryRun),
            nips: nips ? [...new Set(nips)] : undefined,
            onProgress: (done, total) => {
              bar ??= progressBar(total, options.dryRun ? 'Memeriksa SIASN' : 'Sinkronisasi SIASN');
              bar.update(done);
            },
            onChange: (change) => console.log(changeLine(change)),
          });
          (bar as ReturnType<typeof progressBar> | null)?.stop();
          console.log('');
          for (const line of syncSummaryLines(report)) console.log(line);
          if (report.stoppedBecause) process.exitCode = 1;
        });
      }),
    );
}
