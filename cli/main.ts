import { Command } from 'commander';
import { registerAgency } from './commands/agency.js';
import { registerAsk } from './commands/ask.js';
import { registerBroadcast } from './commands/broadcast.js';
import { registerEval } from './commands/eval.js';
import { registerCareer } from './commands/career.js';
import { registerImport } from './commands/import-employees.js';
import { registerLinkCode } from './commands/link-code.js';
import { registerMigrate } from './commands/migrate.js';
import { registerRole } from './commands/role.js';
import { registerSosialisasi } from './commands/sosialisasi.js';
import { registerTemplate } from './commands/template.js';
import { registerToken } from './commands/token.js';

const program = new Command()
  .name('layani')
  .description('LAYANI command line: employee records, career audit, link codes, API tokens')
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
registerSosialisasi(program);

await program.parseAsync(process.argv);
