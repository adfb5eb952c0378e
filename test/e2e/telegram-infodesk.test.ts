/**
 * The information desk's archive through the real grammY against FakeTelegram: /info newest first with date, source
 * and attachment, paging, topics, search, and only one's own agency and audience. Subscriptions are in
 * telegram-subscriptions.test.ts.
 */
import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor, systemActor, type Actor } from '../../core/auth/actor.js';
import type { NewBroadcastInput } from '../../core/broadcasts/broadcast-input.js';
import { lastMessageWith, pressButton, startTelegramHarness, textOf, tuesdayMorning, until, type TelegramHarness } from '../support/telegram-harness.js';
import { testDatabaseKinds } from '../support/test-databases.js';

const day = 86_400_000;

describe.each(testDatabaseKinds)('Information desk on Telegram (%s)', (kind) => {
  let h: TelegramHarness;
  let hr: Actor;
  let unitCounter = 0;

  beforeAll(async () => {
    h = await startTelegramHarness(kind);
    const agency = await h.app.runtime.db.agency.findFirstOrThrow();
    hr = { ref: 'test:hr', role: 'hr_officer', employeeId: null, agencyId: agency.id };
  });
  afterAll(async () => h?.stop());

  const db = () => h.app.runtime.db;
  const broadcasts = () => h.app.runtime.callerFor(hr).broadcasts;
  const newUnit = () => `Bidang Info ${kind} ${++unitCounter}`;
  /** Creates a broadcast and lets the scheduler send it (so it is published). */
  const publish = async (input: Partial<NewBroadcastInput> & { title: string; audience: NewBroadcastInput['audience'] }) => {
    const created = await broadcasts().create({ text: `Isi pengumuman ${input.title}.`, ...input });
    await h.app.tickScheduler();
    return created;
  };
  const lastMessage = (chatId: number, pattern: string) => lastMessageWith(h, chatId, pattern);
  const current = (chatId: number, message: Message) => h.fake.getMessage(chatId, message.message_id);
  const press = (user: { id: number }, message: Message, label: string | RegExp) => pressButton(h, user, message, label);
  const untilText = (chatId: number, message: Message, pattern: string) =>
    until(() => (textOf(current(chatId, message))?.includes(pattern) ? true : undefined), `the message to show "${pattern}"`);

  it('/info lists the newest announcements first with date, source and attachment, pages with buttons, filters by topic and searches by word', async () => {
    const unit = newUnit();
    // Linked only after the announcements went out, so the archive is all they have (and Telegram's one message a
    // second per chat does not hold the replies up).
    const { employee, code } = await h.newEmployee({ unit });
    const file = h.fake.storeFile(Buffer.from('%PDF-1.4 edaran'), { kind: 'document', file_name: 'edaran-kp-april.pdf', mime_type: 'application/pdf' });
    const start = new Date(tuesdayMorning).getTime();
    const titles = ['Jadwal usul KP April', 'Batas unggah SKP', 'Capaian kinerja triwulan III', 'Seleksi JPT Pratama', 'Aturan presensi baru', 'Pembaruan data MyASN', 'Diklat PIM IV'];
    for (const [i, title] of titles.entries()) {
      h.clock.set(new Date(start - (titles.length - i) * day));
      await publish({
        title,
        audience: { units: [unit] },
        ...(i === 0 ? { topic: 'kenaikan_pangkat_kgb', source: 'BKPSDMD', attachment: { source: 'telegram', fileId: file.file_id, fileName: 'edaran-kp-april.pdf', mimeType: 'application/pdf', kind: 'document', url: null } } : {}),
        ...(i === 1 ? { text: 'Unggah **SKP** tahunan paling lambat 10 Januari.', topic: 'kinerja_instansi' } : {}),
        ...(i === 3 ? { topic: 'peluang_karir', careerKind: 'seleksi', closesOn: '2026-12-31', source: 'BKN' } : {}),
        ...(i === 6 ? { topic: 'peluang_karir', careerKind: 'diklat', closesOn: '2026-12-15' } : {}),
      });
    }
    h.clock.set(tuesdayMorning);
    // Not in this reader's archive: another unit's announcement and another agency's.
    await publish({ title: 'Khusus unit lain', audience: { units: [newUnit()] } });
    const other = await db().agency.create({ data: { code: `LAIN${kind}`, name: 'Instansi lain' } });
    await h.app.runtime.callerFor(cliActor).broadcasts.create({ title: 'Pengumuman instansi lain', text: 'Bukan untuk DKP.', audience: { everyone: true }, agencyId: other.id });
    await h.app.tickScheduler();
    const reader = { user: h.newUser(), employee };
    await h.app.runtime.callerFor(systemActor).identity.linkWithCode({ code, platform: 'telegram', externalId: String(reader.user.id) });
    // A colleague searches in a chat of their own (Telegram sends one message a second per chat).
    const searcher = await h.newEmployee({ unit });
    const searcherUser = h.newUser();
    await h.app.runtime.callerFor(systemActor).identity.linkWithCode({ code: searcher.code, platform: 'telegram', externalId: String(searcherUser.id) });

    h.fake.userSends(reader.user, '/info');
    const list = await lastMessage(reader.user.id, 'Pusat informasi kepegawaian');
    const first = textOf(list)!;
    expect(first).toContain('Halaman 1 dari 2 · 7 pengumuman');
    // Newest first: the five latest, not the two oldest.
    expect(first.indexOf('Diklat PIM IV')).toBeLessThan(first.indexOf('Pembaruan data MyASN'));
    for (const title of titles.slice(2)) expect(first).toContain(title);
    expect(first).not.toContain('Jadwal usul KP April');
    expect(first).toContain('Sumber: BKN');
    expect(first).toContain('23 November 2026');
    expect(first).toContain('Diklat · pendaftaran ditutup 15 Desember 2026');
    expect(first).not.toContain('Khusus unit lain');
    expect(first).not.toContain('instansi lain');

    press(reader.user, list, 'Berikutnya »');
    await untilText(reader.user.id, list, 'Halaman 2 dari 2');
    const second = textOf(current(reader.user.id, list))!;
    expect(second).toContain('Jadwal usul KP April');
    expect(second).toContain('Sumber: BKPSDMD');
    expect(second).toContain('📎 edaran-kp-april.pdf');
    expect(second).toContain('17 November 2026');
    // SKP's Markdown is listed as plain words.
    expect(second).toContain('Unggah SKP tahunan');

    press(reader.user, list, 'Peluang karier');
    await untilText(reader.user.id, list, 'Peluang karier: diklat, seleksi, lowongan jabatan');
    const careers = textOf(current(reader.user.id, list))!;
    expect(careers).toContain('2 pengumuman');
    expect(careers).toContain('Seleksi JPT Pratama');
    expect(careers).not.toContain('Batas unggah SKP');

    // Search: every word must appear, case and formatting ignored.
    h.fake.userSends(searcherUser, '/info skp TAHUNAN');
    const found = await lastMessage(searcherUser.id, 'Hasil pencarian');
    expect(textOf(found)).toContain('1 pengumuman');
    expect(textOf(found)).toContain('Batas unggah SKP');
    h.fake.userSends(searcherUser, '/info lowongan kepala dinas');
    expect(textOf(await lastMessage(searcherUser.id, 'Tidak ada pengumuman yang memuat'))).toContain('lowongan kepala dinas');

    // 📄 sends the whole announcement again, with its attachment.
    press(reader.user, list, 'Semua topik');
    await untilText(reader.user.id, list, 'semua topik');
    press(reader.user, list, 'Berikutnya »');
    await untilText(reader.user.id, list, 'Halaman 2 dari 2');
    const before = h.fake.sent(reader.user.id).length;
    press(reader.user, list, '📄 2');
    await until(() => h.fake.sent(reader.user.id).length >= before + 2, 'the announcement and its attachment');
    const [text, document] = h.fake.sent(reader.user.id).slice(before) as Array<Message & { text?: string }>;
    expect(text?.text).toContain('Jadwal usul KP April');
    expect(document?.document?.file_name).toBe('edaran-kp-april.pdf');
  });
});
