/**
 * One deployment for a province: three agencies, each with its own desk in Slack, through the real grammY and Bolt
 * clients against the fakes. DKP is the default agency (its desk is the SLACK_*_CHANNEL settings), DINKES has its
 * desk in the database, and BKPSDMD is the province HR bureau.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../api/app.js';
import { broadcastModal } from '../../bots/slack/broadcast-blocks.js';
import { cardActions } from '../../bots/slack/ticket-card.js';
import { addAgency, setAgency } from '../../core/agencies/agency-service.js';
import { cliActor, type Actor } from '../../core/auth/actor.js';
import { createApiToken } from '../../core/auth/api-tokens.js';
import { fixedClock } from '../../core/clock/clock.js';
import { parseConfig } from '../../core/config/load-config.js';
import { defaultCorpusDir } from '../../core/faq/knowledge.js';
import { createLogger } from '../../core/logging/logger.js';
import { wibInstant } from '../../core/scheduling/jakarta-time.js';
import { FakeSlack, type SlackMessage } from '../fakes/fake-slack.js';
import { FakeTelegram } from '../fakes/fake-telegram.js';
import { employeeRecord } from '../support/employees.js';
import { blockText } from '../support/slack-desk.js';
import { textOf, until } from '../support/telegram-harness.js';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/test-databases.js';

const signingSecret = 'province-secret';
const desks = {
  DKP: { triage: 'C0DKPTRIASE', confidential: 'G0DKPRAHASIA', feedback: 'C0DKPSARAN' },
  DINKES: { triage: 'C0DINKESTRIASE', confidential: 'G0DINKESRAHASIA', feedback: 'C0DINKESSARAN' },
  BKPSDMD: { triage: 'C0BKDTRIASE', confidential: 'G0BKDRAHASIA', feedback: 'C0BKDSARAN' },
} as const;
type Code = keyof typeof desks;
const codes: Code[] = ['DKP', 'DINKES', 'BKPSDMD'];
const users = {
  dkpOfficer: 'U0DKPRINA',
  dinkesOfficer: 'U0DINKESSARI',
  /** In the triage channels of both DKP and DINKES. */
  twoDesks: 'U0DUAMEJA',
  provinceLead: 'U0BKDHENDRA',
} as const;
const staff: Record<Code, { nip: string; name: string; birthDate: string; telegram: { id: number; first_name: string } }> = {
  DKP: { nip: '198609262015051001', name: 'Budi Santoso', birthDate: '1986-09-26', telegram: { id: 910_001, first_name: 'Budi' } },
  DINKES: { nip: '199001152015051002', name: 'Andi Pratama', birthDate: '1990-01-15', telegram: { id: 910_002, first_name: 'Andi' } },
  BKPSDMD: { nip: '198805202015051003', name: 'Citra Dewi', birthDate: '1988-05-20', telegram: { id: 910_003, first_name: 'Citra' } },
};

