import type { Command } from 'commander';
import { cliActor } from '../../core/auth/actor.js';
import { formatIndonesian } from '../../core/dates/calendar-date.js';
import { parseDayMonth } from '../../core/reminders/day-month.js';
import { parseDaysBefore } from '../../core/reminders/deadline-stages.js';
import { action, withRuntime } from '../cli-runtime.js';
import { audienceFrom, explainRefusal, withAudienceOptions, type AudienceOptions } from './reminder-options.js';

interface AddOptions extends AudienceOptions {
  on: string;
  title: string;
  days: string;
  note?: string;
  agency?: string;
}

export function registerDeadline(program: Command): void {
  const deadline = program.command('deadline').description('Deadlines that come back every year (SKP, LHKPN 31 March, LHKASN), reminded some days before');

  withAudienceOptions(
    deadline
      .command('add')
      .description('Add a yearly deadline (without a target option: everyone)')
      .requiredOption('--on <day>', 'day and month: "31-03" or "31 Maret"')
      .requiredOption('--title <title>', 'what is due, e.g. "Lapor LHKPN"')
      .option('--days <list>', 'days before the deadline to remind (0 = the day itself)', '30,7,1')
      .option('--note <text>', 'a line added to each reminder, e.g. where to file')
      .option('--agency <code>', 'agency code (default: the deployment\'s agency)'),
  ).action(
    action(async (options: AddOptions) => {
      // Day first, as dates are written here; the core takes month-day.
      const monthDay = parseDayMonth(options.on);
      if (!monthDay) throw new Error(`--on "${options.on}" bukan hari dan bulan; tulis misalnya 31-03 atau "31 Maret"`);
      const audience = audienceFrom(options);
      const targeted = audience.everyone || [audience.units, audience.golongan, audience.positionTypes, audience.nips].some((list) => (list ?? []).length > 0);
      await withRuntime(async (runtime) => {
        const created = await explainRefusal(() =>
          runtime.callerFor(cliActor).reminders.createDeadline({
            title: options.title,
            monthDay,
            daysBefore: parseDaysBefore(options.days),
            audience: targeted ? audience : { everyone: true },
            note: options.note ?? '',
            agencyCode: options.agency,
          }),
        );
        console.log(`Tenggat ${created.id} dibuat: ${created.title}, berikutnya ${formatIndonesian(created.nextDueOn)}.`);
        console.log(`Diingatkan ${created.daysBefore.join(', ')} hari sebelumnya kepada ${created.audience} (${created.recipients} pegawai, ${created.linked} lewat Telegram).`);
      });
    }),
  );

  deadline
    .command('list')
    .description('Active yearly deadlines, soonest first')
    .option('--agency <code>', 'agency code')
    .action(
      action(async (options: { agency?: string }) => {
        await withRuntime(async (runtime) => {
          const list = await explainRefusal(() => runtime.callerFor(cliActor).reminders.listDeadlines({ agencyCode: options.agency }));
          if (list.length === 0) console.log('Belum ada tenggat tahunan. Tambahkan dengan `layani deadline add`.');
          for (const d of list) {
            console.log(`${d.id}\t${d.title}\t${formatIndonesian(d.nextDueOn)}\t${d.daysBefore.join(',')} hari sebelumnya\t${d.audience}`);
          }
        });
      }),
    );

  deadline
    .command('remove')
    .description('Stop a yearly deadline\'s reminders (by id from `deadline list`)')
    .argument('<id>', 'deadline id')
    .action(
      action(async (id: string) => {
        await withRuntime(async (runtime) => {
          const removed = await explainRefusal(() => runtime.callerFor(cliActor).reminders.removeDeadline({ id }));
          console.log(`Tenggat ${removed.id} (${removed.title}) dihapus; tidak ada pengingat lagi.`);
        });
      }),
    );
}
