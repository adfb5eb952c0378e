import type { Command } from 'commander';
import { cliActor } from '../../core/auth/actor.js';
import { repeatLabels } from '../../core/reminders/custom-occurrences.js';
import { endOfWibDay, parseWhen } from '../../core/reminders/reminder-when.js';
import { todayInJakarta } from '../../core/dates/calendar-date.js';
import { action, withRuntime } from '../cli-runtime.js';
import { audienceFrom, explainRefusal, repeatFrom, withAudienceOptions, type AudienceOptions } from './reminder-options.js';

const wib = (at: Date) =>
  `${at.toLocaleDateString('id-ID', { timeZone: 'Asia/Jakarta', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })} ` +
  `${at.toLocaleTimeString('id-ID', { timeZone: 'Asia/Jakarta', hour: '2-digit', minute: '2-digit' })} WIB`;

interface AddOptions extends AudienceOptions {
  at: string;
  repeat?: string;
  until?: string;
  title: string;
  text?: string;
  agency?: string;
}

export function registerReminder(program: Command): void {
  const reminder = program.command('reminder').description('Custom reminders HR sends to employees on Telegram (a unit, a rank group, some NIPs or everyone)');

  withAudienceOptions(
    reminder
      .command('add')
      .description('Schedule a reminder; unlinked employees get it in the HR digest instead')
      .requiredOption('--at <when>', 'date and time in WIB: "10-03-2027 09.00", "2027-03-10", "besok" (no time: 08.00)')
      .option('--repeat <how>', 'sekali (default), harian, mingguan, bulanan or tahunan')
      .option('--until <date>', 'last day of a repeating reminder, e.g. 29-03-2027')
      .requiredOption('--title <title>', 'short title shown in lists and at the top of the message')
      .option('--text <text>', 'the message itself (default: the title)')
      .option('--agency <code>', 'agency code (default: the deployment\'s agency)'),
  ).action(
    action(async (options: AddOptions) => {
      await withRuntime(async (runtime) => {
        const now = runtime.clock.now();
        const startsAt = parseWhen(options.at, now);
        if (!startsAt) throw new Error(`--at "${options.at}" bukan tanggal (dan jam) yang terbaca; tulis misalnya "10-03-2027 09.00"`);
        const until = options.until ? parseWhen(options.until, now) : null;
        if (options.until && !until) throw new Error(`--until "${options.until}" bukan tanggal yang terbaca; tulis misalnya 29-03-2027`);
        const created = await explainRefusal(() =>
          runtime.callerFor(cliActor).reminders.createCustom({
            title: options.title,
            text: options.text ?? '',
            audience: audienceFrom(options),
            startsAt,
            repeat: repeatFrom(options.repeat),
            until: until ? endOfWibDay(todayInJakarta(until)) : null,
            agencyCode: options.agency,
          }),
        );
        console.log(`Pengingat ${created.id} dibuat: ${created.title}`);
        console.log(`Untuk ${created.audience}: ${created.recipients} pegawai, ${created.linked} lewat Telegram, ${created.recipients - created.linked} ke ringkasan HR.`);
        console.log(`Dikirim ${wib(created.startsAt)}${created.repeat === 'none' ? '' : `, ${repeatLabels[created.repeat]}`}${created.until ? ` sampai ${wib(created.until)}` : ''}.`);
      });
    }),
  );

  reminder
    .command('list')
    .description('Reminders still to be sent (with --all: cancelled and finished ones too)')
    .option('--all', 'include cancelled and finished reminders')
    .option('--agency <code>', 'agency code')
    .action(
      action(async (options: { all?: boolean; agency?: string }) => {
        await withRuntime(async (runtime) => {
          const list = await explainRefusal(() => runtime.callerFor(cliActor).reminders.listCustom({ includeFinished: options.all ?? false, agencyCode: options.agency }));
          if (list.length === 0) console.log('Tidak ada pengingat yang masih akan dikirim.');
          for (const r of list) {
            const state = !r.active ? 'dibatalkan' : r.nextAt ? `berikutnya ${wib(r.nextAt)}` : 'selesai';
            console.log(`${r.id}\t${r.title}\t${r.audience}\t${repeatLabels[r.repeat]}\t${state}`);
          }
        });
      }),
    );

  reminder
    .command('cancel')
    .description('Cancel a reminder by id (from `reminder list`)')
    .argument('<id>', 'reminder id')
    .action(
      action(async (id: string) => {
        await withRuntime(async (runtime) => {
          const cancelled = await explainRefusal(() => runtime.callerFor(cliActor).reminders.cancelCustom({ id }));
          console.log(`Pengingat ${cancelled.id} (${cancelled.title}) dibatalkan.`);
        });
      }),
    );
}
