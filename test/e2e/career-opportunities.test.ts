/**
 * Career opportunities end to end, Slack and Telegram together: HR composes one in the Slack modal (topic, kind,
 * closing date), staff press "Saya tertarik", and three working days before it closes (holidays skipped) those
 * interested are reminded and the HR channel gets the list, once, also after a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { broadcastModal, noTopic } from '../../bots/slack/broadcast-blocks.js';
import { closingReminderDay } from '../../core/infodesk/career-closing.js';
import { channels, users } from '../support/slack-desk.js';
import { keyboardOf, startTelegramHarness, textOf, until, type TelegramHarness } from '../support/telegram-harness.js';
import { testDatabaseKinds } from '../support/test-databases.js';

type Values = Record<string, Record<string, unknown>>;

function composeValues(fields: { title: string; text: string; units: string; topic?: string; careerKind?: string; closesOn?: string; options?: string[] }): Values {
  const text = (id: string, value: string | undefined) => ({ [id]: { [id]: { type: 'plain_text_input', value: value ?? null } } });
  const select = (id: string, value: string | undefined) => ({ [id]: { [id]: { type: 'static_select', selected_option: value ? { value } : null } } });
  return {
    ...text(broadcastModal.title, fields.title),
    ...text(broadcastModal.text, fields.text),
    ...select(broadcastModal.topic, fields.topic ?? noTopic),
    ...text(broadcastModal.source, 'BKPSDMD Provinsi'),
    ...select(broadcastModal.careerKind, fields.careerKind),
    [broadcastModal.closesOn]: { [broadcastModal.closesOn]: { type: 'datepicker', selected_date: fields.closesOn ?? null } },
    [broadcastModal.validUntil]: { [broadcastModal.validUntil]: { type: 'datepicker', selected_date: null } },
    ...select(broadcastModal.audience, 'filter'),
    ...text(broadcastModal.units, fields.units),
    ...text(broadcastModal.golongan, undefined),
    ...text(broadcastModal.nips, undefined),
    ...text(broadcastModal.channels, undefined),
    ...select(broadcastModal.when, 'now'),
    ...text(broadcastModal.at, undefined),
    ...text(broadcastModal.cron, undefined),
    [broadcastModal.options]: { [broadcastModal.options]: { type: 'checkboxes', selected_options: (fields.options ?? []).map((value) => ({ value })) } },
  };
}

describe.each(testDatabaseKinds)('Career opportunities (%s)', (kind) => {
  let h: TelegramHarness;

  beforeAll(async () => {
    h = await startTelegramHarness(kind, { slack: true });
  });
  afterAll(async () => h?.stop());

  const db = () => h.app.runtime.db;
  const slack = () => h.slack!;
  const submit = (values: Values) => h.slackSend(slack().viewSubmission({ user: users.officer, callback_id: broadcastModal.callbackId, values }));
  const remindersTo = (chatId: number) => h.texts(chatId).filter((t) => t.startsWith('Pengingat: pendaftaran'));
  const hrLists = () => slack().sent(channels.triage).filter((m) => (m.text ?? '').includes('menyatakan tertarik'));

  it('counts three working days back over cuti bersama and Christmas', () => {
    const calendar = h.app.runtime.settings.businessCalendar;
    // Monday 28 December 2026: 25 (Christmas) and 24 (cuti bersama) do not count.
    expect(closingReminderDay(calendar, '2026-12-28')).toBe('2026-12-21');
    // Friday 4 December 2026: Tuesday of the same week.
    expect(closingReminderDay(calendar, '2026-12-04')).toBe('2026-12-01');
  });

  it('from the Slack modal to "Saya tertarik", a reminder three working days before closing and the list for HR, once', async () => {
    const unit = 'Bidang Karier';
    const [early, second, late] = [await h.linkedUser({ unit }), await h.linkedUser({ unit }), await h.linkedUser({ unit })];

    const incomplete = await submit(composeValues({ title: 'Lowongan Kepala Seksi', text: 'Dibuka lowongan.', units: unit, topic: 'peluang_karir', careerKind: 'lowongan' }));
    expect(incomplete.json).toMatchObject({ response_action: 'errors', errors: { [broadcastModal.closesOn]: expect.stringContaining('tanggal pendaftaran ditutup') } });

    const response = await submit(
      composeValues({ title: 'Lowongan Kepala Seksi Pengawasan', text: 'Dibuka **seleksi terbuka** Kepala Seksi Pengawasan.', units: unit, topic: 'peluang_karir', careerKind: 'lowongan', closesOn: '2026-12-28' }),
    );
    expect(response.status).toBe(200);
    const broadcast = await until(() => db().broadcast.findFirst({ where: { title: 'Lowongan Kepala Seksi Pengawasan' } }), 'the broadcast');
    expect(broadcast).toMatchObject({ topic: 'peluang_karir', careerKind: 'lowongan', closesOn: '2026-12-28', source: 'BKPSDMD Provinsi', mandatory: false });
    await h.app.tickScheduler();

    const copies = await Promise.all([early, second, late].map((p) => h.waitForMessage(p.user.id, 'Lowongan Kepala Seksi Pengawasan')));
    expect(keyboardOf(copies[0])!.flat().map((b) => b.text)).toEqual(['Saya tertarik']);

    h.fake.userPressesButton(early.user, copies[0]!.message_id, `minat:${broadcast.id}`);
    await until(() => (keyboardOf(h.fake.getMessage(early.user.id, copies[0]!.message_id))?.[0]?.[0]?.text === '✅ Saya tertarik' ? true : undefined), 'the button to show the interest');
    const answer = h.fake.callsTo('answerCallbackQuery').at(-1)!;
    expect(String(answer.params.text)).toContain('28 Desember 2026');
    h.fake.userPressesButton(second.user, copies[1]!.message_id, `minat:${broadcast.id}`);
    await until(async () => ((await db().careerInterest.count({ where: { broadcastId: broadcast.id } })) === 2 ? true : undefined), 'two interested');

    // Friday 18 December: too early.
    h.clock.set('2026-12-18T02:00:00Z');
    await h.app.tickScheduler();
    // Monday 21 December 08:00 WIB, the reminder day: someone who only now says they are interested is not reminded.
    h.clock.set('2026-12-21T01:00:00Z');
    h.fake.userPressesButton(late.user, copies[2]!.message_id, `minat:${broadcast.id}`);
    await until(async () => ((await db().careerInterest.count({ where: { broadcastId: broadcast.id } })) === 3 ? true : undefined), 'three interested');
    expect(remindersTo(early.user.id)).toHaveLength(0);
    await h.app.tickScheduler();
    await until(() => (remindersTo(early.user.id).length === 1 && remindersTo(second.user.id).length === 1 ? true : undefined), 'the reminders');
    expect(remindersTo(early.user.id)[0]).toContain('pendaftaran lowongan jabatan "Lowongan Kepala Seksi Pengawasan" ditutup 28 Desember 2026 (3 hari kerja lagi)');
    const list = await until(() => hrLists()[0], 'the list in the HR channel');
    expect(list.text).toContain(early.employee.name);
    expect(list.text).toContain(second.employee.name);
    expect(list.text).not.toContain(early.employee.nip);

    // Again, and after a restart: nothing twice.
    await h.app.tickScheduler();
    await h.restart();
    await h.app.tickScheduler();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(remindersTo(early.user.id)).toHaveLength(1);
    expect(remindersTo(second.user.id)).toHaveLength(1);
    expect(remindersTo(late.user.id)).toHaveLength(0);
    expect(hrLists()).toHaveLength(1);

    await h.slackSend(slack().slashCommand({ user_id: users.officer, channel_id: channels.triage, command: '/layani', text: `siaran minat ${broadcast.number}` }));
    const ephemeral = await until(() => slack().ephemerals.find((e) => (e.text ?? '').includes('pegawai tertarik')), 'the interest list');
    expect(ephemeral.text).toContain('3 pegawai tertarik');
    expect(ephemeral.text).toContain(`${early.employee.name} — ${unit}`);
    expect(ephemeral.text!.match(/sudah diingatkan/g)).toHaveLength(2);
    expect(textOf(copies[0])).toContain('seleksi terbuka');
  });
});
