/**
 * Outbox delivery to Telegram through startApp's OutboxWorker and the adapter's `deliver`: HTML escaping, splitting,
 * files, and what Telegram's failures do to the outbox row (429 waits, 403 stops, an outage backs off).
 */
import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTelegramAdapter } from '../../bots/telegram/index.js';
import type { Actor } from '../../core/auth/actor.js';
import { DeliveryRefused } from '../../core/outbox/delivery-errors.js';
import { enqueue } from '../../core/outbox/enqueue.js';
import type { Attachment, IntentOf } from '../../core/outbox/outbox-intent.js';
import { TINY_JPEG, type UploadedFile } from '../fakes/fake-telegram.js';
import { startTelegramHarness, sleep, until, type TelegramHarness } from '../support/telegram-harness.js';
import { testDatabaseKinds } from '../support/test-databases.js';

type Sent = Message & { text?: string; caption?: string };

describe.each(testDatabaseKinds)('Telegram outbox delivery on %s', (kind) => {
  let h: TelegramHarness;
  let nextChat = 880_000_000 + (kind === 'sqlite' ? 0 : 10_000);

  beforeAll(async () => {
    h = await startTelegramHarness(kind);
  });
  afterAll(async () => h?.stop());

  const db = () => h.app.runtime.db;
  const newChat = () => ++nextChat;
  const text = (chatId: number, body: string, attachments: Attachment[] = []): IntentOf<'telegram.text'> => ({
    channel: 'telegram',
    kind: 'telegram.text',
    chatId: String(chatId),
    text: body,
    lang: 'id',
    attachments,
    buttons: [],
    holdInQuietHours: false,
    ticketId: null,
  });
  const send = (intent: IntentOf<'telegram.text'>) => enqueue(db(), intent, { orderKey: `telegram:${intent.chatId}` });
  const rowFor = (chatId: number) => db().outboxMessage.findFirstOrThrow({ where: { orderKey: `telegram:${chatId}` }, orderBy: { createdAt: 'desc' } });
  const sent = (chatId: number) => h.fake.sent(chatId) as Sent[];

  it('sends an HR reply as HTML with <, > and & escaped, and stores the message id', async () => {
    const { user, employee, actor } = await h.linkedUser();
    const { ticketId, number } = await h.app.runtime.callerFor(actor).tickets.open({ category: 'kinerja', text: 'Cara isi SKP?' });
    await h.waitForMessage(user.id, `Tiket #${number} (Kinerja/SKP)`);
    const officer: Actor = { ref: 'slack:UOFFICER', role: 'hr_officer', employeeId: null, agencyId: employee.agencyId };
    await h.app.runtime.callerFor(officer).tickets.reply({ ticketId, text: 'Ketik <b>& lalu simpan; a < b > c' });

    const reply = await h.waitForMessage(user.id, 'Balasan petugas kepegawaian');
    expect(reply.text).toBe(`Balasan petugas kepegawaian untuk tiket #${number}:\n\nKetik <b>& lalu simpan; a < b > c`);
    const call = h.fake.callsTo('sendMessage').find((c) => c.params.chat_id === user.id && String(c.params.text).includes('Ketik'))!;
    expect(call.params.parse_mode).toBe('HTML');
    expect(call.params.text).toContain('Ketik &lt;b&gt;&amp; lalu simpan; a &lt; b &gt; c');
    const row = await until(async () => {
      const r = await rowFor(user.id);
      return r.status === 'sent' ? r : undefined;
    }, 'the row marked sent');
    expect(row.resultRef).toBe(String(reply.message_id));
  });

  it('splits long texts under 4,096 characters on line, then word boundaries, within Telegram flood limits', async () => {
    h.fake.setRateLimit(true); // the fake now answers 429 like Telegram when a chat gets more than 1 message a second
    try {
      const lines = Array.from({ length: 150 }, (_, i) => `Baris ${i + 1}: persyaratan berkas kenaikan pangkat nomor ${i + 1} & lampirannya.`);
      const byLine = lines.join('\n');
      const words = Array.from({ length: 1200 }, (_, i) => `kata${i}`).join(' ');
      for (const long of [byLine, words]) expect(long.length).toBeGreaterThan(2 * 4096);
      for (const long of [byLine, words]) expect(long.length).toBeLessThan(3 * 4000);
      const lineChat = newChat();
      const wordChat = newChat();
      await send(text(lineChat, byLine));
      await send(text(wordChat, words));

      await until(async () => (await rowFor(lineChat)).status === 'sent' && (await rowFor(wordChat)).status === 'sent', 'both rows sent', 8000);
      const lineParts = sent(lineChat).map((m) => m.text!);
      const wordParts = sent(wordChat).map((m) => m.text!);
      expect(lineParts).toHaveLength(3);
      expect(wordParts).toHaveLength(3);
      for (const part of [...lineParts, ...wordParts]) expect(part.length).toBeLessThanOrEqual(4096);
      expect(lineParts.join('\n')).toBe(byLine);
      expect(lineParts.every((p) => p.startsWith('Baris ') && p.endsWith('lampirannya.'))).toBe(true);
      expect(wordParts.join(' ')).toBe(words);
      expect((await rowFor(lineChat)).resultRef).toBe(sent(lineChat).map((m) => m.message_id).join(','));
      // the throttler spaced the parts: Telegram never had to refuse one
      expect(h.fake.calls.filter((c) => c.injected === 'rate-limited')).toEqual([]);
    } finally {
      h.fake.setRateLimit(false);
    }
  });

  it('honours 429 retry_after: the message waits, then arrives once', async () => {
    const chat = newChat();
    h.fake.failNext('sendMessage', { error_code: 429, retry_after: 7 });
    await send(text(chat, 'Pengumuman setelah jeda'));
    const limited = await until(async () => {
      const r = await rowFor(chat);
      return r.lastError ? r : undefined;
    }, 'the 429 recorded');
    expect(limited).toMatchObject({ status: 'pending', attempts: 0 });
    expect(limited.lastError).toMatch(/retry after 7/);
    expect(limited.nextAttemptAt.getTime() - h.clock.now().getTime()).toBe(7000);
    await sleep(300);
    expect(sent(chat)).toEqual([]);

    h.clock.advance(7000);
    await h.waitForMessage(chat, 'Pengumuman setelah jeda');
    await until(async () => (await rowFor(chat)).status === 'sent', 'the row sent');
    await sleep(200);
    expect(sent(chat).map((m) => m.text)).toEqual(['Pengumuman setelah jeda']);
    expect(h.fake.callsTo('sendMessage').filter((c) => c.params.text === 'Pengumuman setelah jeda').map((c) => c.injected ?? 'ok')).toEqual([
      'error_code:429',
      'ok',
    ]);
  });

  it('a 429 on the second part does not send the first part again', async () => {
    const chat = newChat();
    const long = Array.from({ length: 120 }, (_, i) => `Baris ${i + 1} dari pengumuman panjang tentang jadwal pelayanan.`).join('\n');
    await send(text(chat, long));
    await until(() => sent(chat).length === 1, 'the first part');
    h.fake.failNext('sendMessage', { error_code: 429, retry_after: 3 });
    await until(async () => (await rowFor(chat)).lastError?.includes('retry after 3'), 'the 429 on part two');
    h.clock.advance(3000);
    await until(async () => (await rowFor(chat)).status === 'sent', 'the row sent');
    expect(sent(chat).map((m) => m.text).join('\n')).toBe(long);
    expect(sent(chat)).toHaveLength(2);
  });

  it('a user who blocked the bot: marked blocked and not retried', async () => {
    const chat = newChat();
    h.fake.setBlocked(chat);
    await send(text(chat, 'Undangan sosialisasi'));
    const row = await until(async () => {
      const r = await rowFor(chat);
      return r.status === 'blocked' ? r : undefined;
    }, 'the row marked blocked');
    expect(row).toMatchObject({ attempts: 1, lastError: 'Forbidden: bot was blocked by the user' });
    h.clock.advance(60 * 60_000);
    await sleep(300);
    expect(h.fake.callsTo('sendMessage').filter((c) => c.params.chat_id === chat)).toHaveLength(1);
    expect((await rowFor(chat)).status).toBe('blocked');
  });

  it('a chat Telegram does not know is a failure for good', async () => {
    await send(text(0, 'ke mana?'));
    const row = await until(async () => {
      const r = await rowFor(0);
      return r.status === 'failed' ? r : undefined;
    }, 'the row marked failed');
    expect(row.lastError).toBe('Bad Request: chat not found');
  });

  it('an outage of Telegram: delivery backs off and goes out after recovery; updates sent meanwhile are not lost', async () => {
    const { user, employee } = await h.linkedUser();
    const chat = newChat();
    h.fake.setOutage(true);
    try {
      await send(text(chat, 'Pesan saat gangguan'));
      const failed = await until(async () => {
        const r = await rowFor(chat);
        return r.attempts > 0 ? r : undefined;
      }, 'a failed attempt');
      expect(failed.status).toBe('pending');
      expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(h.clock.now().getTime());
      h.fake.userSends(user, 'Saya kirim ini waktu Telegram gangguan');
      await sleep(300);
    } finally {
      h.fake.setOutage(false);
    }
    h.clock.advance(5 * 60_000);
    await h.waitForMessage(chat, 'Pesan saat gangguan', 8000);
    await until(async () => (await rowFor(chat)).status === 'sent', 'the row sent');
    expect(sent(chat).map((m) => m.text)).toEqual(['Pesan saat gangguan']);
    await until(
      async () => (await db().ticketMessage.count({ where: { text: 'Saya kirim ini waktu Telegram gangguan', ticket: { requesterId: employee.id } } })) === 1,
      'the update sent during the outage',
      8000,
    );
    // polling said once that it failed and once that it works again, without the token that is in every Bot API URL
    const logged = h.logs.map((line) => JSON.parse(line) as { msg: string; error?: Record<string, unknown> });
    const failed = logged.filter((l) => l.msg === 'telegram: getUpdates failed, retrying');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.error).toEqual({ type: 'HttpError', message: "Network request for 'getUpdates' failed!" });
    expect(logged.filter((l) => l.msg === 'telegram: polling works again')).toHaveLength(1);
    expect(h.logs.join('\n')).not.toContain(h.fake.token);
  });

  it('re-sends Telegram files by file_id', async () => {
    const chat = newChat();
    const pdf = h.fake.storeFile(Buffer.from('%PDF-1.4 SK\n'), { kind: 'document', file_name: 'sk.pdf', mime_type: 'application/pdf' });
    const photo = h.fake.storeFile(TINY_JPEG, { kind: 'photo', mime_type: 'image/jpeg' });
    const attachments: Attachment[] = [
      { source: 'telegram', fileId: pdf.file_id, fileName: 'sk.pdf', mimeType: 'application/pdf', kind: 'document', url: null },
      { source: 'telegram', fileId: photo.file_id, fileName: 'foto.jpg', mimeType: 'image/jpeg', kind: 'photo', url: null },
    ];
    await send(text(chat, 'Berkas terlampir', attachments));
    await until(async () => (await rowFor(chat)).status === 'sent', 'the row sent', 6000);
    const [message, document, picture] = sent(chat);
    expect(message?.text).toBe('Berkas terlampir');
    expect(document?.document?.file_id).toBe(pdf.file_id);
    expect(picture?.photo?.at(-1)?.file_id).toBe(photo.file_id);
    expect(h.fake.callsTo('sendDocument').at(-1)?.params.document).toBe(pdf.file_id);
  });

  it('uploads files from another platform with the bytes its fetcher returns', async () => {
    const bytes = Buffer.from('nip;hadir\n1987;20\n');
    const fetched: Attachment[] = [];
    const adapter = createTelegramAdapter(h.app.runtime, {
      slack: async (attachment) => {
        fetched.push(attachment);
        return attachment.kind === 'photo'
          ? { bytes: TINY_JPEG, fileName: attachment.fileName, mimeType: 'image/jpeg' }
          : { bytes, fileName: attachment.fileName, mimeType: 'text/csv' };
      },
    });
    const chat = newChat();
    const attachments: Attachment[] = [
      { source: 'slack', fileId: 'F0CSV', fileName: 'rekap.csv', mimeType: 'text/csv', kind: 'document', url: 'https://files.slack.example/F0CSV' },
      { source: 'slack', fileId: 'F0IMG', fileName: 'bukti.jpg', mimeType: 'image/jpeg', kind: 'photo', url: 'https://files.slack.example/F0IMG' },
    ];
    const ref = await adapter.deliver(text(chat, '', attachments), { id: 'direct-1', attempts: 0, markDispatched: async () => undefined });
    expect(fetched.map((a) => a.fileId)).toEqual(['F0CSV', 'F0IMG']);
    const [document, picture] = sent(chat);
    expect(ref).toBe(`${document!.message_id},${picture!.message_id}`);
    expect(document?.document?.file_name).toBe('rekap.csv');
    const upload = h.fake.callsTo('sendDocument').at(-1)!;
    expect(upload.encoding).toBe('multipart');
    expect((upload.params.document as UploadedFile).bytes.equals(bytes)).toBe(true);
    expect(picture?.photo).toBeDefined();

    // without a fetcher for the source the message is kept for a later try, not refused
    const lonely = createTelegramAdapter(h.app.runtime, {});
    const error = await lonely.deliver(text(newChat(), '', attachments.slice(0, 1)), { id: 'direct-2', attempts: 0, markDispatched: async () => undefined }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(DeliveryRefused);
  });
});
