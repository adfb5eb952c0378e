/**
 * The Telegram adapter end to end, part 1: linking, commands, update handling and flood control. startApp runs the
 * real grammY (runner, session, i18n, throttler) long-polling a FakeTelegram, on every test database. Each test uses
 * its own Telegram user, so the per-chat send limit (about 1 message a second) only applies within a test.
 * Tickets, feedback and ratings are in telegram-tickets.test.ts, outbox delivery in telegram-delivery.test.ts.
 */
import type { Chat, Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '../../core/auth/actor.js';
import { computeCareerDates, defaultCareerRules } from '../../core/career/index.js';
import { careerSummaryLines } from '../../core/records/career-summary.js';
import { employeeRecord } from '../support/employees.js';
import { keyboardOf, sleep, startTelegramHarness, textOf, until, type TelegramHarness } from '../support/telegram-harness.js';
import { testDatabaseKinds } from '../support/test-databases.js';

describe.each(testDatabaseKinds)('Telegram bot on %s', (kind) => {
  let h: TelegramHarness;

  beforeAll(async () => {
    h = await startTelegramHarness(kind);
  });
  afterAll(async () => h?.stop());

  const db = () => h.app.runtime.db;
  const caller = (actor: Actor) => h.app.runtime.callerFor(actor);

  it('registers its commands for the default (Indonesian) menu and for English clients', () => {
    const names = ['start', 'bantuan', 'tanya', 'tiket', 'tiketku', 'profil', 'pengingat', 'saran', 'bahasa', 'info', 'langganan', 'tanyasosialisasi', 'hadir'];
    expect(h.fake.commandsFor().map((c) => c.command)).toEqual(names);
    expect(h.fake.commandsFor({ type: 'default' }, 'en').map((c) => c.command)).toEqual(names);
    expect(h.fake.commandsFor().find((c) => c.command === 'tiketku')?.description).toBe('Lihat status tiket Anda');
    expect(h.fake.commandsFor({ type: 'default' }, 'en').find((c) => c.command === 'tiketku')?.description).toBe('See the status of your tickets');
  });

  it('links an account with a good code and greets the employee by name', async () => {
    const { employee, code } = await h.newEmployee();
    const user = h.newUser();
    h.fake.userSends(user, `/start ${code}`);
    const greeting = await h.waitForMessage(user.id, 'Akun Anda sudah tertaut');
    expect(greeting.text).toContain(`Selamat datang, ${employee.name}!`);
    const identity = await db().chatIdentity.findUnique({ where: { platform_externalId: { platform: 'telegram', externalId: String(user.id) } } });
    expect(identity?.employeeId).toBe(employee.id);
    // and a linked /start is a welcome back, not the linking explanation
    h.fake.userSends(user, '/start');
    await h.waitForMessage(user.id, `Selamat datang kembali, ${employee.name}.`);
  });

  it('answers unknown, used and expired codes with the core message, and refuses tries after five wrong codes', async () => {
    const stranger = h.newUser();
    h.fake.userSends(stranger, '/start AAAA-BBBB-CCCC');
    const unknown = await h.waitForMessage(stranger.id, 'Kode tautan tidak dikenal');
    expect(unknown.text).toBe('Kode tautan tidak dikenal. Periksa kembali kodenya.');

    const used = await h.newEmployee();
    await caller(systemActor).identity.linkWithCode({ code: used.code, platform: 'telegram', externalId: '1' });
    const second = h.newUser();
    h.fake.userSends(second, `/start ${used.code}`);
    await h.waitForMessage(second.id, 'Kode tautan sudah pernah dipakai. Minta kode baru ke petugas kepegawaian.');

    const expired = await h.newEmployee();
    await db().linkCode.updateMany({ where: { employeeId: expired.employee.id }, data: { expiresAt: new Date(h.clock.now().getTime() - 1000) } });
    const third = h.newUser();
    h.fake.userSends(third, `/start ${expired.code}`);
    await h.waitForMessage(third.id, 'Kode tautan sudah kedaluwarsa. Minta kode baru ke petugas kepegawaian.');

    // Four wrong codes already tried (straight through the core), the fifth through the bot, then even a good code is refused.
    const guesser = h.newUser();
    for (const wrong of ['AAAA-AAAA-AAA2', 'AAAA-AAAA-AAA3', 'AAAA-AAAA-AAA4', 'AAAA-AAAA-AAA5']) {
      await caller(systemActor).identity.linkWithCode({ code: wrong, platform: 'telegram', externalId: String(guesser.id) }).catch(() => undefined);
    }
    h.fake.userSends(guesser, '/start AAAA-AAAA-AAA6');
    await h.waitForMessage(guesser.id, 'Kode tautan tidak dikenal');
    const good = await h.newEmployee();
    h.fake.userSends(guesser, `/start ${good.code}`);
    const blocked = await h.waitForMessage(guesser.id, 'Terlalu banyak kode salah');
    expect(blocked.text).toMatch(/^Terlalu banyak kode salah\. Coba lagi dalam \d+ menit\.$/);
    const identities = await db().chatIdentity.count({ where: { externalId: { in: [stranger.id, second.id, third.id, guesser.id].map(String) } } });
    expect(identities).toBe(0);
    expect((await db().linkCode.findFirstOrThrow({ where: { employeeId: good.employee.id } })).usedAt).toBeNull();
  });

  it('explains linking to a stranger whatever they send, and never links by NIP', async () => {
    const nip = employeeRecord().nip;
    const stranger = h.newUser();
    h.fake.userSends(stranger, '/start');
    const first = await h.waitForMessage(stranger.id, 'belum tertaut');
    expect(first.text).toContain('/start KODE');
    expect(first.text).toContain('72 jam');
    h.fake.userSends(stranger, nip);
    h.fake.userSends(stranger, '/tiket');
    await until(() => h.texts(stranger.id).length === 3, 'three explanations');
    expect(h.texts(stranger.id).every((t) => t.includes('Minta kode tautan ke petugas kepegawaian'))).toBe(true);
    expect(await db().chatIdentity.count({ where: { externalId: String(stranger.id) } })).toBe(0);
    expect(await db().ticketMessage.count({ where: { authorRef: `telegram:${stranger.id}` } })).toBe(0);
  });

  it('/tiketku lists the tickets with their status labels', async () => {
    const { employee, code } = await h.newEmployee();
    const actor: Actor = { ref: 'test', role: 'staff', employeeId: employee.id, agencyId: employee.agencyId };
    // Opened before the account is linked, so no acknowledgements go to the chat.
    const kgb = await caller(actor).tickets.open({ category: 'kgb', text: 'Kapan KGB saya berikutnya?' });
    const cuti = await caller(actor).tickets.open({ category: 'cuti', text: 'Sisa cuti saya?' });
    await db().ticket.update({ where: { id: kgb.ticketId }, data: { status: 'selesai' } });
    const user = h.newUser();
    await caller(systemActor).identity.linkWithCode({ code, platform: 'telegram', externalId: String(user.id) });

    h.fake.userSends(user, '/tiketku');
    const list = await h.waitForMessage(user.id, 'Tiket Anda');
    expect(list.text).toBe(
      [
        'Tiket Anda (terbaru dahulu):',
        `#${cuti.number} · Cuti · Baru\nSisa cuti saya?`,
        `#${kgb.number} · Kenaikan gaji berkala (KGB) · Selesai\nKapan KGB saya berikutnya?`,
      ].join('\n\n'),
    );
  });

  it('/profil shows the record with the KGB, KP and pension lines in Indonesian', async () => {
    const record = employeeRecord();
    const { user } = await h.linkedUser(record);
    h.fake.userSends(user, '/profil');
    const profile = await h.waitForMessage(user.id, 'Profil kepegawaian');
    const text = profile.text!;
    expect(text).toContain('Nama: Budi Santoso');
    expect(text).toContain(`NIP: ${record.nip}`);
    expect(text).toContain('Golongan: III/b (Penata Muda Tingkat I)');
    expect(text).toContain('Unit kerja: Sekretariat');
    const lines = careerSummaryLines(computeCareerDates(record, '2026-11-24', defaultCareerRules));
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(text).toContain(`• ${line}`);
    expect(text).toMatch(/• KGB berikutnya: \d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(text).toMatch(/• Kenaikan pangkat reguler: /);
    expect(text).toMatch(/• Pensiun \(BUP \d+ tahun\): TMT \d{1,2} [A-Z][a-z]+ \d{4}/);
  });

  it('/profil in English gives a JF official their KP pilihan and every reason in English, with no false data error', async () => {
    // JF Ahli Madya IV/b with S2: above the regular cap, which binds only the regular KP.
    const record = employeeRecord({ positionType: 'JF_AHLI_MADYA', positionName: 'Analis Kebijakan Ahli Madya', golongan: 'IV/b', education: 'S2', creditPoints: 160 });
    const { user } = await h.linkedUser(record);
    h.fake.userSends(user, '/bahasa');
    await h.waitForMessage(user.id, 'Language switched to English.');
    h.fake.userSends(user, '/profil');
    const profile = await h.waitForMessage(user.id, 'Promotion for functional posts');
    const text = profile.text!;
    const lines = careerSummaryLines(computeCareerDates(record, '2026-11-24', defaultCareerRules), 'en');
    for (const line of lines) expect(text).toContain(`• ${line}`);
    expect(text).toMatch(/• Promotion for functional posts \(KP pilihan\): to IV\/c, period /);
    expect(text).toMatch(/— because /);
    expect(text).not.toMatch(/karena|batas pangkat/);
  });

  it('/bahasa switches to English, for the bot and for what the core sends', async () => {
    const { user, employee } = await h.linkedUser();
    h.fake.userSends(user, '/bahasa');
    await h.waitForMessage(user.id, 'Language switched to English.');
    h.fake.userSends(user, '/tiket');
    const menu = await h.waitForMessage(user.id, 'Choose the category of your question:');
    expect(keyboardOf(menu)!.flat().map((b) => b.text)).toEqual(expect.arrayContaining(['Leave', 'Other', 'Cancel']));
    h.fake.userPressesButton(user, menu.message_id, 'tiket:cuti');
    await until(() => textOf(h.fake.getMessage(user.id, menu.message_id))?.startsWith('Category: Leave.'), 'the chosen category');
    h.fake.userSends(user, 'How many leave days do I have left?');
    await h.waitForMessage(user.id, /Ticket #\d+ \(Leave\) has been received/);
    expect((await db().ticket.findFirstOrThrow({ where: { requesterId: employee.id } })).language).toBe('en');
    h.fake.userSends(user, '/bahasa');
    await h.waitForMessage(user.id, 'Bahasa diganti ke Bahasa Indonesia.');
  });

  it('acts once on an update Telegram delivers twice', async () => {
    const { user, employee } = await h.linkedUser();
    const first = h.fake.userSends(user, 'Pesan pertama');
    await until(async () => (await h.staffMessages(employee.id)).length === 1, 'the first message');
    // Wait for the next long poll to be waiting, then hand the same update out again.
    await until(() => h.fake.callsTo('getUpdates').some((c) => Number(c.params.offset) > first.update_id), 'the next long poll');
    const pushedAt = Date.now();
    h.fake.pushUpdate(first);
    await until(
      () => h.fake.callsTo('getUpdates').some((c) => c.at >= pushedAt && c.params.offset === first.update_id + 1),
      'the runner to take the duplicate',
    );
    h.fake.userSends(user, 'Pesan kedua');
    await until(async () => (await h.staffMessages(employee.id)).length === 2, 'the second message');
    await sleep(100);
    expect((await h.staffMessages(employee.id)).map((m) => m.text)).toEqual(['Pesan pertama', 'Pesan kedua']);
    expect(await db().inboundEvent.count({ where: { platform: 'telegram', eventId: String(first.update_id) } })).toBe(1);
  });

  it('serves private chats only: in a group it answers /start with a pointer and ignores the rest', async () => {
    const group = { id: -4_000_000_000 - (h.kind === 'sqlite' ? 1 : 2), type: 'group', title: 'Grup Kepegawaian' } as Chat;
    const { user, employee } = await h.linkedUser();
    h.fake.userSends(user, 'halo semua, ada info KGB?', { chat: group });
    h.fake.userSends(user, '/tiket', { chat: group });
    h.fake.userSends(user, '/start', { chat: group });
    await h.waitForMessage(group.id, 'Layanan LAYANI hanya melalui chat pribadi.');
    await sleep(150);
    expect(h.texts(group.id)).toHaveLength(1);
    expect(h.texts(user.id)).toHaveLength(0);
    expect(await db().ticket.count({ where: { requesterId: employee.id } })).toBe(0);
    expect(await db().botSession.count({ where: { key: { contains: String(group.id) } } })).toBe(0);
  });

  it('answers /bantuan, unknown commands and messages it cannot take', async () => {
    const [a, b, c] = await Promise.all([h.linkedUser(), h.linkedUser(), h.linkedUser()]);
    h.fake.userSends(a.user, '/bantuan');
    h.fake.userSends(b.user, '/cuti');
    h.fake.pushUpdate({
      message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat: { id: c.user.id, type: 'private', first_name: c.user.first_name }, from: c.user, sticker: { file_id: 'CAACAgIAAxk', file_unique_id: 'AgAD', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false } },
    } as unknown as Omit<Update, 'update_id'>);
    const help = await h.waitForMessage(a.user.id, 'Yang dapat Anda lakukan di LAYANI:');
    for (const command of ['/tanya', '/tiket', '/tiketku', '/profil', '/saran', '/bahasa']) expect(help.text).toContain(command);
    await h.waitForMessage(b.user.id, 'Perintah itu tidak dikenal. Ketik /bantuan untuk melihat daftar perintah.');
    await h.waitForMessage(c.user.id, 'Maaf, saat ini LAYANI hanya menerima teks, foto dan dokumen.');
    for (const { employee } of [a, b, c]) expect(await db().ticket.count({ where: { requesterId: employee.id } })).toBe(0);
  });

  // Last: it moves the shared clock.
  it('slows a user down past 20 messages a minute with one note, and drops nothing', async () => {
    const { user, employee } = await h.linkedUser();
    for (let i = 1; i <= 23; i++) h.fake.userSends(user, `pesan ${i}`);
    await h.waitForMessage(user.id, 'Pesan Anda banyak sekali dalam satu menit');
    await until(async () => (await h.staffMessages(employee.id)).length === 20, 'the first 20 messages');
    await sleep(400);
    expect(await h.staffMessages(employee.id)).toHaveLength(20);

    h.clock.advance(61_000);
    await until(async () => (await h.staffMessages(employee.id)).length === 23, 'the held messages', 5000);
    expect((await h.staffMessages(employee.id)).map((m) => m.text)).toEqual(Array.from({ length: 23 }, (_, i) => `pesan ${i + 1}`));
    expect(h.texts(user.id).filter((t) => t.startsWith('Pesan Anda banyak sekali'))).toHaveLength(1);
  });
});
