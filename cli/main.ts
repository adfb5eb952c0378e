import { Command } from 'commander';
import { registerAgency } from './commands/agency.js';
import { registerAsk } from './commands/ask.js';
import { registerBackup } from './commands/backup.js';
import { registerBroadcast } from './commands/broadcast.js';
import { registerEval } from './commands/eval.js';
import { registerCareer } from './commands/career.js';
import { registerDeadline } from './commands/deadline.js';
import { registerDoctor } from './commands/doctor.js';
import { registerImport } from './commands/import-employees.js';
import { registerLinkCode } from './commands/link-code.js';
import { registerMigrate } from './commands/migrate.js';
import { registerReminder } from './commands/reminder.js';
import { registerRemindersRun } from './commands/reminders-run.js';
import { registerReport } from './commands/report.js';
import { registerRole } from './commands/role.js';
import { registerSiasn } from './commands/siasn.js';
import { registerSosialisasi } from './commands/sosialisasi.js';
import { registerTemplate } from './commands/template.js';
import { registerToken } from './commands/token.js';

const program = new Command()
  .name('layani')
  .description('LAYANI command line: employee records, career audit, link codes, API tokens, checks and backups')
  .showHelpAfterError('(add --help for usage)');

registerTemplate(program);
registerImport(program);
registerCareer(program);
registerLinkCode(program);
registerRole(program);
registerAgency(program);
registerToken(program);
registerMigrate(program);
registerAsk(program);
registerEval(program);
registerBroadcast(program);
registerReminder(program);
registerRemindersRun(program);
registerDeadline(program);
registerDoctor(program);
registerBackup(program);
registerSosialisasi(program);
registerSiasn(program);
registerReport(program);

await program.parseAsync(process.argv);
