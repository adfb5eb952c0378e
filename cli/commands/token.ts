import type { Command } from 'commander';
import { createApiToken, revokeApiToken, tokenScopeProblem } from '../../core/auth/api-tokens.js';
import { roleSchema } from '../../core/auth/roles.js';
import { findAgencyByCode } from '../../core/records/agencies.js';
import { action, withRuntime } from '../cli-runtime.js';

export function registerToken(program: Command): void {
  const token = program.command('token').description('Manage API tokens for HTTP callers of /trpc');

  token
    .command('create')
    .description('Create a bearer token; it is printed once and stored only as a digest')
    .requiredOption('--role <role>', `one of ${roleSchema.options.join(', ')}`)
    .option('--name <name>', 'what the token is for', 'api')
    .option('--agency <code>', 'limit the token to one agency (required for hr_officer and hr_lead, unless --all-agencies)')
    .option('--all-agencies', 'let an HR token read every agency (only when that is really meant)')
    .option('--nip <nip>', 'act as this employee (required for staff tokens)')
    .action(
      action(async (options: { role: string; name: string; agency?: string; allAgencies?: boolean; nip?: string }) => {
      const role = roleSchema.parse(options.role);
      const problem = tokenScopeProblem({ role, agency: Boolean(options.agency), allAgencies: Boolean(options.allAgencies), employee: Boolean(options.nip) });
      if (problem) throw new Error(problem);
      await withRuntime(async ({ db }) => {
        const agency = options.agency ? await findAgencyByCode(db, options.agency) : null;
        if (options.agency && !agency) throw new Error(`instansi ${options.agency} tidak ada`);
        const employee = options.nip ? await db.employee.findUnique({ where: { nip: options.nip } }) : null;
        if (options.nip && !employee) throw new Error('tidak ada pegawai dengan NIP tersebut');
        const created = await createApiToken(db, {
          name: options.name,
          role,
          agencyId: agency?.id ?? employee?.agencyId ?? null,
          employeeId: employee?.id ?? null,
        });
        console.log(created.token);
        console.error(`Token ${created.id} (${role}) dibuat. Simpan sekarang: token tidak dapat ditampilkan lagi.`);
      });
      }),
    );

  token
    .command('list')
    .description('List tokens (never their secret)')
    .action(
      action(async () => {
      await withRuntime(async ({ db }) => {
        const rows = await db.apiToken.findMany({ orderBy: { createdAt: 'asc' } });
        for (const row of rows) {
          console.log(`${row.id}\t${row.role}\t${row.name}\t${row.revokedAt ? 'dicabut' : 'aktif'}`);
        }
      });
      }),
    );

  token
    .command('revoke')
    .description('Revoke a token by id')
    .argument('<id>', 'token id from `token list`')
    .action(
      action(async (id: string) => {
      await withRuntime(async ({ db, clock }) => {
        if (!(await revokeApiToken(db, id, clock.now()))) throw new Error(`token ${id} tidak ada atau sudah dicabut`);
        console.log(`Token ${id} dicabut.`);
      });
      }),
    );
}