describe.each(testDatabaseKinds)('several agencies in one deployment on %s', (kind) => {
  let telegram: FakeTelegram;
  let slack: FakeSlack;
  let database: TestDatabase;
  let app: App;
  let corpusDir: string;
  const agencyIds = {} as Record<Code, string>;
  const employeeIds = {} as Record<Code, string>;

  const db = () => app.runtime.db;
  const send = (body: Parameters<FakeSlack['signedRequest']>[1]) => slack.signedRequest(`${app.url}/slack/events`, body, { signingSecret });
  const slackIdle = async () => {
    const adapter = app.adapters.find((a) => a.name === 'slack') as unknown as { whenIdle(): Promise<void> };
    await adapter.whenIdle();
    await until(async () => (await db().outboxMessage.count({ where: { status: 'pending', nextAttemptAt: { lte: app.runtime.clock.now() } } })) === 0, 'the outbox to drain', 10_000);
  };
  const topLevel = (channel: string) => slack.sent(channel).filter((m) => !m.thread_ts || m.thread_ts === m.ts);
  const everyDeskChannel = () => codes.flatMap((code) => Object.values(desks[code]));
  const staffActor = (code: Code): Actor => ({ ref: `test:${code}`, role: 'staff', employeeId: employeeIds[code], agencyId: agencyIds[code] });
  const openTicket = async (code: Code, text: string) => app.runtime.callerFor(staffActor(code)).tickets.open({ category: 'kgb', text, attachments: [], lang: 'id' });
  const cardOf = (channel: string, number: number) => until(() => topLevel(channel).find((m) => blockText(m).includes(`Tiket #${number} `)), `ticket card #${number} in ${channel}`);
  const ticket = (id: string) => db().ticket.findUniqueOrThrow({ where: { id } });

  beforeAll(async () => {
    // The province corpus, and DINKES's own rule on annual leave (same id) in corpus/DINKES/.
    corpusDir = mkdtempSync(join(tmpdir(), 'layani-corpus-'));
    cpSync(defaultCorpusDir, corpusDir, { recursive: true });
    mkdirSync(join(corpusDir, 'DINKES'));
    const province = readFileSync(join(defaultCorpusDir, 'cuti-tahunan.md'), 'utf8');
    writeFileSync(
      join(corpusDir, 'DINKES', 'cuti-tahunan.md'),
      province.replace(/Cuti tahunan PNS diberikan selama 12 hari kerja dalam satu tahun\./, 'Cuti tahunan PNS diberikan selama 12 hari kerja dalam satu tahun. Di Dinas Kesehatan, tenaga kesehatan yang bertugas jaga mengajukan cuti tahunan paling lambat 14 hari sebelumnya melalui kepala puskesmas.'),
    );

    telegram = new FakeTelegram();
    slack = new FakeSlack({
      signingSecret,
      users: [
        { id: users.dkpOfficer, name: 'rina', real_name: 'Rina Lestari' },
        { id: users.dinkesOfficer, name: 'sari', real_name: 'Sari Wijaya' },
        { id: users.twoDesks, name: 'dua', real_name: 'Dua Meja' },
        { id: users.provinceLead, name: 'hendra', real_name: 'Hendra Pratama' },
      ],
      channels: [
        { id: desks.DKP.triage, name: 'dkp-triase', members: [users.dkpOfficer, users.twoDesks] },
        { id: desks.DKP.confidential, name: 'dkp-rahasia', is_private: true, members: [] },
        { id: desks.DKP.feedback, name: 'dkp-saran', members: [users.dkpOfficer] },
        { id: desks.DINKES.triage, name: 'dinkes-triase', members: [users.dinkesOfficer, users.twoDesks] },
        { id: desks.DINKES.confidential, name: 'dinkes-rahasia', is_private: true, members: [] },
        { id: desks.DINKES.feedback, name: 'dinkes-saran', members: [users.dinkesOfficer] },
        { id: desks.BKPSDMD.triage, name: 'bkpsdmd-triase', members: [users.provinceLead] },
        { id: desks.BKPSDMD.confidential, name: 'bkpsdmd-rahasia', is_private: true, members: [users.provinceLead] },
        { id: desks.BKPSDMD.feedback, name: 'bkpsdmd-saran', members: [users.provinceLead] },
      ],
    });
    await Promise.all([telegram.start(), slack.start()]);
    database = await createTestDatabase(kind);
    const config = parseConfig({
      DATABASE_URL: database.url,
      LOG_LEVEL: 'silent',
      PORT: '0',
      HOST: '127.0.0.1',
      DEFAULT_AGENCY_CODE: 'DKP',
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.url,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: slack.apiUrl,
      // The default agency's desk stays in the environment, as before agencies had desks of their own.
      SLACK_TRIAGE_CHANNEL: desks.DKP.triage,
      SLACK_CONFIDENTIAL_CHANNEL: desks.DKP.confidential,
      SLACK_FEEDBACK_CHANNEL: desks.DKP.feedback,
      FAQ_CORPUS_DIR: corpusDir,
    });
    // Tuesday 9 April 2030, 08.00 WIB: a business day.
    app = await startApp(config, { clock: fixedClock('2030-04-09T01:00:00Z'), schedule: false, outboxPollMs: 30, log: createLogger(process.env.LAYANI_TEST_LOG_LEVEL ?? 'silent'), watchCorpus: false });
    const deps = { db: app.runtime.db, agencies: app.runtime.settings.agencies };
    await addAgency(deps, cliActor, 'DINKES', 'Dinas Kesehatan Provinsi Kepulauan Bangka Belitung', {
      triageChannel: desks.DINKES.triage,
      confidentialChannel: desks.DINKES.confidential,
      feedbackChannel: desks.DINKES.feedback,
    });
    await addAgency(deps, cliActor, 'BKPSDMD', 'Badan Kepegawaian dan Pengembangan SDM Daerah', {
      triageChannel: desks.BKPSDMD.triage,
      confidentialChannel: desks.BKPSDMD.confidential,
      feedbackChannel: desks.BKPSDMD.feedback,
      province: true,
    });
    const admin = app.runtime.callerFor(cliActor);
    for (const code of codes) {
      const person = staff[code];
      const { employee } = await admin.records.upsert({ record: employeeRecord({ nip: person.nip, name: person.name, birthDate: person.birthDate }), agencyCode: code });
      employeeIds[code] = employee.id;
      agencyIds[code] = (await db().agency.findUniqueOrThrow({ where: { code } })).id;
      const { code: linkCode } = await admin.identity.issueLinkCode({ nip: person.nip });
      telegram.userSends(person.telegram, `/start ${linkCode}`);
      await until(() => telegram.sent(person.telegram.id).some((m) => textOf(m)?.includes(`Selamat datang, ${person.name}`)), `${code}'s greeting`);
    }
  });
  afterAll(async () => {
    await app?.stop();
    await Promise.all([telegram?.stop(), slack?.stop()]);
    await database?.drop();
    if (corpusDir) rmSync(corpusDir, { recursive: true, force: true });
  });

  it("puts each agency's tickets, feedback and digest only in its own channels", async () => {
    const opened = {} as Record<Code, { ticketId: string; number: number }>;
    for (const code of codes) opened[code] = await openTicket(code, `KGB saya belum naik (${code})`);
    for (const code of codes) {
      await app.runtime.callerFor(staffActor(code)).feedback.submit({ kind: 'masukan', text: `Mohon ruang laktasi (${code})`, anonymous: true });
    }
    await app.tickScheduler(wibInstant('2030-04-09', 7, 31));
    await app.tickScheduler(wibInstant('2030-04-09', 7, 32));
    await slackIdle();

    for (const code of codes) {
      const card = await cardOf(desks[code].triage, opened[code].number);
      expect(blockText(card)).toContain(`KGB saya belum naik (${code})`);
      const everywhere = everyDeskChannel().flatMap((channel) => slack.sent(channel).map((m) => ({ channel, m })));
      const mentions = (needle: string) => everywhere.filter(({ m }) => JSON.stringify(m).includes(needle)).map(({ channel }) => channel);
      // The ticket (card and its thread) only in the agency's triage channel.
      expect(new Set(mentions(`KGB saya belum naik (${code})`))).toEqual(new Set([desks[code].triage]));
      expect(mentions(`Mohon ruang laktasi (${code})`)).toEqual([desks[code].feedback]);
      // One digest per agency, in its own triage channel, counting its own staff (one each).
      const digests = slack.sent(desks[code].triage).filter((m: SlackMessage) => (m.text ?? '').includes('Ringkasan harian kepegawaian'));
      expect(digests).toHaveLength(1);
      expect(digests[0]!.text).toContain('dari 1 pegawai aktif');
    }
    for (const channel of [desks.DKP.confidential, desks.DINKES.confidential, desks.BKPSDMD.confidential]) expect(slack.sent(channel)).toHaveLength(0);
  });

  it("never lets an HR member of DINKES act on a DKP card: button, thread reply, slash command or tRPC", async () => {
    const { ticketId, number } = await openTicket('DKP', 'Mohon cek masa kerja golongan saya');
    const card = await cardOf(desks.DKP.triage, number);
    // What the clicker is told privately (an ephemeral message, or through the action's response_url).
    const told = () => [...slack.ephemerals.filter((e) => e.user === users.dinkesOfficer).map((e) => String(e.text)), ...slack.responses.map((r) => String(r.body.text))];
    let before = told().length;

    // Button on the card in DKP's channel.
    await send(slack.blockAction({ user: users.dinkesOfficer, channel: desks.DKP.triage, message_ts: card.ts!, action_id: cardActions.claim, value: ticketId }));
    // The same card's ts, claimed as if from DINKES's own channel: no card of DINKES has that ts.
    await send(slack.blockAction({ user: users.dinkesOfficer, channel: desks.DINKES.triage, message_ts: card.ts!, action_id: cardActions.resolve, value: ticketId }));
    await slackIdle();
    const answers = told().slice(before);
    // Told privately, each (an ephemeral attempt to a non-member may also be answered through response_url).
    expect(answers.some((text) => /tidak berwenang/.test(text))).toBe(true);
    expect(answers.some((text) => /tidak terhubung ke tiket/.test(text))).toBe(true);
    // A reply in the card's thread.
    await send(slack.messageEvent({ channel: desks.DKP.triage, user: users.dinkesOfficer, thread_ts: card.ts!, text: 'Sudah kami proses dari Dinkes.' }));
    await slackIdle();
    expect(await ticket(ticketId)).toMatchObject({ status: 'baru', assigneeRef: null, firstResponseAt: null });
    expect(telegram.sent(staff.DKP.telegram.id).some((m) => textOf(m)?.includes('Sudah kami proses dari Dinkes'))).toBe(false);

    // Slash command: refused in DKP's channel; in DINKES's own channel it sees DINKES's queue only.
    before = slack.responses.length;
    await send(slack.slashCommand({ user_id: users.dinkesOfficer, channel_id: desks.DKP.triage, command: '/layani', text: 'tiket' }));
    await send(slack.slashCommand({ user_id: users.dinkesOfficer, channel_id: desks.DINKES.triage, command: '/layani', text: 'tiket' }));
    await slackIdle();
    const [refused, ownQueue] = slack.responses.slice(before).map((r) => String(r.body.text));
    expect(refused).toMatch(/tidak berwenang/);
    expect(ownQueue).toContain('KGB saya belum naik (DINKES)');
    expect(ownQueue).not.toContain('masa kerja golongan');

    // Someone in both desks acts for the agency whose channel they are in, and must say which when elsewhere.
    await send(slack.blockAction({ user: users.twoDesks, channel: desks.DKP.triage, message_ts: card.ts!, action_id: cardActions.claim, value: ticketId }));
    before = slack.responses.length;
    await send(slack.slashCommand({ user_id: users.twoDesks, channel_id: 'D0DUAMEJA', command: '/layani', text: 'tiket' }));
    await slackIdle();
    expect(await ticket(ticketId)).toMatchObject({ status: 'ditangani', assigneeRef: users.twoDesks });
    expect(String(slack.responses.at(before)?.body.text)).toMatch(/beberapa instansi \(DINKES, DKP\)/);

    // tRPC: a DINKES officer's token cannot see or handle the DKP ticket; the province token reads it but cannot act.
    const trpc = async (token: string, path: string, input: unknown, mutation = false) => {
      const url = `${app.url}/trpc/${path}${mutation ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`;
      const response = await fetch(url, {
        method: mutation ? 'POST' : 'GET',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(mutation ? { body: JSON.stringify(input) } : {}),
      });
      return { status: response.status, body: (await response.json()) as { result?: { data?: unknown }; error?: { message?: string } } };
    };
    const dinkes = await createApiToken(db(), { name: 'dinkes', role: 'hr_officer', agencyId: agencyIds.DINKES });
    const province = await createApiToken(db(), { name: 'bkpsdmd', role: 'hr_lead', agencyId: agencyIds.BKPSDMD });
    expect((await trpc(dinkes.token, 'tickets.view', { ticketId })).status).toBe(404);
    expect((await trpc(dinkes.token, 'tickets.reply', { ticketId, text: 'dari token Dinkes' }, true)).status).toBe(404);
    expect((await trpc(dinkes.token, 'agencies.overview', { days: 30 })).status).toBe(403);
    expect((await trpc(province.token, 'tickets.view', { ticketId })).status).toBe(200);
    expect((await trpc(province.token, 'tickets.resolve', { ticketId }, true)).status).toBe(404);
    const overview = await trpc(province.token, 'agencies.overview', { days: 30 });
    expect(overview.status).toBe(200);
    expect((overview.body.result?.data as Array<{ code: string }>).map((row) => row.code)).toEqual(['BKPSDMD', 'DINKES', 'DKP']);
    expect((await ticket(ticketId)).status).toBe('ditangani');
  });

  it('sends a province broadcast to all three agencies and an agency broadcast to its own staff only', async () => {
    const province: Actor = { ref: `slack:${users.provinceLead}`, role: 'hr_lead', employeeId: null, agencyId: agencyIds.BKPSDMD, province: true };
    const dinkes: Actor = { ref: `slack:${users.dinkesOfficer}`, role: 'hr_officer', employeeId: null, agencyId: agencyIds.DINKES };
    // DINKES's own Telegram group gets what goes to all its staff.
    const dinkesGroup = -1_001_234_567_890;
    await setAgency({ db: db(), agencies: app.runtime.settings.agencies }, cliActor, 'DINKES', { telegramGroups: [String(dinkesGroup)] });
    const wide = await app.runtime.callerFor(province).broadcasts.create({ title: 'Seleksi JPT Pratama 2030', text: 'Pendaftaran dibuka untuk semua instansi.', audience: { everyone: true, province: true }, needsAck: true });
    const own = await app.runtime.callerFor(dinkes).broadcasts.create({ title: 'Vaksinasi pegawai Dinkes', text: 'Jadwal vaksinasi pegawai.', audience: { everyone: true } });
    // An agency's HR cannot address other agencies.
    await expect(app.runtime.callerFor(dinkes).broadcasts.create({ title: 'Ke semua', text: 'x', audience: { everyone: true, province: true } })).rejects.toThrow(/Hanya BKPSDMD/);
    await app.tickScheduler();
    for (const code of codes) {
      await until(() => telegram.sent(staff[code].telegram.id).some((m) => textOf(m)?.includes('Seleksi JPT Pratama 2030')), `the province broadcast at ${code}`, 10_000);
    }
    await until(() => telegram.sent(staff.DINKES.telegram.id).some((m) => textOf(m)?.includes('Vaksinasi pegawai Dinkes')), 'the DINKES broadcast', 10_000);
    await slackIdle();
    for (const code of ['DKP', 'BKPSDMD'] as const) expect(telegram.sent(staff[code].telegram.id).some((m) => textOf(m)?.includes('Vaksinasi pegawai Dinkes'))).toBe(false);
    const inGroup = (title: string) => telegram.sent(dinkesGroup).filter((m) => textOf(m)?.includes(title)).length;
    await until(() => inGroup('Vaksinasi pegawai Dinkes') === 1 && inGroup('Seleksi JPT Pratama 2030') === 1, "DINKES's group to get both broadcasts", 10_000);
    expect(await db().broadcastDelivery.count({ where: { broadcastId: wide.broadcastId } })).toBe(4);
    expect(await db().broadcastDelivery.count({ where: { broadcastId: own.broadcastId } })).toBe(2);

    // A DKP employee confirms the province broadcast: it is theirs too, and counts in DKP's line of the roll-up.
    await app.runtime.callerFor(staffActor('DKP')).broadcasts.acknowledge({ broadcastId: wide.broadcastId });
    const before = slack.responses.length;
    await send(slack.slashCommand({ user_id: users.provinceLead, channel_id: desks.BKPSDMD.triage, command: '/layani', text: 'statistik provinsi' }));
    await slackIdle();
    const rollUp = String(slack.responses.at(before)?.body.text);
    for (const code of codes) expect(rollUp).toContain(`*${code}*`);
    expect(rollUp).toMatch(/\*DKP\*: .*· 100% \(1\/1\)/);
    expect(rollUp).toMatch(/\*DINKES\*: .*· 0% \(0\/1\)/);
  });

  it('opens the broadcast form for the whole province only for the province bureau, and refuses a forged one', async () => {
    const compose = async (user: string, channel: string, text: string) => {
      const [viewsBefore, responsesBefore] = [slack.openedViews.length, slack.responses.length];
      await send(slack.slashCommand({ user_id: user, channel_id: channel, command: '/layani', text }));
      await slackIdle();
      const opened = slack.openedViews.slice(viewsBefore).at(-1) as { private_metadata?: string } | undefined;
      return { metadata: opened?.private_metadata, answer: String(slack.responses.at(responsesBefore)?.body.text ?? '') };
    };
    expect((await compose(users.dinkesOfficer, desks.DINKES.triage, 'siaran provinsi')).answer).toMatch(/Hanya BKPSDMD/);
    const opened = await compose(users.provinceLead, desks.BKPSDMD.triage, 'siaran provinsi');
    expect(JSON.parse(opened.metadata!)).toEqual({ channel: desks.BKPSDMD.triage, province: true, agencies: [] });

    const values = (title: string) => {
      const text = (id: string, value: string | null) => ({ [id]: { [id]: { type: 'plain_text_input', value } } });
      const select = (id: string, value: string) => ({ [id]: { [id]: { type: 'static_select', selected_option: { value } } } });
      return {
        ...text(broadcastModal.title, title), ...text(broadcastModal.text, 'Formasi dibuka untuk semua instansi.'),
        ...select(broadcastModal.audience, 'everyone'), ...text(broadcastModal.units, null), ...text(broadcastModal.golongan, null),
        ...text(broadcastModal.nips, null), ...text(broadcastModal.channels, null), ...select(broadcastModal.when, 'now'),
        ...text(broadcastModal.at, null), ...text(broadcastModal.cron, null),
        [broadcastModal.options]: { [broadcastModal.options]: { type: 'checkboxes', selected_options: [] } },
      };
    };
    const accepted = await send(slack.viewSubmission({ user: users.provinceLead, callback_id: broadcastModal.callbackId, private_metadata: opened.metadata!, values: values('Formasi PPPK 2030') }));
    expect(accepted.status).toBe(200);
    const stored = await until(() => db().broadcast.findFirst({ where: { title: 'Formasi PPPK 2030' } }), 'the province broadcast');
    expect(stored.agencyId).toBe(agencyIds.BKPSDMD);
    expect(JSON.parse(stored.audience)).toMatchObject({ everyone: true, province: true });
    // The same form data posted by a DINKES officer from DINKES's channel is refused under the audience field.
    const forged = await send(slack.viewSubmission({ user: users.dinkesOfficer, callback_id: broadcastModal.callbackId, private_metadata: JSON.stringify({ channel: desks.DINKES.triage, province: true, agencies: [] }), values: values('Formasi palsu') }));
    expect(forged.json).toMatchObject({ response_action: 'errors', errors: { [broadcastModal.audience]: expect.stringMatching(/Hanya BKPSDMD/) } });
    expect(await db().broadcast.count({ where: { title: 'Formasi palsu' } })).toBe(0);
  });

  it('lets only the province admins manage agencies from Slack, and gives an agency its link-code sheet in a direct message', async () => {
    const layani = async (user: string, channel: string, text: string) => {
      const before = slack.responses.length;
      await send(slack.slashCommand({ user_id: user, channel_id: channel, command: '/layani', text }));
      await slackIdle();
      return String(slack.responses.at(before)?.body.text);
    };
    expect(await layani(users.dinkesOfficer, desks.DINKES.triage, 'instansi tambah DISDIK Dinas Pendidikan')).toMatch(/Hanya admin provinsi/);
    expect(await layani(users.provinceLead, desks.BKPSDMD.triage, 'instansi tambah DISDIK Dinas Pendidikan Provinsi Kepulauan Bangka Belitung')).toMatch(/Instansi \*DISDIK\* terdaftar/);
    expect(await layani(users.provinceLead, desks.BKPSDMD.triage, 'instansi atur DISDIK triase <#C0DKPTRIASE|dkp-triase>')).toMatch(/sudah menjadi meja layanan instansi DKP/);
    expect(await layani(users.provinceLead, desks.BKPSDMD.triage, 'instansi atur DISDIK triase <#C0DISDIKTRIASE|disdik-triase> pimpinan <#G0DISDIKRAHASIA|disdik-rahasia> sla 120/960')).toMatch(/Meja \*DISDIK\* diperbarui/);
    expect(await db().agency.findUniqueOrThrow({ where: { code: 'DISDIK' } })).toMatchObject({ triageChannel: 'C0DISDIKTRIASE', confidentialChannel: 'G0DISDIKRAHASIA', firstResponseMinutes: 120, resolutionMinutes: 960 });
    // An agency's HR sees its own agency only; the province sees them all.
    expect(await layani(users.dinkesOfficer, desks.DINKES.triage, 'instansi')).not.toContain('*DKP*');
    expect(await layani(users.provinceLead, desks.BKPSDMD.triage, 'instansi')).toMatch(/\*DISDIK\*[\s\S]*\*DKP\*/);

    // Two DINKES staff not linked yet: one sheet for them, to the asker only.
    const admin = app.runtime.callerFor(cliActor);
    for (const [nip, name] of [['199203102019032004', 'Dewi Lestari'], ['199107072019031005', 'Eko Saputra']] as const) {
      await admin.records.upsert({ record: employeeRecord({ nip, name, birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`, unit: 'Bidang Farmasi' }), agencyCode: 'DINKES' });
    }
    const uploadsBefore = new Set(slack.uploads.keys());
    expect(await layani(users.dinkesOfficer, desks.DINKES.triage, 'tautkan semua')).toMatch(/2 kode tautan dibuat untuk DINKES; lembar PDF dan CSV dikirim lewat pesan langsung/);
    const sheets = [...slack.uploads.entries()].filter(([id, upload]) => !uploadsBefore.has(id) && upload.completed).map(([, upload]) => upload);
    expect(sheets.map((u) => u.filename.split('.').at(-1)).sort()).toEqual(['csv', 'pdf']);
    for (const sheet of sheets) expect(sheet.channel_id).toMatch(/^D/);
    const csv = sheets.find((u) => u.filename.endsWith('.csv'))!.bytes!.toString('utf8');
    expect(csv).toContain('Dewi Lestari');
    expect(csv).toContain('Eko Saputra');
    expect(csv).not.toContain(staff.DINKES.nip);
    expect(sheets.find((u) => u.filename.endsWith('.pdf'))!.bytes!.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await layani(users.dinkesOfficer, desks.DINKES.triage, 'tautkan semua')).toMatch(/Tidak ada kode baru untuk DINKES\. Dilewati: 1 sudah tertaut, 2 masih memegang kode yang berlaku/);
  });

  it("answers DINKES staff from DINKES's own document and everyone else from the province's, citing which applies", async () => {
    const ask = async (code: Code) => {
      telegram.userSends(staff[code].telegram, '/tanya cuti tahunan berapa hari');
      const answer = await until(() => [...telegram.sent(staff[code].telegram.id)].reverse().find((m) => textOf(m)?.includes('Sumber')), `${code}'s answer`, 10_000);
      return textOf(answer)!;
    };
    const dinkes = await ask('DINKES');
    const dkp = await ask('DKP');
    const bkpsdmd = await ask('BKPSDMD');
    expect(dinkes).toContain('Cuti Tahunan PNS (ketentuan DINKES)');
    for (const answer of [dkp, bkpsdmd]) {
      expect(answer).toContain('Cuti Tahunan PNS');
      expect(answer).not.toContain('ketentuan DINKES');
      expect(answer).not.toContain('kepala puskesmas');
    }
  });
});
