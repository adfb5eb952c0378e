/**
 * The Telegram adapter end to end, part 2: tickets (/tiket, free text, /tanya, files), /saran, satisfaction ratings
 * and what is logged, through startApp and the real grammY against a FakeTelegram, on every test database.
 */
import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/auth/actor.js';
import type { Attachment } from '../../core/outbox/outbox-intent.js';
import { callbackData, keyboardOf, sleep, startTelegramHarness, textOf, until, type TelegramHarness } from '../support/telegram-harness.js';
import { testDatabaseKinds } from '../support/test-databases.js';

describe.each(testDatabaseKinds)('Telegram tickets, feedback and ratings on %s', (kind) => {
  let h: TelegramHarness;

  beforeAll(async () => {
    h = await startTelegramHarness(kind, { env: { SLACK_TRIAGE_CHANNEL: 'CTRIAGE', SLACK_FEEDBACK_CHANNEL: 'CFEEDBACK' } });
  });
  afterAll(async () => h?.stop());

  const db = () => h.app.runtime.db;
  const caller = (actor: Actor) => h.app.runtime.callerFor(actor);

  it('/tiket: a category keyboard, then the next message opens the ticket and the acknowledgement arrives', async () => {
    const { user, employee } = await h.linkedUser();
    h.fake.userSends(user, '/tiket');
    const menu = await h.waitForMessage(user.id, 'Pilih kategori pertanyaan Anda:');
    const buttons = keyboardOf(menu)!.flat();
    expect(buttons.map((b) => b.text)).toEqual(expect.arrayContaining(['Cuti', 'Kenaikan gaji berkala (KGB)', 'Lainnya', 'Batal']));
    expect(buttons.find((b) => b.text === 'Cuti')).toMatchObject({ callback_data: 'tiket:cuti' });

    h.fake.userPressesButton(user, menu.message_id, 'tiket:cuti');
    const chosen = await until(() => {
      const m = h.fake.getMessage(user.id, menu.message_id) as (Message & { text?: string }) | undefined;
      return m?.text?.startsWith('Kategori: Cuti.') ? m : undefined;
    }, 'the menu edited to the chosen category');
    expect(chosen.reply_markup).toBeUndefined();
    expect(h.fake.answeredCallbacks.length).toBeGreaterThan(0);

    h.fake.userSends(user, 'Sisa cuti tahunan saya berapa hari?');
    const ack = await h.waitForMessage(user.id, /Tiket #\d+ \(Cuti\) sudah kami terima/);
    const ticket = await db().ticket.findFirstOrThrow({ where: { requesterId: employee.id } });
    expect(ticket).toMatchObject({ category: 'cuti', status: 'baru', language: 'id', subject: 'Sisa cuti tahunan saya berapa hari?' });
    expect(ack.text).toContain(`Tiket #${ticket.number} (Cuti)`);
    expect(await h.staffMessages(employee.id)).toEqual([{ text: 'Sisa cuti tahunan saya berapa hari?', attachments: [] }]);
    // Slack is not running here: its card and thread message wait in the outbox.
    expect((await h.outboxFor(ticket.id)).filter((m) => m.kind.startsWith('slack.')).map((m) => [m.kind, m.status])).toEqual([
      ['slack.ticketCard', 'pending'],
      ['slack.threadMessage', 'pending'],
    ]);
    // the chosen category is used up: the chat's next message is an ordinary one again
    await until(async () => {
      const session = await db().botSession.findUnique({ where: { key: `telegram:${user.id}` } });
      return session && !('pending' in (JSON.parse(session.value) as object));
    }, 'the pending category cleared');
  });

  it('free text opens a ticket in "Lainnya" and the next message continues it', async () => {
    const { user, employee } = await h.linkedUser();
    h.fake.userSends(user, 'Halo, saya mau tanya soal SK pangkat');
    await h.waitForMessage(user.id, /Tiket #\d+ \(Lainnya\) sudah kami terima/);
    h.fake.userSends(user, 'Nomor SK saya 800/123/BKD');
    await until(async () => (await h.staffMessages(employee.id)).length === 2, 'the second message on the ticket');
    expect((await h.staffMessages(employee.id)).map((m) => m.text)).toEqual(['Halo, saya mau tanya soal SK pangkat', 'Nomor SK saya 800/123/BKD']);
    expect(await db().ticket.count({ where: { requesterId: employee.id } })).toBe(1);
    expect(h.texts(user.id), JSON.stringify(h.texts(user.id))).toHaveLength(1);
  });

  it('/tanya answers from the corpus with sources, and hands what it cannot answer to HR as a ticket', async () => {
    const { user, employee } = await h.linkedUser();
    h.fake.userSends(user, '/tanya');
    await h.waitForMessage(user.id, 'Tulis pertanyaan Anda setelah perintahnya');

    h.fake.userSends(user, '/tanya cuti thn brp hari');
    const answer = await h.waitForMessage(user.id, /12 hari kerja/);
    expect(textOf(answer)).toMatch(/PP 11\/2017/);
    expect(keyboardOf(answer)?.[0]?.map((b) => b.text)).toEqual(['👍', '👎']);
    expect(await h.staffMessages(employee.id)).toEqual([]);

    h.fake.userSends(user, '/tanya Berapa sisa cuti tahunan saya?');
    const handOver = await h.waitForMessage(user.id, /Hubungi petugas/);
    const button = keyboardOf(handOver)![0]![0]!;
    h.fake.userPressesButton(user, handOver.message_id, callbackData(button)!);
    await h.waitForMessage(user.id, /Tiket #\d+ \(Cuti\) sudah kami terima/);
    expect(await h.staffMessages(employee.id)).toEqual([{ text: 'Berapa sisa cuti tahunan saya?', attachments: [] }]);
  });

  it('answers a free question at once when the person has no open ticket, and sends other messages to HR', async () => {
    const { user, employee } = await h.linkedUser();
    h.fake.userSends(user, 'bup kabid 58 ato 60?');
    const answer = await h.waitForMessage(user.id, /58/);
    expect(textOf(answer)).toMatch(/UU 20\/2023/);
    expect(await h.staffMessages(employee.id)).toEqual([]);
    h.fake.userSends(user, 'Saya mau melaporkan data golongan saya salah');
    await h.waitForMessage(user.id, /sudah kami terima/);
    expect(await h.staffMessages(employee.id)).toEqual([{ text: 'Saya mau melaporkan data golongan saya salah', attachments: [] }]);
    // With a ticket open, the same question goes to HR instead of being answered by the bot.
    const answersBefore = h.fake.callsTo('sendMessage').filter((c) => /58/.test(String(c.params.text))).length;
    h.fake.userSends(user, 'bup kabid 58 ato 60?');
    await until(async () => (await h.staffMessages(employee.id)).length === 2, 'the question on the open ticket');
    expect((await h.staffMessages(employee.id))[1]).toEqual({ text: 'bup kabid 58 ato 60?', attachments: [] });
    expect(h.fake.callsTo('sendMessage').filter((c) => /58/.test(String(c.params.text))).length).toBe(answersBefore);
  });

  it('carries a photo (its largest size, caption as text) and a document as attachments', async () => {
    const { user, employee } = await h.linkedUser();
    const photo = h.fake.userSendsPhoto(user, { caption: 'Foto SK saya' });
    await until(async () => (await h.staffMessages(employee.id)).length === 1, 'the photo on a ticket');
    const pdf = Buffer.from('%PDF-1.4\nSK kenaikan pangkat\n%%EOF\n');
    const doc = h.fake.userSendsDocument(user, { bytes: pdf, file_name: 'sk-pangkat.pdf', mime_type: 'application/pdf' });
    await until(async () => (await h.staffMessages(employee.id)).length === 2, 'the document on the ticket');

    const largest = photo.message!.photo!.at(-1)!;
    const [withPhoto, withDocument] = await h.staffMessages(employee.id);
    expect(withPhoto).toEqual({
      text: 'Foto SK saya',
      attachments: [{ source: 'telegram', fileId: largest.file_id, fileName: `foto-${largest.file_unique_id}.jpg`, mimeType: 'image/jpeg', kind: 'photo', url: null }],
    });
    expect(withDocument).toEqual({
      text: '',
      attachments: [{ source: 'telegram', fileId: doc.message!.document!.file_id, fileName: 'sk-pangkat.pdf', mimeType: 'application/pdf', kind: 'document', url: null }],
    });
    const ticket = await db().ticket.findFirstOrThrow({ where: { requesterId: employee.id } });
    const thread = (await h.outboxFor(ticket.id)).filter((m) => m.kind === 'slack.threadMessage');
    expect(thread.map((m) => (m.payload.attachments as Attachment[]).map((a) => a.kind))).toEqual([['photo'], ['document']]);

    // Slack will fetch the bytes through the adapter.
    const telegram = h.app.adapters.find((a) => a.name === 'telegram')!;
    const fetched = await telegram.fetchAttachment(withDocument!.attachments[0]!);
    expect(fetched).toMatchObject({ fileName: 'sk-pangkat.pdf', mimeType: 'application/pdf' });
    expect(fetched.bytes.equals(pdf)).toBe(true);
  });

  it('/saran anonymous: explained before sending, and no link to the sender is stored', async () => {
    const { user, employee } = await h.linkedUser();
    h.fake.userSends(user, '/saran');
    const menu = await h.waitForMessage(user.id, 'Apa yang ingin Anda sampaikan?');
    expect(keyboardOf(menu)!.flat().map(callbackData)).toEqual(['saran:k:masukan', 'saran:k:keluhan', 'saran:k:kritik', 'saran:batal']);
    h.fake.userPressesButton(user, menu.message_id, 'saran:k:keluhan');
    const choice = await until(() => {
      const m = h.fake.getMessage(user.id, menu.message_id) as (Message & { text?: string }) | undefined;
      return m?.text?.startsWith('Keluhan: kirim dengan nama Anda atau secara anonim?') ? m : undefined;
    }, 'the anonymity question');
    expect(choice.text).toContain('Anonim berarti tidak ada tautan ke Anda yang disimpan di mana pun');
    h.fake.userPressesButton(user, menu.message_id, 'saran:a:1');
    await until(() => textOf(h.fake.getMessage(user.id, menu.message_id))?.includes('dikirim secara anonim'), 'the write prompt');

    h.fake.userSends(user, 'Antrean layanan di loket terlalu lama');
    // Nothing anonymous goes before the sender has seen the text and pressed "Kirim anonim".
    const confirm = await h.waitForMessage(user.id, 'Kirim keluhan berikut secara anonim?');
    expect(textOf(confirm)).toContain('Antrean layanan di loket terlalu lama');
    expect(keyboardOf(confirm)!.flat().map((b) => b.text)).toEqual(['Kirim anonim', 'Batal']);
    expect(await db().feedback.count({ where: { text: 'Antrean layanan di loket terlalu lama' } })).toBe(0);
    h.fake.userPressesButton(user, confirm.message_id, 'saran:kirim');
    await until(
      () => textOf(h.fake.getMessage(user.id, confirm.message_id)) === 'Terima kasih. Keluhan Anda sudah diteruskan secara anonim ke tim kepegawaian.',
      'the confirmation turned into the thanks',
    );
    const feedback = await db().feedback.findFirstOrThrow({ where: { text: 'Antrean layanan di loket terlalu lama' } });
    expect(feedback).toMatchObject({ kind: 'keluhan', anonymous: true, employeeId: null });
    const posted = (await db().outboxMessage.findMany({ where: { kind: 'slack.channelMessage' } })).find((m) => m.payload.includes('Antrean layanan'));
    expect(posted?.payload).toContain('Anonim');
    expect(posted?.payload).not.toContain(employee.name);
    expect(posted?.payload).not.toContain(employee.nip);
    expect(posted?.payload).not.toContain(String(user.id));
    const session = await db().botSession.findUniqueOrThrow({ where: { key: `telegram:${user.id}` } });
    expect(JSON.parse(session.value)).toEqual({});
    // nothing went to a ticket either
    expect(await db().ticket.count({ where: { requesterId: employee.id } })).toBe(0);
  });

  it('/saran with a name carries it to HR', async () => {
    const { user, employee } = await h.linkedUser();
    h.fake.userSends(user, '/saran');
    const menu = await h.waitForMessage(user.id, 'Apa yang ingin Anda sampaikan?');
    h.fake.userPressesButton(user, menu.message_id, 'saran:k:masukan');
    await until(() => textOf(h.fake.getMessage(user.id, menu.message_id))?.startsWith('Masukan:'), 'the anonymity question');
    h.fake.userPressesButton(user, menu.message_id, 'saran:a:0');
    await until(() => textOf(h.fake.getMessage(user.id, menu.message_id))?.includes('Nama dan unit kerja Anda akan disertakan'), 'the write prompt');
    h.fake.userSends(user, 'Mohon formulir cuti dibuat daring');
    await h.waitForMessage(user.id, 'Terima kasih. Masukan Anda sudah diteruskan ke tim kepegawaian.');
    const feedback = await db().feedback.findFirstOrThrow({ where: { text: 'Mohon formulir cuti dibuat daring' } });
    expect(feedback).toMatchObject({ kind: 'masukan', anonymous: false, employeeId: employee.id });
    const posted = (await db().outboxMessage.findMany({ where: { kind: 'slack.channelMessage' } })).find((m) => m.payload.includes('formulir cuti'));
    expect(posted?.payload).toContain(employee.name);
  });

  it('rates a resolved ticket 1–5 from the keyboard, then takes the comment', async () => {
    const { user, employee, actor } = await h.linkedUser();
    const { ticketId, number } = await caller(actor).tickets.open({ category: 'pensiun', text: 'Berkas pensiun apa saja?' });
    await h.waitForMessage(user.id, `Tiket #${number} (Pensiun)`);
    const officer: Actor = { ref: 'slack:UOFFICER', role: 'hr_officer', employeeId: null, agencyId: employee.agencyId };
    await caller(officer).tickets.resolve({ ticketId });

    const prompt = await h.waitForMessage(user.id, `Tiket #${number} telah diselesaikan. Seberapa puas Anda`);
    expect(keyboardOf(prompt)).toEqual([
      [1, 2, 3, 4, 5].map((n) => ({ text: String(n), callback_data: `csat:${ticketId}:${n}` })),
      [{ text: 'Buka lagi', callback_data: `tiket:buka:${ticketId}` }],
    ]);
    h.fake.userPressesButton(user, prompt.message_id, `csat:${ticketId}:4`);
    const ask = await h.waitForMessage(user.id, 'Ingin menambahkan komentar?');
    expect(ask.text).toContain('★★★★☆');
    expect(keyboardOf(ask)).toEqual([[{ text: 'Lewati', callback_data: `csat:skip:${ticketId}` }]]);
    // The stars are gone; "Buka lagi" stays under the resolution message.
    expect(keyboardOf(h.fake.getMessage(user.id, prompt.message_id))).toEqual([[{ text: 'Buka lagi', callback_data: `tiket:buka:${ticketId}` }]]);
    expect((await db().ticket.findUniqueOrThrow({ where: { id: ticketId } })).csatRating).toBe(4);

    h.fake.userSends(user, 'Cepat dan jelas, terima kasih');
    await h.waitForMessage(user.id, 'Terima kasih, komentar Anda sudah kami terima.');
    expect(await db().ticket.findUniqueOrThrow({ where: { id: ticketId } })).toMatchObject({
      status: 'selesai',
      csatRating: 4,
      csatComment: 'Cepat dan jelas, terima kasih',
    });
    await until(() => h.fake.getMessage(user.id, ask.message_id)?.reply_markup === undefined, 'the Lewati button removed');
    const thread = (await h.outboxFor(ticketId)).filter((m) => m.kind === 'slack.threadMessage').map((m) => m.payload.text);
    expect(thread).toContain('Penilaian pegawai: ★★★★☆ (4/5)\nKomentar: Cepat dan jelas, terima kasih');
    // the comment is not also a new message on the ticket
    expect(await h.staffMessages(employee.id)).toHaveLength(1);
  });

  it('"Lewati" ends the rating without a comment', async () => {
    const { user, employee, actor } = await h.linkedUser();
    const { ticketId } = await caller(actor).tickets.open({ category: 'presensi', text: 'Presensi saya kemarin tidak tercatat' });
    const officer: Actor = { ref: 'slack:UOFFICER', role: 'hr_officer', employeeId: null, agencyId: employee.agencyId };
    await caller(officer).tickets.resolve({ ticketId });
    const prompt = await h.waitForMessage(user.id, 'telah diselesaikan');
    h.fake.userPressesButton(user, prompt.message_id, `csat:${ticketId}:5`);
    const ask = await h.waitForMessage(user.id, 'Ingin menambahkan komentar?');
    h.fake.userPressesButton(user, ask.message_id, `csat:skip:${ticketId}`);
    await until(() => textOf(h.fake.getMessage(user.id, ask.message_id)) === 'Terima kasih atas penilaian Anda.', 'the skip');
    expect(await db().ticket.findUniqueOrThrow({ where: { id: ticketId } })).toMatchObject({ csatRating: 5, csatComment: null });
    expect(h.fake.getMessage(user.id, ask.message_id)?.reply_markup).toBeUndefined();
  });

  it('logs update ids and outcomes, never message bodies, names, NIPs, phone numbers or the token', async () => {
    const { user, employee } = await h.linkedUser({ phone: '+6281234567890' });
    h.fake.userSends(user, 'Nomor HP saya 081234567890 dan NIP saya tertera di SK');
    await until(async () => (await h.staffMessages(employee.id)).length === 1, 'the message');
    await sleep(100);

    const lines = h.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    const updates = lines.filter((l) => l.msg === 'telegram update');
    for (const l of updates) expect(Object.keys(l).sort()).toEqual(['app', 'level', 'ms', 'msg', 'outcome', 'time', 'updateId']);
    expect(updates.at(-1)).toMatchObject({ level: 30, outcome: 'ticket.open', updateId: expect.any(Number) });

    // Everything logged in this file so far (every flow above ran against this app).
    const employees = await db().employee.findMany();
    const secrets = [
      h.fake.token,
      ...employees.flatMap((e) => [e.name, e.nip, e.phone ?? '']),
      ...(await db().ticketMessage.findMany()).map((m) => m.text),
      ...(await db().feedback.findMany()).map((f) => f.text),
      '081234567890',
    ].filter((v) => v.length >= 6);
    const all = h.logs.join('\n');
    for (const secret of secrets) expect(all).not.toContain(secret);
  });
});
