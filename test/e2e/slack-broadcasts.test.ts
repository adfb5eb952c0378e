/**
 * Broadcasts from the Slack desk: `/layani siaran` opens the compose modal, its submission is checked field by
 * field, approval by an HR lead when required, status per unit, a Slack channel as a target, and the App Home.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { broadcastActions, broadcastModal } from '../../bots/slack/broadcast-blocks.js';
import { actionIdsOf, blockText, channels, startSlackDesk, users, waitFor, type SlackDesk } from '../support/slack-desk.js';
import { testDatabaseKinds } from '../support/test-databases.js';

type Values = Record<string, Record<string, unknown>>;

function modalValues(fields: { title?: string; text?: string; audience?: string; units?: string; channels?: string; when?: string; at?: string; cron?: string; options?: string[] }): Values {
  const text = (id: string, value: string | undefined) => ({ [id]: { [id]: { type: 'plain_text_input', value: value ?? null } } });
  const select = (id: string, value: string) => ({ [id]: { [id]: { type: 'static_select', selected_option: { value } } } });
  return {
    ...text(broadcastModal.title, fields.title),
    ...text(broadcastModal.text, fields.text),
    ...select(broadcastModal.audience, fields.audience ?? 'everyone'),
    ...text(broadcastModal.units, fields.units),
    ...text(broadcastModal.golongan, undefined),
    ...text(broadcastModal.nips, undefined),
    ...text(broadcastModal.channels, fields.channels),
    ...select(broadcastModal.when, fields.when ?? 'now'),
    ...text(broadcastModal.at, fields.at),
    ...text(broadcastModal.cron, fields.cron),
    [broadcastModal.options]: { [broadcastModal.options]: { type: 'checkboxes', selected_options: (fields.options ?? []).map((value) => ({ value })) } },
  };
}

describe.each(testDatabaseKinds)('Slack broadcasts on %s', (kind) => {
  let desk: SlackDesk;

  beforeAll(async () => {
    desk = await startSlackDesk(kind, { config: { BROADCAST_APPROVAL: 'required' } });
  });
  afterAll(async () => desk?.stop());

  const db = () => desk.app.runtime.db;
  const submit = (user: string, values: Values) => desk.send(desk.fake.viewSubmission({ user, callback_id: broadcastModal.callbackId, values }));
  const lastEphemeral = () => desk.fake.ephemerals.at(-1)?.text ?? '';

  it('/layani siaran opens the compose modal; a bad schedule is shown under its field', async () => {
    await desk.send(desk.fake.slashCommand({ user_id: users.officer, channel_id: channels.triage, command: '/layani', text: 'siaran' }));
    await desk.settle();
    const modal = desk.fake.openedViews.at(-1) as { view?: unknown } | undefined;
    expect(JSON.stringify(modal?.view ?? modal)).toContain(broadcastModal.callbackId);

    const wrongTime = await submit(users.officer, modalValues({ title: 'Batas SKP', text: 'Isi', when: 'once', at: 'besok pagi' }));
    expect(wrongTime.json).toMatchObject({ response_action: 'errors', errors: { [broadcastModal.at]: expect.stringContaining('2026-12-01 08:00') } });
    const wrongCron = await submit(users.officer, modalValues({ title: 'Batas SKP', text: 'Isi', when: 'cron', cron: '99 8 * * *' }));
    expect(wrongCron.json).toMatchObject({ response_action: 'errors', errors: { [broadcastModal.cron]: expect.stringContaining('cron') } });
    const stranger = await submit(users.stranger, modalValues({ title: 'Batas SKP', text: 'Isi' }));
    expect(stranger.json).toMatchObject({ response_action: 'errors' });
    expect(await db().broadcast.count()).toBe(0);
  });

  it('an officer’s broadcast waits for an HR lead; an officer cannot approve it, a lead can, and it goes out', async () => {
    const response = await submit(users.officer, modalValues({ title: 'Sosialisasi **PP 11/2017**', text: 'Hadir di aula pukul 09.00.', channels: channels.feedback, options: ['ack'] }));
    expect(response.status).toBe(200);
    const broadcast = await waitFor(() => db().broadcast.findFirst({ where: { title: 'Sosialisasi **PP 11/2017**' } }), 'the broadcast');
    expect(broadcast).toMatchObject({ status: 'pending_approval', needsAck: true, createdBy: `slack:${users.officer}` });
    await desk.settle();
    const request = desk.fake.history(channels.confidential).find((m) => blockText(m).includes(`Siaran #${broadcast.number}`))!;
    expect(actionIdsOf(request)).toEqual([broadcastActions.approve, broadcastActions.reject]);

    // Nothing goes out while it waits, however often the scheduler ticks.
    await desk.app.tickScheduler();
    expect(await db().broadcastRun.count({ where: { broadcastId: broadcast.id } })).toBe(0);

    await desk.send(desk.fake.blockAction({ user: users.officer, channel: channels.confidential, message_ts: request.ts, action_id: broadcastActions.approve, value: broadcast.id }));
    await desk.settle();
    expect((await db().broadcast.findUniqueOrThrow({ where: { id: broadcast.id } })).status).toBe('pending_approval');

    await desk.send(desk.fake.blockAction({ user: users.lead, channel: channels.confidential, message_ts: request.ts, action_id: broadcastActions.approve, value: broadcast.id }));
    await desk.settle();
    expect(await db().broadcast.findUniqueOrThrow({ where: { id: broadcast.id } })).toMatchObject({ status: 'scheduled', decidedBy: `slack:${users.lead}` });
    const decided = desk.fake.history(channels.confidential).find((m) => m.ts === request.ts)!;
    expect(blockText(decided)).toContain(`*disetujui* oleh <@${users.lead}>`);

    await desk.app.tickScheduler();
    await desk.settle();
    // The Slack channel got it as mrkdwn; the linked staff member's Telegram message is queued (no Telegram here).
    const posted = await waitFor(() => desk.fake.history(channels.feedback).find((m) => (m.text ?? '').includes('Hadir di aula')), 'the channel post');
    expect(posted.text).toContain('*Sosialisasi PP 11/2017*');
    const report = await desk.app.runtime.callerFor({ ref: 'test', role: 'hr_officer', employeeId: null, agencyId: desk.agencyId }).broadcasts.status({ broadcastId: broadcast.id });
    expect(report.total).toMatchObject({ recipients: 2, sent: 2, delivered: 1, pending: 1 });

    await desk.send(desk.fake.slashCommand({ user_id: users.officer, channel_id: channels.triage, command: '/layani', text: `siaran status ${broadcast.number}` }));
    await desk.settle();
    expect(lastEphemeral()).toContain(`*Siaran #${broadcast.number}`);
    expect(lastEphemeral()).toMatch(/2 penerima · terkirim 2 · diterima 1 · gagal 0 · antre 1 · dikonfirmasi 0/);

    await desk.send(desk.fake.slashCommand({ user_id: users.officer, channel_id: channels.triage, command: '/layani', text: 'siaran daftar' }));
    await desk.settle();
    expect(lastEphemeral()).toContain(`#${broadcast.number}`);
  });

  it('a lead’s own broadcast needs no approval; the App Home lists broadcasts for desk members only', async () => {
    await desk.send(desk.fake.slashCommand({ user_id: users.lead, channel_id: channels.confidential, command: '/layani', text: 'siaran' }));
    await desk.settle();
    const response = await submit(users.lead, modalValues({ title: 'Libur akhir tahun', text: 'Kantor tutup 31 Desember.', when: 'once', at: '2030-04-10 08:00' }));
    expect(response.status).toBe(200);
    const broadcast = await waitFor(() => db().broadcast.findFirst({ where: { title: 'Libur akhir tahun' } }), 'the broadcast');
    expect(broadcast.status).toBe('scheduled');
    expect(broadcast.runAt?.toISOString()).toBe('2030-04-10T01:00:00.000Z');

    await desk.send(desk.fake.eventCallback({ type: 'app_home_opened', user: users.officer, channel: 'D0HOME', tab: 'home', event_ts: '1.1' }));
    await desk.settle();
    const home = await waitFor(() => desk.fake.homeViews.get(users.officer), 'the App Home');
    expect(JSON.stringify(home)).toContain('Libur akhir tahun');
    await desk.send(desk.fake.eventCallback({ type: 'app_home_opened', user: users.stranger, channel: 'D0HOME2', tab: 'home', event_ts: '1.2' }));
    await desk.settle();
    expect(desk.fake.homeViews.get(users.stranger)).toBeUndefined();
  });
});
