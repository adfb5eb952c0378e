import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/auth/actor.js';
import { cliActor } from '../../core/auth/actor.js';
import { fixedClock } from '../../core/clock/clock.js';
import { sharedKnowledge } from '../../core/faq/answer/answer-question.js';
import { createOpenAiLlm } from '../../core/faq/answer/llm.js';
import { createFaqEngine, type FaqEngine } from '../../core/faq/faq-engine.js';
import { faqRouter } from '../../core/faq/faq-router.js';
import { careerSummaryLines } from '../../core/records/career-summary.js';
import type { CoreContext, CoreSettings } from '../../core/trpc/context.js';
import { createCallerFactory } from '../../core/trpc/init.js';
import { FakeOpenAI, messageText, type ChatCompletionRequestBody } from '../fakes/index.js';
import { employeeRecord } from '../support/employees.js';
import { testDatabaseKinds } from '../support/test-databases.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const budi = employeeRecord({ phone: '081234567890', email: 'budi.santoso@dkp.babelprov.go.id' });
const sari = employeeRecord({
  nip: '199001152019032002',
  name: 'Sari Dewi',
  birthDate: '1990-01-15',
  gender: 'P',
  tmtCpns: '2019-03-01',
  golongan: 'III/a',
  tmtGolongan: '2019-03-01',
  lastKgbTmt: '2025-03-01',
  positionType: 'JF_AHLI_MADYA',
  positionName: 'Pengawas Perikanan Ahli Madya',
});

