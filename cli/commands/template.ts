import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { templateCsv, templateXlsx } from '../../core/records/import/index.js';
import { action } from '../cli-runtime.js';

export function registerTemplate(program: Command): void {
  program
    .command('template')
    .description('Print the employee import template (CSV with one example row); columns are in the README')
    .option('--semicolon', 'separate columns with ; (for Excel set to Indonesian regional settings)')
    .option('--xlsx <file>', 'write an Excel template to this file instead')
    .action(
      action(async (options: { semicolon?: boolean; xlsx?: string }) => {
      if (options.xlsx) {
        await writeFile(options.xlsx, await templateXlsx());
        console.error(`Templat Excel ditulis ke ${options.xlsx}`);
        return;
      }
      process.stdout.write(templateCsv({ delimiter: options.semicolon ? ';' : ',' }));
      }),
    );
}
