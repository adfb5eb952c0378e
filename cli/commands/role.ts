import type { Command } from 'commander';
import { cliActor } from '../../core/auth/actor.js';
import { roleSchema } from '../../core/auth/roles.js';
import { action, withRuntime } from '../cli-runtime.js';

export function registerRole(program: Command): void {
  program
    .command('role')
    .description('Give an employee a role (hr_officer, hr_lead, admin); every employee is staff')
    .argument('<nip>', 'the employee\'s NIP')
    .argument('<role>', roleSchema.options.join(' | '))
    .action(
      action(async (nip: string, role: string) => {
      await withRuntime(async (runtime) => {
        await runtime.callerFor(cliActor).identity.grantRole({ nip, role: roleSchema.parse(role) });
        console.log(`Peran ${role} diberikan.`);
      });
      }),
    );
}
