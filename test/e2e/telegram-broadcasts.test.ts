/**
 * Broadcasts end to end through the real grammY against FakeTelegram: fan-out to an audience, the confirmation
 * button (in a private chat and in a group), per-unit status, blocked chats, quiet hours and confirmation nudges.
 */
import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/auth/actor.js';
import type { NewBroadcastInput } from '../../core/broadcasts/broadcast-input.js';
import { callbackData, keyboardOf, startTelegramHarness, textOf, until, type TelegramHarness } from '../support/telegram-harness.js';
import { testDatabaseKinds } from '../support/test-databases.js';

describe.each(testDatabaseKinds)('Telegram broadcasts on %s', (kind) => {
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
  /** A unit of its own per test, so audiences do not reach other tests' people. */
  const newUnit = () => `Bidang Uji ${kind} ${++unitCounter}`;
  const create = (input: Partial<NewBroadcastInput> & { audience: NewBroadcastInput['audience'] }) =>
    broadcasts().create({ title: 'Batas unggah SKP', text: 'Unggah **SKP 2026** paling lambat _10 Januari_ di e-Kinerja.', ...input });
  const broadcastMessage = (chatId: number, title: string) =>
    h.fake.sent(chatId).find((m) => textOf(m)?.includes(title)) as (Message & { text?: string }) | undefined;
  const settled = (broadcastId: string) =>
    until(async () => {
      const report = await broadcasts().status({ broadcastId });
      return report.total.pending === 0 && report.runs > 0 ? report : undefined;
    }, 'the broadcast to settle', 10_000);

  it('reaches everyone in the audience once, counts per unit, and records confirmations', async () => {
    const unit = newUnit();
    const [a, b, blocked] = [await h.linkedUser({ unit }), await h.linkedUser({ unit }), await h.linkedUser({ unit })];
    const unlinked = await h.newEmployee({ unit });
    const outsider = await h.linkedUser({ unit: newUnit() });
    h.fake.setBlocked(blocked.user.id);

    const created = await create({ audience: { units: [unit] }, needsAck: true });
    expect(created.status).toBe('scheduled');
    await h.app.tickScheduler();
    const report = await settled(created.broadcastId);

    expect(report.total).toMatchObject({ recipients: 4, sent: 3, delivered: 2, failed: 1, unreachable: 1, acknowledged: 0 });
    expect(report.byUnit).toEqual([expect.objectContaining({ unit, recipients: 4, delivered: 2 })]);
    for (const person of [a, b]) {
      const sent = h.fake.sent(person.user.id).filter((m) => textOf(m)?.includes('Batas unggah SKP'));
      expect(sent).toHaveLength(1);
      // Markdown arrives as formatting, not as asterisks.
      expect(textOf(sent[0])).toContain('Unggah SKP 2026 paling lambat 10 Januari');
      expect(keyboardOf(sent[0])!.flat().map((button) => button.text)).toEqual(['Saya sudah membaca dan memahami']);
    }
    expect(broadcastMessage(outsider.user.id, 'Batas unggah SKP')).toBeUndefined();
    expect(unlinked.employee.id).toBeTruthy();
    // The blocked chat is remembered: the next broadcast does not even queue a message for it.
    expect(await db().blockedChat.findUnique({ where: { platform_chatId: { platform: 'telegram', chatId: String(blocked.user.id) } } })).not.toBeNull();

    const message = broadcastMessage(a.user.id, 'Batas unggah SKP')!;
    h.fake.userPressesButton(a.user, message.message_id, callbackData(keyboardOf(message)![0]![0]!)!);
    await until(() => (keyboardOf(h.fake.getMessage(a.user.id, message.message_id))?.[0]?.[0]?.text === '✅ Sudah dikonfirmasi' ? true : undefined), 'the button to show the confirmation');
    // Pressing again (e.g. on an old copy) changes nothing.
    h.fake.userPressesButton(a.user, message.message_id, `ack:${created.broadcastId}`);
    await until(async () => ((await broadcasts().status({ broadcastId: created.broadcastId })).total.acknowledged === 1 ? true : undefined), 'one confirmation');
    expect(await db().broadcastAck.count({ where: { broadcastId: created.broadcastId } })).toBe(1);

    // Operators see the same on /metrics.
    const metrics = await (await fetch(`${h.app.url}/metrics`)).text();
    expect(Number(/layani_broadcast_deliveries_total\{status="sent"\} (\d+)/.exec(metrics)?.[1])).toBeGreaterThanOrEqual(2);
    expect(Number(/layani_broadcast_deliveries_total\{status="blocked"\} (\d+)/.exec(metrics)?.[1])).toBeGreaterThanOrEqual(1);
    expect(metrics).toMatch(/layani_broadcast_recipients_remaining 0/);

    const second = await create({ title: 'Pengumuman kedua', audience: { units: [unit] } });
    await h.app.tickScheduler();
    const again = await settled(second.broadcastId);
    expect(again.total).toMatchObject({ recipients: 4, sent: 2, delivered: 2, failed: 0, unreachable: 2 });
  });

  it('reminds those who have not confirmed after the set days, at most twice, in office hours', async () => {
    const unit = newUnit();
    const [reader, forgetful] = [await h.linkedUser({ unit }), await h.linkedUser({ unit })];
    const created = await create({ title: 'Kebijakan presensi baru', audience: { units: [unit] }, needsAck: true, nudgeAfterDays: 2 });
    await h.app.tickScheduler();
    await settled(created.broadcastId);
    const message = broadcastMessage(reader.user.id, 'Kebijakan presensi baru')!;
    h.fake.userPressesButton(reader.user, message.message_id, `ack:${created.broadcastId}`);
    await until(async () => ((await db().broadcastAck.count({ where: { broadcastId: created.broadcastId } })) === 1 ? true : undefined), 'the confirmation');

    const nudgesTo = (chatId: number) => h.fake.sent(chatId).filter((m) => textOf(m)?.startsWith('Pengingat konfirmasi: Kebijakan presensi baru'));
    const start = h.clock.now().getTime();
    const day = 86_400_000;
    // One day later: too early.
    h.clock.set(new Date(start + day));
    await h.app.tickScheduler();
    // Two days later, but at 20:00 WIB (office closed): still nothing.
    h.clock.set(new Date(start + 2 * day + 11 * 3600_000));
    await h.app.tickScheduler();
    expect(nudgesTo(forgetful.user.id)).toHaveLength(0);
    // Thursday 09:00 WIB: the first reminder, with the button again; none for the one who confirmed.
    h.clock.set(new Date(start + 2 * day));
    await h.app.tickScheduler();
    await until(() => (nudgesTo(forgetful.user.id).length === 1 ? true : undefined), 'the first nudge');
    expect(keyboardOf(nudgesTo(forgetful.user.id)[0])!.flat().map((b) => b.text)).toEqual(['Saya sudah membaca dan memahami']);
    await h.app.tickScheduler();
    // Monday and the Wednesday after: the second, then no more.
    h.clock.set(new Date(start + 6 * day));
    await h.app.tickScheduler();
    await until(() => (nudgesTo(forgetful.user.id).length === 2 ? true : undefined), 'the second nudge');
    h.clock.set(new Date(start + 8 * day));
    await h.app.tickScheduler();
    h.clock.set(new Date(start + 14 * day));
    await h.app.tickScheduler();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(nudgesTo(forgetful.user.id)).toHaveLength(2);
    expect(nudgesTo(reader.user.id)).toHaveLength(0);
    h.clock.set(new Date(start));
  });

  it('holds personal messages in quiet hours unless urgent; groups get theirs at once', async () => {
    const unit = newUnit();
    const person = await h.linkedUser({ unit });
    const group = -100_000 - unitCounter;
    h.fake.addChat({ id: group, type: 'supergroup', title: 'ASN Dinas' });
    h.fake.pushUpdate({
      my_chat_member: {
        chat: { id: group, type: 'supergroup', title: 'ASN Dinas' },
        from: person.user,
        date: Math.floor(Date.now() / 1000),
        old_chat_member: { status: 'left', user: { id: 1, is_bot: true, first_name: 'LAYANI' } },
        new_chat_member: { status: 'member', user: { id: 1, is_bot: true, first_name: 'LAYANI' } },
      },
    } as never);
    await until(async () => db().chatGroup.findUnique({ where: { platform_chatId: { platform: 'telegram', chatId: String(group) } } }), 'the group to be recorded');

    const morning = h.clock.now();
    // 22:00 WIB the same day.
    h.clock.set(new Date(morning.getTime() + 13 * 3600_000));
    const quiet = await create({ title: 'Info malam', audience: { units: [unit], telegramGroups: [String(group)] }, needsAck: true });
    const urgent = await create({ title: 'Darurat banjir', audience: { units: [unit] }, urgent: true });
    await h.app.tickScheduler();
    await h.waitForMessage(person.user.id, 'Darurat banjir');
    await h.waitForMessage(group, 'Info malam');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(broadcastMessage(person.user.id, 'Info malam')).toBeUndefined();
    const held = await broadcasts().status({ broadcastId: quiet.broadcastId });
    expect(held.total).toMatchObject({ recipients: 2, pending: 1, delivered: 1 });
    expect((await broadcasts().status({ broadcastId: urgent.broadcastId })).total.delivered).toBe(1);

    // Someone in the group confirms for themselves.
    const inGroup = broadcastMessage(group, 'Info malam')!;
    h.fake.userPressesButton(person.user, inGroup.message_id, `ack:${quiet.broadcastId}`, { chatId: group });
    await until(async () => ((await db().broadcastAck.count({ where: { broadcastId: quiet.broadcastId } })) === 1 ? true : undefined), 'the group confirmation');

    // 06:00 WIB next day: the held message goes out.
    h.clock.set(new Date(morning.getTime() + 22 * 3600_000));
    h.app.outbox.wake();
    await h.waitForMessage(person.user.id, 'Info malam');
    h.clock.set(morning);
  });

  it('sends the attachment after the text', async () => {
    const unit = newUnit();
    const person = await h.linkedUser({ unit });
    const file = h.fake.storeFile(Buffer.from('%PDF-1.4 edaran'), { kind: 'document', file_name: 'edaran-kgb.pdf', mime_type: 'application/pdf' });
    const created = await create({
      title: 'Edaran KGB 2027',
      audience: { units: [unit] },
      attachment: { source: 'telegram', fileId: file.file_id, fileName: 'edaran-kgb.pdf', mimeType: 'application/pdf', kind: 'document', url: null },
    });
    await h.app.tickScheduler();
    await settled(created.broadcastId);
    const [text, document] = h.fake.sent(person.user.id).slice(-2) as Array<Message & { text?: string }>;
    expect(text?.text).toContain('Edaran KGB 2027');
    expect(document?.document?.file_name).toBe('edaran-kgb.pdf');
  });

  it('refuses a broadcast without an audience, and staff cannot broadcast', async () => {
    await expect(create({ audience: {} })).rejects.toThrow(/Pilih penerima siaran/);
    const { actor } = await h.linkedUser();
    await expect(h.app.runtime.callerFor(actor).broadcasts.create({ title: 'Halo', text: 'x', audience: { everyone: true } })).rejects.toThrow(/hr_officer/);
  });
});
