/**
 * Which ticket a staff member's message lands on, through the real grammY and Bolt against FakeTelegram and
 * FakeSlack: replies go to their ticket, a confidential ticket takes only replies, a resolved ticket is reopened
 * only on purpose, several open tickets make the bot ask; and an edited message reaches the Slack thread.
 */
import type { Message, Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../core/auth/actor.js';
import { channels } from '../support/slack-desk.js';
import { keyboardOf, lastMessageWith, pressButton, startTelegramHarness, until, type TelegramHarness } from '../support/telegram-harness.js';
import { testDatabaseKinds } from '../support/test-databases.js';

describe.each(testDatabaseKinds)('Ticket routing on %s', (kind) => {
  let h: TelegramHarness;

  beforeAll(async () => {
    h = await startTelegramHarness(kind, { slack: true });
  });
  afterAll(async () => h?.stop());

  const db = () => h.app.runtime.db;
  const slackText = (channel: string) => JSON.stringify(h.slack!.sent(channel));
  const ticketsOf = (employeeId: string) => db().ticket.findMany({ where: { requesterId: employeeId }, orderBy: { number: 'asc' } });

  /** /tiket, a category, then the first message: returns the acknowledgement. */
  async function openWithCategory(user: { id: number }, label: string | RegExp, text: string): Promise<Message> {
    h.fake.userSends(user, '/tiket');
    const menu = await lastMessageWith(h, user.id, 'Pilih kategori');
    pressButton(h, user, menu, label);
    await until(() => !keyboardOf(h.fake.getMessage(user.id, menu.message_id)), 'the category chosen');
    const before = h.fake.sent(user.id).length;
    h.fake.userSends(user, text);
    return until(() => h.fake.sent(user.id).slice(before).find((m) => /sudah kami terima/.test((m as { text?: string }).text ?? '')), 'the acknowledgement');
  }

  /** A ticket's number as the staff member sees it, and the link of its acknowledgement to it being recorded. */
  const recorded = (ack: Message) =>
    until(
      async () => db().ticketChatMessage.findFirst({ where: { chatId: String(ack.chat.id), messageId: String(ack.message_id) } }),
      'the acknowledgement linked to its ticket',
    );

  it('a follow-up sent as a reply to a confidential ticket reaches only the HR leads, never the triage channel', async () => {
    const { user, employee } = await h.linkedUser();
    const confidentialAck = await openWithCategory(user, /atasan/, 'Atasan saya menahan berkas KGB saya tanpa alasan.');
    expect((confidentialAck as { text?: string }).text).toMatch(/rahasia: hanya pesan yang dikirim sebagai balasan/);
    await recorded(confidentialAck);
    const ordinaryAck = await openWithCategory(user, 'Cuti', 'Sisa cuti tahunan saya berapa?');
    expect((ordinaryAck as { text?: string }).text).toMatch(/balas \(reply\) pesan ini/);
    const [confidential, ordinary] = await ticketsOf(employee.id);
    expect(confidential!.confidential).toBe(true);

    // The ordinary ticket is the most recently active one; the follow-up is a reply to the confidential acknowledgement.
    const followUp = 'Tambahan: beliau juga menegur saya di depan rekan-rekan.';
    h.fake.userSends(user, followUp, { reply_to_message_id: confidentialAck.message_id });
    await until(() => slackText(channels.confidential).includes(followUp), 'the follow-up in the leads channel');
    const stored = await db().ticketMessage.findMany({ where: { text: followUp } });
    expect(stored.map((m) => m.ticketId)).toEqual([confidential!.id]);
    // Give a wrongly routed copy time to show up, then check it did not.
    await h.app.outbox.runOnce();
    expect(slackText(channels.triage)).not.toContain('beliau juga menegur');

    // A free message never joins the confidential ticket: it joins the ordinary one, the only one open to it.
    h.fake.userSends(user, 'Cuti bersama dihitung atau tidak?');
    await until(async () => (await db().ticketMessage.count({ where: { text: 'Cuti bersama dihitung atau tidak?' } })) === 1, 'the free message stored');
    expect((await db().ticketMessage.findFirstOrThrow({ where: { text: 'Cuti bersama dihitung atau tidak?' } })).ticketId).toBe(ordinary!.id);
  });

  it('with only a confidential ticket open, an ordinary message opens a new ticket instead of going to the leads', async () => {
    const { user, employee } = await h.linkedUser();
    await openWithCategory(user, /atasan/, 'Rekan kerja saya mengambil kredit pekerjaan saya.');
    h.fake.userSends(user, 'Mohon info cara mengunggah SKP di aplikasi');
    await until(async () => (await ticketsOf(employee.id)).length === 2, 'a second ticket');
    const [confidential, fresh] = await ticketsOf(employee.id);
    expect(fresh).toMatchObject({ confidential: false, category: 'lainnya', subject: 'Mohon info cara mengunggah SKP di aplikasi' });
    expect(await db().ticketMessage.count({ where: { ticketId: confidential!.id } })).toBe(1);
  });

  it('after Selesai a short thanks is acknowledged without reopening; "Buka lagi" reopens on purpose', async () => {
    const { user, employee } = await h.linkedUser();
    await openWithCategory(user, 'Cuti', 'Berapa lama cuti melahirkan?');
    const [ticket] = await ticketsOf(employee.id);
    await h.app.runtime.callerFor(cliActor).tickets.resolve({ ticketId: ticket!.id });
    const resolution = await lastMessageWith(h, user.id, 'telah diselesaikan');
    expect(keyboardOf(resolution)!.flat().map((b) => b.text)).toContain('Buka lagi');

    h.fake.userSends(user, 'Terima kasih banyak bu 🙏');
    await lastMessageWith(h, user.id, 'Sama-sama! Tiket');
    expect((await db().ticket.findUniqueOrThrow({ where: { id: ticket!.id } })).status).toBe('selesai');
    expect(await ticketsOf(employee.id)).toHaveLength(1);

    pressButton(h, user, resolution, 'Buka lagi');
    await lastMessageWith(h, user.id, 'dibuka kembali');
    expect((await db().ticket.findUniqueOrThrow({ where: { id: ticket!.id } })).status).toBe('ditangani');
    await until(() => slackText(channels.triage).includes('Pegawai membuka kembali tiket ini'), 'the reopening in the thread');
  });

  it('a free message after Selesai opens a new ticket; a reply to the resolution message reopens the old one', async () => {
    const { user, employee } = await h.linkedUser();
    await openWithCategory(user, 'Cuti', 'Cuti besar syaratnya apa?');
    const [ticket] = await ticketsOf(employee.id);
    await h.app.runtime.callerFor(cliActor).tickets.resolve({ ticketId: ticket!.id });
    const resolution = await lastMessageWith(h, user.id, 'telah diselesaikan');
    await recorded(resolution);

    h.fake.userSends(user, 'Saya mau lapor nama saya salah tulis di SIASN');
    await until(async () => (await ticketsOf(employee.id)).length === 2, 'a new ticket');
    expect((await db().ticket.findUniqueOrThrow({ where: { id: ticket!.id } })).status).toBe('selesai');

    h.fake.userSends(user, 'Ternyata syarat cuti besar saya masih kurang satu', { reply_to_message_id: resolution.message_id });
    await until(async () => (await db().ticket.findUniqueOrThrow({ where: { id: ticket!.id } })).status === 'ditangani', 'the old ticket reopened');
    expect((await db().ticketMessage.findFirstOrThrow({ where: { text: 'Ternyata syarat cuti besar saya masih kurang satu' } })).ticketId).toBe(ticket!.id);
  });

  it('with several open tickets a free message asks which one, with "Tiket baru", and goes where pointed', async () => {
    const { user, employee } = await h.linkedUser();
    await openWithCategory(user, 'Cuti', 'Cuti tahunan bisa dipecah?');
    await openWithCategory(user, 'Kenaikan gaji berkala (KGB)', 'KGB saya kapan?');
    const [cuti, kgb] = await ticketsOf(employee.id);

    h.fake.userSends(user, 'Ini lampiran yang diminta kemarin');
    const question = await lastMessageWith(h, user.id, 'Pesan ini untuk tiket yang mana?');
    const labels = keyboardOf(question)!.flat().map((b) => b.text);
    expect(labels).toEqual([`#${kgb!.number} · KGB saya kapan?`, `#${cuti!.number} · Cuti tahunan bisa dipecah?`, 'Tiket baru']);
    expect(await db().ticketMessage.count({ where: { text: 'Ini lampiran yang diminta kemarin' } })).toBe(0);

    pressButton(h, user, question, `#${cuti!.number} · Cuti tahunan bisa dipecah?`);
    await until(async () => (await db().ticketMessage.count({ where: { text: 'Ini lampiran yang diminta kemarin' } })) === 1, 'the message on the chosen ticket');
    expect((await db().ticketMessage.findFirstOrThrow({ where: { text: 'Ini lampiran yang diminta kemarin' } })).ticketId).toBe(cuti!.id);

    h.fake.userSends(user, 'Satu hal lain: alamat saya pindah');
    const again = await until(() => {
      const all = h.fake.sent(user.id).filter((m) => (m as { text?: string }).text === 'Anda memiliki beberapa tiket yang masih terbuka. Pesan ini untuk tiket yang mana?');
      return all.length === 2 ? all[1] : undefined;
    }, 'the second question');
    pressButton(h, user, again, 'Tiket baru');
    await until(async () => (await ticketsOf(employee.id)).length === 3, 'a new ticket');
    expect((await ticketsOf(employee.id))[2]).toMatchObject({ subject: 'Satu hal lain: alamat saya pindah', category: 'lainnya' });
  });

  it('an edited message on a ticket reaches its Slack thread as "(diubah)"; an edit elsewhere is answered', async () => {
    const { user } = await h.linkedUser();
    await openWithCategory(user, 'Cuti', 'Pembuka tiket suntingan');
    const sent = h.fake.userSends(user, 'Nomor SK saya 800/12/BKD');
    await until(async () => (await db().ticketMessage.count({ where: { text: 'Nomor SK saya 800/12/BKD' } })) === 1, 'the message stored');
    await until(() => slackText(channels.triage).includes('Nomor SK saya 800/12/BKD'), 'the message in the thread');

    const original = sent.message!;
    h.fake.pushUpdate({ edited_message: { ...original, text: 'Nomor SK saya 800/21/BKD', edit_date: original.date + 30 } } as Omit<Update, 'update_id'>);
    await until(() => slackText(channels.triage).includes('(diubah) Nomor SK saya 800/21/BKD'), 'the edit in the thread');
    expect(await db().ticketMessage.count({ where: { text: '(diubah) Nomor SK saya 800/21/BKD' } })).toBe(1);

    // A FAQ question is on no ticket: the sender learns the edit went nowhere instead of silence.
    const other = await h.linkedUser();
    const question = h.fake.userSends(other.user, 'bup kabid 58 ato 60?');
    await h.waitForMessage(other.user.id, /58/);
    h.fake.pushUpdate({ edited_message: { ...question.message!, text: 'bup kabid berapa?', edit_date: question.message!.date + 5 } } as Omit<Update, 'update_id'>);
    await h.waitForMessage(other.user.id, 'Perubahan pesan tidak diteruskan');
  });
});
