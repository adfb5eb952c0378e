import type { Command } from 'commander';
import { loadConfig } from '../../core/config/load-config.js';
import { openDatabase } from '../../core/db/open-database.js';
import { action } from '../cli-runtime.js';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending database migrations now (the server also does this on start)')
    .action(
      action(async () => {
      const database = await openDatabase(loadConfig().DATABASE_URL);
      await database.close();
      console.log(database.applied.length ? `Diterapkan: ${database.applied.join(', ')}` : 'Basis data sudah mutakhir.');
      }),
    );
}
