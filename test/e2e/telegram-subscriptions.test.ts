/**
 * Topic subscriptions (/langganan) and what someone who links after mandatory announcements is shown, through the
 * real grammY against FakeTelegram.
 */
import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/auth/actor.js';
import type { NewBroadcastInput } from '../../core/broadcasts/broadcast-input.js';
import { keyboardOf, lastMessageWith, pressButton, startTelegramHarness, textOf, until, type TelegramHarness } from '../support/telegram-harness.js';
import { testDatabaseKinds } from '../support/test-databases.js';

const day = 86_400_000;

describe.each(testDatabaseKinds)('Topic subscriptions and announcements still in force (%s)', (kind) => {
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
  const newUnit = () => `Bidang Langganan ${kind} ${++unitCounter}`;
  /** Creates a broadcast and lets the scheduler send it (so it is published). */
  const publish = async (input: Partial<NewBroadcastInput> & { title: string; audience: NewBroadcastInput['audience'] }) => {
    const created = await broadcasts().create({ text: `Isi pengumuman ${input.title}.`, ...input });
    await h.app.tickScheduler();
    return created;
  };
  const lastMessage = (chatId: number, pattern: string) => lastMessageWith(h, chatId, pattern);
  const current = (chatId: number, message: Message) => h.fake.getMessage(chatId, message.message_id);
  const press = (user: { id: number }, message: Message, label: string | RegExp) => pressButton(h, user, message, label);

  it('/langganan turns a topic off: its broadcasts skip that person unless marked wajib, and the archive still has them', async () => {
    const unit = newUnit();
    const [quiet, keen] = [await h.linkedUser({ unit }), await h.linkedUser({ unit })];
    h.fake.userSends(quiet.user, '/langganan');
    const menu = await lastMessage(quiet.user.id, 'Topik pengumuman yang dikirim kepada Anda');
    expect(keyboardOf(menu)!.flat().map((b) => b.text)).toContain('✅ Kinerja instansi');
    press(quiet.user, menu, '✅ Kinerja instansi');
    await until(() => (keyboardOf(current(quiet.user.id, menu))!.flat().some((b) => b.text === '🔕 Kinerja instansi') ? true : undefined), 'the topic to show as off');
    expect(await db().topicOptOut.count({ where: { employeeId: quiet.employee.id } })).toBe(1);

    const optional = await publish({ title: 'Evaluasi kinerja unit', audience: { units: [unit] }, topic: 'kinerja_instansi' });
    const mandatory = await publish({ title: 'Target kinerja wajib dibaca', audience: { units: [unit] }, topic: 'kinerja_instansi', mandatory: true });
    await h.waitForMessage(keen.user.id, 'Evaluasi kinerja unit');
    await h.waitForMessage(keen.user.id, 'Target kinerja wajib dibaca');
    await h.waitForMessage(quiet.user.id, 'Target kinerja wajib dibaca');
    expect(h.texts(quiet.user.id).some((t) => t.includes('Evaluasi kinerja unit'))).toBe(false);
    const report = await broadcasts().status({ broadcastId: optional.broadcastId });
    expect(report.total.recipients).toBe(1);
    expect((await broadcasts().status({ broadcastId: mandatory.broadcastId })).total.recipients).toBe(2);

    h.fake.userSends(quiet.user, '/info');
    const list = await lastMessage(quiet.user.id, 'Pusat informasi kepegawaian');
    expect(textOf(list)).toContain('Evaluasi kinerja unit');

    // Back on (the same menu, now showing it off): the next one reaches them.
    press(quiet.user, menu, '🔕 Kinerja instansi');
    await until(async () => ((await db().topicOptOut.count({ where: { employeeId: quiet.employee.id } })) === 0 ? true : undefined), 'the topic back on');
    await publish({ title: 'Evaluasi kinerja kedua', audience: { units: [unit] }, topic: 'kinerja_instansi' });
    await h.waitForMessage(quiet.user.id, 'Evaluasi kinerja kedua');
  });

  it('someone linked after mandatory announcements gets those still in force and not yet confirmed, each with the confirmation button', async () => {
    const unit = newUnit();
    const inForce = await publish({ title: 'Kode etik ASN berlaku', audience: { units: [unit] }, needsAck: true });
    await publish({ title: 'Libur pengganti sudah lewat', audience: { units: [unit] }, needsAck: true, validUntil: new Date(h.clock.now().getTime() - day) });
    await publish({ title: 'Info diklat tidak wajib', audience: { units: [unit] }, needsAck: true, topic: 'peluang_karir', careerKind: 'diklat', closesOn: '2026-12-30' });
    await publish({ title: 'Siaran tanpa konfirmasi', audience: { units: [unit] } });

    const { employee, code } = await h.newEmployee({ unit });
    const newcomer = h.newUser();
    h.fake.userSends(newcomer, `/start ${code}`);
    await h.waitForMessage(newcomer.id, 'Selamat datang');
    await h.waitForMessage(newcomer.id, 'Ada 1 pengumuman wajib yang masih berlaku');
    const copy = await h.waitForMessage(newcomer.id, 'Kode etik ASN berlaku');
    expect(keyboardOf(copy)!.flat().map((b) => b.text)).toEqual(['Saya sudah membaca dan memahami']);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const texts = h.texts(newcomer.id).join('\n');
    expect(texts).not.toContain('Libur pengganti sudah lewat');
    expect(texts).not.toContain('Info diklat tidak wajib');
    expect(texts).not.toContain('Siaran tanpa konfirmasi');

    h.fake.userPressesButton(newcomer, copy.message_id, `ack:${inForce.broadcastId}`);
    await until(async () => db().broadcastAck.findUnique({ where: { broadcastId_employeeId: { broadcastId: inForce.broadcastId, employeeId: employee.id } } }), 'the confirmation');
  });
});