const faqCaller = createCallerFactory(faqRouter);
const passageIds = (request: ChatCompletionRequestBody) => [...messageText(request.messages.at(-1)).matchAll(/^\[([a-z0-9-]+#\d+)\]/gm)].map((m) => m[1]!);

describe.each(testDatabaseKinds)('FAQ router, personal answers and masking on %s', (kind) => {
  let rt: TestRuntime;
  let engine: FaqEngine;
  const fake = new FakeOpenAI();
  let budiActor: Actor;
  let sariActor: Actor;
  const clock = fixedClock('2026-11-23T03:00:00Z');

  const callerFor = (actor: Actor) => {
    const settings: CoreSettings = Object.assign({}, rt.settings, { faq: engine });
    const ctx: CoreContext = { ...rt.contextFor(actor), settings };
    return faqCaller(ctx);
  };
  const ask = (actor: Actor, question: string, lang: 'id' | 'en' = 'id') => callerFor(actor).ask({ question, lang });

  beforeAll(async () => {
    rt = await createTestRuntime(kind, { clock });
    const admin = rt.callerFor(cliActor);
    const budiRow = (await admin.records.upsert({ record: budi })).employee;
    const sariRow = (await admin.records.upsert({ record: sari })).employee;
    budiActor = { ref: `test:${budiRow.id}`, role: 'staff', employeeId: budiRow.id, agencyId: budiRow.agencyId };
    sariActor = { ref: `test:${sariRow.id}`, role: 'staff', employeeId: sariRow.id, agencyId: sariRow.agencyId };
    await fake.start();
    engine = createFaqEngine({
      knowledge: sharedKnowledge(),
      llm: createOpenAiLlm({ apiKey: 'sk-test-key', baseURL: fake.baseURL, model: 'gpt-4o-mini', timeoutMs: 2000 }),
    });
  });
  afterAll(async () => {
    engine?.close();
    await fake.stop();
    await rt?.stop();
  });
  beforeEach(() => {
    fake.requests.length = 0;
    fake.setReply((request) => JSON.stringify({ answer: 'Jawaban model dari kutipan.', citations: passageIds(request).slice(0, 1), sufficient: true }));
  });

  it("answers personal questions from the asker's own record only, never through the LLM", async () => {
    const kgb = await ask(budiActor, 'kgb saya kapan');
    expect(kgb).toMatchObject({ kind: 'personal' });
    // Last KGB 1 May 2025 + 2 years.
    expect(kgb.text).toMatch(/KGB berikutnya: 1 Mei 2027/);
    expect(kgb.text).toMatch(/data kepegawaian Anda sendiri/);

    const pension = await ask(budiActor, 'kapan sy pensiun');
    expect(pension.text).toMatch(/Pensiun \(BUP 58 tahun\): TMT 1 Oktober 2044/);

    const nip = await ask(budiActor, 'arti nip saya apa');
    expect(nip.text).toMatch(/NIP Anda 19860926 201505 1 001/);
    expect(nip.text).toMatch(/lahir 26 September 1986/);
    expect(nip.text).toMatch(/TMT CPNS 1 Mei 2015/);
    expect(nip.text).toMatch(/laki-laki/);

    expect((await ask(budiActor, 'golongan sy skrg apa')).text).toMatch(/Golongan Anda: III\/b \(Penata Muda Tingkat I\)/);
    expect((await ask(budiActor, 'kp sy yg brikutnya kapan ya')).text).toMatch(/Kenaikan pangkat reguler/);
    expect((await ask(budiActor, 'when will i retire', 'en')).text).toMatch(/Computed from your own HR record/);

    expect(fake.requests).toHaveLength(0);
  });

  it('gives each staff member their own dates, the same the records router computes', async () => {
    const sariDates = await rt.callerFor(sariActor).records.careerDates();
    const sariKgb = await ask(sariActor, 'kgb saya kapan');
    expect(sariKgb.text).toContain(careerSummaryLines(sariDates)[0]!);
    expect(sariKgb.text).not.toMatch(/1 Mei 2027/);
    // JF ahli madya: BUP 60.
    expect((await ask(sariActor, 'bup sy brp thn')).text).toMatch(/BUP 60 tahun/);
    expect(fake.requests).toHaveLength(0);
  });

  it('tells an unlinked account how to link instead of answering', async () => {
    const unlinked: Actor = { ref: 'telegram:42', role: 'staff', employeeId: null, agencyId: null };
    const answer = await ask(unlinked, 'kgb saya kapan');
    expect(answer.kind).toBe('personal');
    expect(answer.text).toMatch(/belum tertaut/);
    expect(answer.text).toMatch(/kode tautan/);
  });

  it("refuses another employee's data, by NIP or by a name from the records", async () => {
    expect(await ask(budiActor, `nip ${sari.nip} punya siapa`)).toMatchObject({ kind: 'refuse', reason: 'other_person' });
    // How a NIP is read is public: answered from the corpus, the colleague's number masked and never read out.
    fake.requests.length = 0;
    const structure = await ask(budiActor, 'arti nip 19900115 201903 2 002');
    expect(structure.kind).toBe('answer');
    expect(structure.text).not.toMatch(/1990|15 Januari|perempuan/);
    expect(JSON.stringify(fake.requests.map((r) => r.body))).not.toMatch(/19900115|201903/);
    expect(await ask(budiActor, 'nip 19900115 201903 2 002 lahir kapan')).toMatchObject({ kind: 'refuse', reason: 'other_person' });
    expect(await ask(budiActor, 'kapan Sari Dewi pensiun')).toMatchObject({ kind: 'refuse', reason: 'other_person' });
    expect(await ask(budiActor, 'golongan sari dewi apa ya')).toMatchObject({ kind: 'refuse', reason: 'other_person' });
    // Her own name is not "another person" for Sari.
    expect((await ask(sariActor, 'saya Sari Dewi, cuti tahunan berapa hari?')).kind).toBe('answer');
    expect(fake.requests.filter((r) => JSON.stringify(r.body).includes('Sari'))).toHaveLength(0);
  });

  it("never sends the asker's NIP (plain or grouped), NIK, phone, e-mail or any name from the records to the LLM", async () => {
    const question =
      'Halo, saya Budi Santoso (NIP 19860926 201505 1 001 / 198609262015051001), NIK 1971012601860001, ' +
      'HP 0812-3456-7890, email budi.santoso@dkp.babelprov.go.id. Cuti tahunan berapa hari ya?';
    const answer = await ask(budiActor, question);
    expect(answer).toMatchObject({ kind: 'answer', via: 'llm' });
    expect(fake.completions).toHaveLength(1);
    const sent = JSON.stringify(fake.requests.map((r) => r.body));
    for (const secret of ['19860926', '198609262015051001', '201505 1 001', '1971012601860001', '0812-3456-7890', '3456', 'budi.santoso', 'babelprov', 'Budi', 'Santoso', 'Sari', 'Dewi']) {
      expect(sent).not.toContain(secret);
    }
    for (const token of ['[NIP]', '[NIK]', '[TELEPON]', '[EMAIL]', '[NAMA]']) expect(sent).toContain(token);
  });

  it('takes 👍/👎 on an answer once, from the person who got it, and keeps only counts per document', async () => {
    const answer = await ask(budiActor, 'cuti thn brp hari sih');
    expect(answer.kind).toBe('answer');
    expect(answer.answerId).toMatch(/^[\w-]{8,}$/);
    expect(await callerFor(sariActor).rate({ answerId: answer.answerId, helpful: true })).toEqual({ ok: false, offerHuman: false });
    expect(await callerFor(budiActor).rate({ answerId: answer.answerId, helpful: false })).toEqual({ ok: true, offerHuman: true });
    expect(await callerFor(budiActor).rate({ answerId: answer.answerId, helpful: false })).toMatchObject({ ok: false });

    const hr: Actor = { ref: 'test:hr', role: 'hr_officer', employeeId: null, agencyId: budiActor.agencyId };
    const summary = await callerFor(hr).feedbackSummary();
    expect(summary.find((t) => t.documentId === 'cuti-tahunan')).toMatchObject({ title: expect.stringMatching(/Cuti Tahunan/i), unhelpful: 1 });
    expect(JSON.stringify(summary)).not.toMatch(/test:|Budi|cuti thn/);
    await expect(callerFor(budiActor).feedbackSummary()).rejects.toBeInstanceOf(TRPCError);
  });

  it('keeps 👍/👎 in the database: a new engine (a restart) still shows them, and an answer is counted once', async () => {
    const answer = await ask(sariActor, 'cuti sakit brp lama boleh');
    expect(answer.kind).toBe('answer');
    expect(await callerFor(sariActor).rate({ answerId: answer.answerId, helpful: true })).toEqual({ ok: true, offerHuman: false });
    const rows = await rt.db.faqRating.findMany({ where: { answerId: answer.answerId } });
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toMatch(/Sari|test:|cuti sakit brp/);

    // Another instance (or the same after a restart) has an empty memory but the same database.
    const restarted = createFaqEngine({ knowledge: sharedKnowledge() });
    try {
      const hr: Actor = { ref: 'test:hr', role: 'hr_officer', employeeId: null, agencyId: sariActor.agencyId };
      const ctx: CoreContext = { ...rt.contextFor(hr), settings: Object.assign({}, rt.settings, { faq: restarted }) };
      const summary = await faqCaller(ctx).feedbackSummary();
      expect(summary.find((t) => t.documentId === rows[0]!.documentId)).toMatchObject({ helpful: 1 });
      // A period before any rating counts nothing.
      expect(await faqCaller(ctx).feedbackSummary({ to: new Date('2020-01-01') })).toEqual([]);
      // The same answer id pressed again through the database path is not counted twice.
      const { recordFaqRating } = await import('../../core/faq/ratings.js');
      expect(await recordFaqRating(rt.db, { answerId: answer.answerId, documents: [{ documentId: rows[0]!.documentId }], helpful: false, agencyId: null })).toBe(false);
    } finally {
      restarted.close();
    }
  });

  it('"Hubungi petugas" opens a ticket carrying the question', async () => {
    const question = 'tpp bulan ini cair brp';
    const answer = await ask(budiActor, question);
    expect(answer).toMatchObject({ kind: 'escalate', reason: 'tpp' });
    const ticket = await callerFor(budiActor).handOver({ answerId: answer.answerId });
    const messages = await rt.db.ticketMessage.findMany({ where: { ticketId: ticket.ticketId } });
    expect(messages.map((m) => m.text)).toEqual([question]);
    // Another person cannot reuse the answer id; a question can also be passed directly.
    await expect(callerFor(sariActor).handOver({ answerId: answer.answerId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const direct = await callerFor(sariActor).handOver({ question: 'cara login satam gmn', category: 'aplikasi' });
    const row = await rt.db.ticket.findUniqueOrThrow({ where: { id: direct.ticketId } });
    expect(row.category).toBe('aplikasi');
  });

  it('reports corpus problems to HR only', async () => {
    const hr: Actor = { ref: 'test:hr', role: 'hr_officer', employeeId: null, agencyId: null };
    const health = await callerFor(hr).corpusProblems();
    expect(health).toMatchObject({ documents: 60, problems: [] });
    await expect(callerFor(budiActor).corpusProblems()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('validates the question', async () => {
    await expect(ask(budiActor, '   ')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(ask(budiActor, 'x'.repeat(1001))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
