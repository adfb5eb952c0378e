import type { Command } from 'commander';
import { ensureAgency } from '../../core/records/agencies.js';
import { action, withRuntime } from '../cli-runtime.js';

export function registerAgency(program: Command): void {
  const agency = program.command('agency').description('Agencies (OPD) served by this deployment');
  agency
    .command('add')
    .description('Register an agency so its employees can be imported')
    .argument('<code>', 'short code, e.g. BKPSDMD')
    .argument('<name>', 'full name')
    .action(
      action(async (code: string, name: string) => {
      if (!/^[A-Z0-9_-]{2,32}$/.test(code)) throw new Error('kode instansi: 2–32 huruf kapital, angka, - atau _');
      await withRuntime(async ({ db }) => {
        await ensureAgency(db, code, name);
        console.log(`Instansi ${code} terdaftar.`);
      });
      }),
    );
  agency
    .command('list')
    .description('List agencies')
    .action(
      action(async () => {
      await withRuntime(async ({ db }) => {
        for (const row of await db.agency.findMany({ orderBy: { code: 'asc' } })) console.log(`${row.code}\t${row.name}`);
      });
      }),
    );
}
