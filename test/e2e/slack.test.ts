/**
 * The Slack desk end to end: LAYANI started with startApp, the real Bolt and WebClient, FakeSlack as Slack.
 * Tickets are opened through the core as a staff member (as the Telegram bot would); Telegram is not configured,
 * so its outbox rows wait and their payloads are checked instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../bots/slack/index.js';
import { cardActions } from '../../bots/slack/ticket-card.js';
import { systemActor } from '../../core/auth/actor.js';
import { enqueue } from '../../core/outbox/enqueue.js';
import type { Attachment } from '../../core/outbox/outbox-intent.js';
import { testDatabaseKinds } from '../support/test-databases.js';
import {
  actionIdsOf,
  blockText,
  cardsOf,
  channels,
  selectAction,
  selectOptions,
  sleep,
  staffChatId,
  startSlackDesk,
  users,
  waitFor,
  type SlackDesk,
} from '../support/slack-desk.js';

const minute = 60_000;

describe.each(testDatabaseKinds)('Slack desk on %s', (kind) => {
  let desk: SlackDesk;

  beforeAll(async () => {
    desk = await startSlackDesk(kind);
  });
  afterAll(async () => desk?.stop());

  /** Opens a ticket and waits until its card and the staff message are in Slack. */
  async function ticketWithCard(category: Parameters<SlackDesk['openTicket']>[0] = 'cuti', text = 'Mohon info sisa cuti tahunan saya.', attachments: Attachment[] = []) {
    const opened = await desk.openTicket(category, text, attachments);
    await desk.settle();
    const ticket = await desk.app.runtime.db.ticket.findUniqueOrThrow({ where: { id: opened.ticketId } });
    expect(ticket.slackTs).toBeTruthy();
    return { ...opened, channel: ticket.slackChannel!, ts: ticket.slackTs! };
  }

  const card = (channel: string, number: number) => {
    const cards = cardsOf(desk.fake, channel, number);
    expect(cards).toHaveLength(1);
    return cards[0]!;
  };

  const telegramRows = async (kind?: string) => {
    const rows = await desk.app.runtime.db.outboxMessage.findMany({ where: { channel: 'telegram', ...(kind ? { kind } : {}) }, orderBy: { createdAt: 'asc' } });
    return rows.map((row) => JSON.parse(row.payload) as Record<string, unknown>);
  };

  const ticketRow = (ticketId: string) => desk.app.runtime.db.ticket.findUniqueOrThrow({ where: { id: ticketId } });

  it('posts one card to triage with the requester, SLA times and controls, then the staff text in its thread', async () => {
    const { ticketId, number, ts } = await ticketWithCard('cuti', 'Sisa cuti <b>2029</b> & 2030 berapa?');
    const posted = card(channels.triage, number);
    expect(posted.ts).toBe(ts);
    const text = blockText(posted);
    for (const expected of ['Budi Santoso', 'Sekretariat', 'III/b · Penata Muda Tingkat I', 'Analis Kepegawaian', 'Cuti', 'Normal', 'Baru']) {
      expect(text).toContain(expected);
    }
    // Cuti: first response in 120 business minutes; resolution in 900 (Tue 08.00–16.00 = 480, Wed 07.30 + 420).
    expect(text).toContain('Selasa, 9 Apr 2030 10.00 WIB');
    expect(text).toContain('Rabu, 10 Apr 2030 14.30 WIB');
    expect(text).not.toMatch(/⚠️|🔴/);
    expect(actionIdsOf(posted)).toEqual([cardActions.claim, cardActions.category, cardActions.priority, cardActions.resolve]);
    expect(selectOptions(posted, cardActions.category)).not.toContain('masalah_atasan_rekan');
    expect(selectOptions(posted, cardActions.category)).toContain('kgb');

    const thread = desk.fake.thread(channels.triage, ts);
    expect(thread.map((m) => m.text)).toEqual(['*Budi Santoso*: Sisa cuti &lt;b&gt;2029&lt;/b&gt; &amp; 2030 berapa?']);
    expect(desk.fake.sent(channels.confidential)).toHaveLength(0);
    expect((await ticketRow(ticketId)).slackChannel).toBe(channels.triage);
    // The staff member got an acknowledgement on Telegram (waiting in the outbox: Telegram is not configured here).
    expect((await telegramRows('telegram.text')).some((p) => String(p.text).includes(`#${number}`))).toBe(true);
  });

  it('claim via a signed button click updates the card in place and records the assignee', async () => {
    const { ticketId, number, ts } = await ticketWithCard();
    const updatesBefore = desk.fake.callsTo('chat.update').length;
    const click = await desk.send(desk.fake.blockAction({ user: users.officer, channel: channels.triage, message_ts: ts, action_id: cardActions.claim, value: ticketId }));
    expect(click.status).toBe(200);
    await desk.settle();

    expect((await ticketRow(ticketId)).assigneeRef).toBe(users.officer);
    expect((await ticketRow(ticketId)).status).toBe('ditangani');
    const updated = card(channels.triage, number);
    expect(updated.ts).toBe(ts);
    expect(blockText(updated)).toContain(`<@${users.officer}>`);
    expect(blockText(updated)).toContain('Ditangani');
    expect(desk.fake.callsTo('chat.update').slice(updatesBefore).filter((c) => c.params.ts === ts).length).toBeGreaterThanOrEqual(1);
    expect(desk.fake.thread(channels.triage, ts).at(-1)?.text).toBe(`<@${users.officer}> mengambil tiket ini.`);
  });

  it('an HR thread reply reaches the requester on Telegram as plain text, without Slack ids, with Slack files', async () => {
    const { ticketId, number, ts } = await ticketWithCard();
    const before = (await telegramRows('telegram.text')).length;
    const bytes = Buffer.from('\x89PNG fake image bytes');
    const reply = desk.fake.messageEvent({
      channel: channels.triage,
      user: users.officer,
      thread_ts: ts,
      text: `Sudah dicek bersama <@${users.officer2}>, isi <https://sipeg.example.go.id/cuti|formulir cuti> ya &amp; kirim &lt;hari ini&gt;.`,
      files: [{ name: 'panduan.png', bytes, mimetype: 'image/png' }],
    });
    expect((await desk.send(reply)).status).toBe(200);
    await desk.settle();

    const rows = await telegramRows('telegram.text');
    expect(rows).toHaveLength(before + 1);
    const sent = rows.at(-1)!;
    expect(sent.chatId).toBe(staffChatId);
    expect(sent.text).toContain(`tiket #${number}`);
    expect(sent.text).toContain('Sudah dicek bersama @Sari, isi formulir cuti (https://sipeg.example.go.id/cuti) ya & kirim <hari ini>.');
    expect(JSON.stringify(sent)).not.toMatch(/U0[A-Z0-9]+/);
    const [attachment] = sent.attachments as Attachment[];
    expect(attachment).toMatchObject({ source: 'slack', fileName: 'panduan.png', mimeType: 'image/png', kind: 'photo' });
    expect(attachment!.url).toContain('/files-pri/');
    // The Telegram side downloads it through the Slack adapter, with the bot token.
    const fetched = await desk.slack.fetchAttachment(attachment!);
    expect(fetched.bytes.equals(bytes)).toBe(true);

    const ticket = await ticketRow(ticketId);
    expect(ticket.status).toBe('menunggu_pegawai');
    expect(ticket.firstResponseAt).not.toBeNull();
  });

  it('a `catatan:` reply is kept as an internal note and nothing goes to Telegram', async () => {
    const { ticketId, ts } = await ticketWithCard();
    const before = (await telegramRows()).length;
    const ephemeralsBefore = desk.fake.ephemerals.length;
    await desk.send(desk.fake.messageEvent({ channel: channels.triage, user: users.officer2, thread_ts: ts, text: 'Catatan: pegawai ini sudah telepon kemarin.' }));
    await desk.settle();
    expect(await telegramRows()).toHaveLength(before);
    expect(desk.fake.ephemerals.slice(ephemeralsBefore)).toMatchObject([{ user: users.officer2, thread_ts: ts, via: 'chat.postEphemeral', text: expect.stringMatching(/tidak dikirim ke pegawai/) }]);
    const notes = await desk.app.runtime.db.ticketMessage.findMany({ where: { ticketId, direction: 'note' } });
    expect(notes.map((n) => n.text)).toEqual(['pegawai ini sudah telepon kemarin.']);
    expect((await ticketRow(ticketId)).firstResponseAt).toBeNull();
  });

  it('a confidential ticket is carded only in the confidential channel and a triage-only member cannot act on it', async () => {
    const triageCardsBefore = desk.fake.sent(channels.triage).length;
    const { ticketId, number, ts, channel } = await ticketWithCard('masalah_atasan_rekan', 'Saya mengalami perundungan oleh atasan.');
    expect(channel).toBe(channels.confidential);
    const posted = card(channels.confidential, number);
    expect(blockText(posted)).toContain('Rahasia');
    expect(selectOptions(posted, cardActions.category)).toEqual(['masalah_atasan_rekan']);
    expect(desk.fake.sent(channels.triage)).toHaveLength(triageCardsBefore);
    expect(cardsOf(desk.fake, channels.triage, number)).toHaveLength(0);
    expect(desk.fake.thread(channels.confidential, ts)).toHaveLength(1);

    const ephemeralsBefore = desk.fake.ephemerals.length;
    await desk.send(desk.fake.blockAction({ user: users.officer, channel: channels.confidential, message_ts: ts, action_id: cardActions.claim, value: ticketId }));
    await desk.settle();
    const refusal = desk.fake.ephemerals.slice(ephemeralsBefore);
    expect(refusal).toHaveLength(1);
    expect(refusal[0]).toMatchObject({ user: users.officer });
    expect(refusal[0]!.text).toMatch(/tidak berwenang/);
    expect((await ticketRow(ticketId)).assigneeRef).toBeNull();

    // The HR lead can.
    await desk.send(desk.fake.blockAction({ user: users.lead, channel: channels.confidential, message_ts: ts, action_id: cardActions.claim, value: ticketId }));
    await desk.settle();
    expect((await ticketRow(ticketId)).assigneeRef).toBe(users.lead);
    expect(blockText(card(channels.confidential, number))).toContain(`<@${users.lead}>`);
  });

  it('category and priority menus change the ticket; the core refuses a confidential category with an ephemeral message', async () => {
    const { ticketId, number, ts } = await ticketWithCard();
    await desk.send(selectAction(desk.fake, { user: users.officer, channel: channels.triage, message_ts: ts, action_id: cardActions.category, value: 'kgb' }));
    await desk.send(selectAction(desk.fake, { user: users.officer, channel: channels.triage, message_ts: ts, action_id: cardActions.priority, value: 'mendesak' }));
    await desk.settle();
    const ticket = await ticketRow(ticketId);
    expect(ticket).toMatchObject({ category: 'kgb', priority: 'mendesak' });
    const text = blockText(card(channels.triage, number));
    expect(text).toContain('Kenaikan gaji berkala (KGB)');
    expect(text).toContain('Mendesak');

    const ephemeralsBefore = desk.fake.ephemerals.length;
    await desk.send(selectAction(desk.fake, { user: users.officer, channel: channels.triage, message_ts: ts, action_id: cardActions.category, value: 'masalah_atasan_rekan' }));
    await desk.settle();
    expect((await ticketRow(ticketId)).category).toBe('kgb');
    const answer = desk.fake.ephemerals.slice(ephemeralsBefore);
    expect(answer.map((e) => e.text)).toEqual(['Kategori rahasia tidak dapat ditukar dengan kategori biasa: buat tiket baru di kanal yang sesuai.']);
  });

  it('resolve updates the card and asks the requester for a rating; reopen brings it back', async () => {
    const { ticketId, number, ts } = await ticketWithCard();
    const prompts = (await telegramRows('telegram.csatPrompt')).length;
    await desk.send(desk.fake.blockAction({ user: users.officer, channel: channels.triage, message_ts: ts, action_id: cardActions.resolve, value: ticketId }));
    await desk.settle();
    expect((await ticketRow(ticketId)).status).toBe('selesai');
    const resolved = card(channels.triage, number);
    expect(resolved.ts).toBe(ts);
    expect(blockText(resolved)).toContain('Selesai');
    expect(actionIdsOf(resolved)).toEqual([cardActions.reopen, cardActions.faqDraft]);
    const csat = await telegramRows('telegram.csatPrompt');
    expect(csat).toHaveLength(prompts + 1);
    expect(csat.at(-1)).toMatchObject({ chatId: staffChatId, ticketId, ticketNumber: number });

    await desk.send(desk.fake.blockAction({ user: users.officer2, channel: channels.triage, message_ts: ts, action_id: cardActions.reopen, value: ticketId }));
    await desk.settle();
    expect((await ticketRow(ticketId)).status).toBe('ditangani');
    const reopened = card(channels.triage, number);
    expect(blockText(reopened)).toContain('Ditangani');
    expect(actionIdsOf(reopened)).toContain(cardActions.resolve);
    expect((await telegramRows('telegram.text')).at(-1)?.text).toContain(`Tiket #${number} dibuka kembali`);

    // CSAT shows on the card once the requester rated.
    await desk.app.runtime.callerFor(desk.staff).tickets.rate({ ticketId, rating: 4 });
    await desk.settle();
    expect(blockText(card(channels.triage, number))).toContain('★★★★☆ (4/5)');
  });

  it('SLA: 80% of the first-response time marks the card ⚠️ and mentions the assignee, a breach marks it 🔴, each once', async () => {
    const { ticketId, number, ts } = await ticketWithCard('presensi', 'Presensi saya tanggal 8 tidak tercatat.');
    await desk.send(desk.fake.blockAction({ user: users.officer2, channel: channels.triage, message_ts: ts, action_id: cardActions.claim, value: ticketId }));
    await desk.settle();
    const opened = (await ticketRow(ticketId)).createdAt.getTime();

    desk.clock.set(new Date(opened + 100 * minute)); // presensi: first response within 120 business minutes
    await desk.app.tickDeskClock();
    await desk.settle();
    await desk.app.tickDeskClock();
    await desk.settle();
    let thread = desk.fake.thread(channels.triage, ts).map((m) => m.text ?? '');
    expect(thread.filter((t) => t.includes('⚠️'))).toEqual([`<@${users.officer2}> ⚠️ 80% waktu tanggapan pertama sudah terpakai (tiket #${number}).`]);
    expect(blockText(card(channels.triage, number))).toMatch(/10\.00 WIB ⚠️/);

    desk.clock.set(new Date(opened + 125 * minute));
    await desk.app.tickDeskClock();
    await desk.settle();
    await desk.app.tickDeskClock();
    await desk.settle();
    thread = desk.fake.thread(channels.triage, ts).map((m) => m.text ?? '');
    expect(thread.filter((t) => t.includes('⚠️'))).toHaveLength(1);
    expect(thread.filter((t) => t.includes('🔴'))).toEqual([`<@${users.officer2}> 🔴 Batas waktu tanggapan pertama terlewati (tiket #${number}).`]);
    expect(blockText(card(channels.triage, number))).toMatch(/10\.00 WIB 🔴/);
  });

  it('refuses a forged signature and a stale timestamp with 401 and changes nothing', async () => {
    const { ticketId, ts } = await ticketWithCard();
    const rows = (await telegramRows()).length;
    const forged = await desk.send(desk.fake.messageEvent({ channel: channels.triage, user: users.officer, thread_ts: ts, text: 'palsu' }), { forgeSignature: true });
    expect(forged.status).toBe(401);
    const stale = await desk.send(desk.fake.blockAction({ user: users.officer, channel: channels.triage, message_ts: ts, action_id: cardActions.claim, value: ticketId }), {
      timestamp: Math.floor(Date.now() / 1000) - 600,
    });
    expect(stale.status).toBe(401);
    await desk.settle();
    expect(await telegramRows()).toHaveLength(rows);
    const ticket = await ticketRow(ticketId);
    expect(ticket.assigneeRef).toBeNull();
    expect(await desk.app.runtime.db.ticketMessage.count({ where: { ticketId, direction: { not: 'staff' } } })).toBe(0);
  });

  it("answers Slack's URL verification and refuses other methods on /slack/events", async () => {
    const verified = await desk.send({ kind: 'json', body: { token: 'x', challenge: 'tantangan-123', type: 'url_verification' } });
    expect(verified.status).toBe(200);
    expect(verified.json).toEqual({ challenge: 'tantangan-123' });
    const unsigned = await fetch(desk.eventsUrl, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(unsigned.status).toBe(401);
    expect((await fetch(desk.eventsUrl)).status).toBe(405);
  });

  it('refuses a Slack user outside the desk channels with an ephemeral message and changes nothing', async () => {
    const { ticketId, ts } = await ticketWithCard();
    const before = desk.fake.ephemerals.length;
    await desk.send(desk.fake.blockAction({ user: users.stranger, channel: channels.triage, message_ts: ts, action_id: cardActions.resolve, value: ticketId }));
    await desk.send(desk.fake.slashCommand({ user_id: users.stranger, channel_id: channels.triage, command: '/layani', text: 'tautkan 198609262015051001' }));
    await desk.settle();
    const answers = desk.fake.ephemerals.slice(before);
    expect(answers).toHaveLength(2);
    for (const answer of answers) {
      expect(answer.user).toBe(users.stranger);
      expect(answer.text).toMatch(/tidak berwenang/);
    }
    expect(await ticketRow(ticketId)).toMatchObject({ status: 'baru', assigneeRef: null });
    expect(await desk.app.runtime.db.linkCode.count({ where: { createdBy: `slack:${users.stranger}` } })).toBe(0);
  });

  it('acts once on an event Slack delivers twice (same event_id, X-Slack-Retry-Num)', async () => {
    const { ts } = await ticketWithCard();
    const before = (await telegramRows('telegram.text')).length;
    const event = desk.fake.messageEvent({ channel: channels.triage, user: users.officer, thread_ts: ts, text: 'Baik, kami proses.' });
    expect((await desk.send(event)).status).toBe(200);
    expect((await desk.send(event, { retryNum: 1, retryReason: 'http_timeout' })).status).toBe(200);
    await desk.settle();
    const rows = (await telegramRows('telegram.text')).slice(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.text).toContain('Baik, kami proses.');
  });

  it('/layani tautkan issues a link code that links the employee', async () => {
    const before = desk.fake.ephemerals.length;
    await desk.send(desk.fake.slashCommand({ user_id: users.officer, channel_id: channels.triage, command: '/layani', text: 'tautkan 19860926 201505 1 001' }));
    await desk.settle();
    const [answer] = desk.fake.ephemerals.slice(before);
    expect(answer?.user).toBe(users.officer);
    const code = /`\/start ([A-Z0-9-]+)`/.exec(answer?.text ?? '')?.[1];
    expect(code, answer?.text).toBeTruthy();
    expect(answer!.text).toContain('Budi Santoso');
    expect(answer!.text).toMatch(/Berlaku sampai Jumat, 12 Apr 2030 \d\d\.\d\d WIB/);
    const linked = await desk.app.runtime.callerFor(systemActor).identity.redeemLinkCode({ code: code!, platform: 'slack', externalId: 'U0BUDI' });
    expect(linked.employeeId).toBe(desk.employeeId);
  });

  it('/layani tiket lists the open queue with overdue tickets marked; statistik gives the figures; anything else the help', async () => {
    const before = desk.fake.ephemerals.length;
    await desk.send(desk.fake.slashCommand({ user_id: users.officer, channel_id: channels.triage, command: '/layani', text: 'tiket' }));
    await desk.settle();
    await desk.send(desk.fake.slashCommand({ user_id: users.officer, channel_id: channels.triage, command: '/layani', text: 'statistik' }));
    await desk.settle();
    await desk.send(desk.fake.slashCommand({ user_id: users.officer, channel_id: channels.triage, command: '/layani', text: '' }));
    await desk.settle();
    const [queue, stats, help] = desk.fake.ephemerals.slice(before).map((e) => e.text ?? '');
    const open = await desk.app.runtime.db.ticket.findMany({ where: { status: { in: ['baru', 'ditangani', 'menunggu_pegawai'] }, confidential: false } });
    expect(queue).toContain(`*Tiket terbuka: ${open.length}*`);
    expect(queue).toMatch(/<https:\/\/layani-test\.slack\.com\/archives\/C0TRIAGE\/p\d+\|#\d+>/);
    expect(queue).toMatch(/🔴 .*\(lewat batas\)/); // the SLA test's ticket
    expect(queue).not.toContain('perundungan'); // confidential: not for an HR officer
    expect(stats).toContain('*7 hari terakhir*');
    expect(stats).toContain('*30 hari terakhir*');
    expect(stats).toMatch(/Median tanggapan pertama: \d+ (menit|jam)/);
    expect(stats).toContain('Rata-rata kepuasan: 4,0/5 (1 penilaian)');
    expect(help).toContain('/layani tautkan <NIP>');
  });

  it('/layani tanya shows HR the answer staff would get, with its source', async () => {
    const before = desk.fake.ephemerals.length;
    await desk.send(desk.fake.slashCommand({ user_id: users.officer, channel_id: channels.triage, command: '/layani', text: 'tanya bup kabid 58 ato 60' }));
    await desk.settle();
    const [reply] = desk.fake.ephemerals.slice(before).map((e) => e.text ?? '');
    expect(reply).toContain('*Jawaban* untuk');
    expect(reply).toMatch(/58/);
    expect(reply).toMatch(/UU 20\/2023/);
  });

  it('a Telegram file goes into the thread as an upload, fetched through the shared registry', async () => {
    const bytes = Buffer.from('%PDF-1.4 surat keterangan\n%%EOF\n');
    const fetched: string[] = [];
    desk.slack.files.telegram = async (attachment) => {
      fetched.push(attachment.fileId);
      return { bytes, fileName: attachment.fileName, mimeType: attachment.mimeType };
    };
    try {
      const attachment: Attachment = { source: 'telegram', fileId: 'tg-file-1', fileName: 'surat-cuti.pdf', mimeType: 'application/pdf', kind: 'document', url: null };
      const { ts } = await ticketWithCard('cuti', 'Berikut surat cuti saya.', [attachment]);
      await waitFor(() => desk.fake.thread(channels.triage, ts).length > 0, 'the upload in the thread');
      const thread = desk.fake.thread(channels.triage, ts);
      expect(thread).toHaveLength(1);
      expect(thread[0]!.text).toBe('*Budi Santoso*: Berikut surat cuti saya.');
      expect(thread[0]!.files?.[0]).toMatchObject({ name: 'surat-cuti.pdf' });
      const upload = [...desk.fake.uploads.values()].find((u) => u.filename === 'surat-cuti.pdf');
      expect(upload?.bytes?.equals(bytes)).toBe(true);
      expect(upload?.thread_ts).toBe(ts);
      expect(fetched).toEqual(['tg-file-1']);
    } finally {
      delete desk.slack.files.telegram;
    }
  });

  it('escapes a channel message (feedback) and posts it to its channel', async () => {
    await enqueue(desk.app.runtime.db, { channel: 'slack', kind: 'slack.channelMessage', slackChannel: channels.feedback, text: '*Saran* dari Budi Santoso: antrean <lama> & panas' });
    await desk.settle();
    expect(desk.fake.sent(channels.feedback).map((m) => m.text)).toEqual(['*Saran* dari Budi Santoso: antrean &lt;lama&gt; &amp; panas']);
  });

  it('builds a Socket Mode adapter (no HTTP route) when SLACK_APP_TOKEN is set', () => {
    const runtime = { ...desk.app.runtime, config: { ...desk.app.runtime.config, SLACK_APP_TOKEN: 'xapp-1-test', SLACK_SIGNING_SECRET: undefined } };
    const adapter = createSlackAdapter(runtime, {});
    expect(adapter.name).toBe('slack');
    expect(adapter.routes).toEqual({});
  });

  it('a card pending during a Slack outage is delivered once after recovery', async () => {
    desk.fake.setOutage(true);
    const opened = await desk.openTicket('kgb', 'KGB saya belum terbit.').catch((error: unknown) => {
      desk.fake.setOutage(false);
      throw error;
    });
    try {
      await waitFor(
        async () => (await desk.app.runtime.db.outboxMessage.findFirst({ where: { kind: 'slack.ticketCard', attempts: { gte: 1 }, payload: { contains: opened.ticketId } } })) !== null,
        'a failed delivery during the outage',
      );
    } finally {
      desk.fake.setOutage(false);
    }
    expect(cardsOf(desk.fake, channels.triage, opened.number)).toHaveLength(0);
    desk.clock.advance(10 * minute);
    await waitFor(() => desk.fake.thread(channels.triage, cardsOf(desk.fake, channels.triage, opened.number)[0]?.ts ?? '-').length > 0, 'delivery after recovery');
    await desk.settle();
    const posted = card(channels.triage, opened.number);
    expect(desk.fake.thread(channels.triage, posted.ts).map((m) => m.text)).toEqual(['*Budi Santoso*: KGB saya belum terbit.']);
  });

  it('a 429 (ratelimited) is retried after Retry-After, once', async () => {
    const limitedBefore = desk.fake.callsTo('chat.postMessage').filter((c) => c.injected === 'ratelimited').length;
    desk.fake.failNext('chat.postMessage', 'ratelimited', { retryAfterSec: 30 });
    const { ticketId, number } = await desk.openTicket('aplikasi', 'Tidak bisa masuk MyASN.');
    const row = await waitFor(
      () => desk.app.runtime.db.outboxMessage.findFirst({ where: { kind: 'slack.ticketCard', lastError: { not: null }, payload: { contains: ticketId } } }),
      'the rate-limited delivery',
    );
    expect(row.lastError).toMatch(/rate limit/);
    expect(row.status).toBe('pending');
    expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(desk.clock.now().getTime() + 29_000);
    await sleep(150);
    expect(cardsOf(desk.fake, channels.triage, number)).toHaveLength(0);

    desk.clock.advance(31_000);
    await waitFor(() => cardsOf(desk.fake, channels.triage, number).length === 1, 'the card after Retry-After');
    await desk.settle();
    expect(cardsOf(desk.fake, channels.triage, number)).toHaveLength(1);
    expect(desk.fake.callsTo('chat.postMessage').filter((c) => c.injected === 'ratelimited').length).toBe(limitedBefore + 1);
  });
});
