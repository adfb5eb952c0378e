/**
 * The monthly service report in Slack: `/layani laporan [bulan]` from an HR lead, and the post on the first
 * business day of the month, both in the HR leads' (confidential) channel with the summary, the charts (PNG), the
 * PDF and the CSV; LAYANI runs with startApp and the real Bolt/WebClient against FakeSlack.
 */
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wibInstant } from '../../core/scheduling/jakarta-time.js';
import { seedReportMonth } from '../support/report-seed.js';
import { channels, startSlackDesk, users, type SlackDesk } from '../support/slack-desk.js';
import { testDatabaseKinds } from '../support/test-databases.js';
import type { SlackMessage } from '../fakes/fake-slack.js';

describe.each(testDatabaseKinds)('service report in Slack on %s', (kind) => {
  let desk: SlackDesk;

  beforeAll(async () => {
    desk = await startSlackDesk(kind);
    // The desk's clock is Tuesday 9 April 2030: March is the last complete month.
    await seedReportMonth(desk.app.runtime.db, { agencyId: desk.agencyId, month: '2030-03', staff: 30, tickets: 60, calendar: desk.app.runtime.settings.businessCalendar });
  }, 60_000);
  afterAll(async () => desk?.stop());

  async function layani(text: string, user: string): Promise<string> {
    const before = desk.fake.ephemerals.length;
    await desk.send(desk.fake.slashCommand({ user_id: user, channel_id: channels.confidential, command: '/layani', text }));
    await desk.settle();
    const answers = desk.fake.ephemerals.slice(before);
    expect(answers).toHaveLength(1);
    return answers[0]!.text ?? '';
  }

  const reportPosts = () => desk.fake.sent(channels.confidential).filter((m) => (m.text ?? '').includes('Laporan layanan kepegawaian'));

  async function filesOf(post: SlackMessage) {
    return (post.files ?? []).map((f) => ({ name: String(f.name), bytes: desk.fake.fileBytes(String(f.id))! }));
  }

  it('refuses an HR officer and an unreadable month, saying what to do', async () => {
    expect(await layani('laporan', users.officer)).toBe('Laporan bulanan hanya dapat diminta oleh pimpinan kepegawaian (anggota kanal pimpinan).');
    expect(await layani('laporan bulan-depan', users.lead)).toMatch(/^Bulan "bulan-depan" tidak terbaca\. Tulis mis\. `\/layani laporan 2026-11`/);
    expect(reportPosts()).toHaveLength(0);
  });

  it('posts the month the lead asks for in the leads\' channel with its charts, PDF and CSV', async () => {
    const answer = await layani('laporan maret 2030', users.lead);
    expect(answer).toBe(`Laporan Maret 2030 untuk Dinas Kelautan dan Perikanan Provinsi Kepulauan Bangka Belitung sedang disiapkan dan akan muncul di <#${channels.confidential}> bersama grafik, PDF dan CSV-nya.`);
    const post = await waitForPost(1);
    expect(post.text).toContain('*Laporan layanan kepegawaian Maret 2030*');
    expect(post.text).toContain('Tiket: 60 ·');
    const files = await filesOf(post);
    expect(files.map((f) => f.name)).toEqual([
      'laporan-layanan-DKP-2030-03.pdf',
      'laporan-layanan-DKP-2030-03.csv',
      ...['tiket-per-kategori', 'ketepatan-waktu', 'kepuasan-tiket', 'skm', 'faq', 'konfirmasi-siaran', 'pegawai-tertaut'].map((n) => `laporan-layanan-DKP-2030-03-${n}.png`),
    ]);
    const pdf = await PDFDocument.load(files[0]!.bytes);
    expect(pdf.getPageCount()).toBe(5);
    expect(files[1]!.bytes.toString('utf8')).toContain('tiket,semua,jumlah,60');
    for (const png of files.slice(2)) expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
    // Never in the triage channel, where officers are.
    expect(desk.fake.sent(channels.triage).filter((m) => (m.text ?? '').includes('Laporan layanan'))).toHaveLength(0);
  }, 60_000);

  it('posts last month\'s report on the first business day of the month from 07.30, once', async () => {
    const before = reportPosts().length;
    await desk.app.tickScheduler(wibInstant('2030-04-01', 7, 29));
    await desk.settle();
    expect(reportPosts()).toHaveLength(before);
    await desk.app.tickScheduler(wibInstant('2030-04-01', 7, 30));
    const post = await waitForPost(before + 1);
    expect(post.text).toContain('*Laporan layanan kepegawaian Maret 2030*');
    await desk.app.tickScheduler(wibInstant('2030-04-01', 9));
    await desk.app.tickScheduler(wibInstant('2030-04-02', 7, 30));
    await desk.settle();
    expect(reportPosts()).toHaveLength(before + 1);
    expect(await desk.app.runtime.db.jobRun.count({ where: { job: 'service-report' } })).toBe(1);
  }, 60_000);

  async function waitForPost(count: number): Promise<SlackMessage> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      await desk.settle();
      const posts = reportPosts();
      if (posts.length >= count) return posts[count - 1]!;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('timed out waiting for the report post');
  }
});
