/**
 * KP proposal status from SIASN, as staff and HR see it: /profil and "usulan kp sy sdh sampai mana" on Telegram,
 * `/layani kp <periode>` in Slack, and what both say when SIASN is not configured. The proposals come from a sync
 * against the fake SIASN, through the real client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../core/auth/actor.js';
import { ensureAgency } from '../../core/records/agencies.js';
import { saveEmployees } from '../../core/records/save-employees.js';
import type { Runtime } from '../../core/runtime.js';
import { runSiasnSync } from '../../core/siasn/siasn-sync.js';
import { FakeSiasn, siasnDataUtama } from '../fakes/fake-siasn.js';
import { employeeRecord } from '../support/employees.js';
import { channels, startSlackDesk, users, type SlackDesk } from '../support/slack-desk.js';
import { startTelegramHarness, type TelegramHarness } from '../support/telegram-harness.js';
import { testDatabaseKinds } from '../support/test-databases.js';

// The harnesses' clock reads Tuesday 24 November 2026: the current KP period is 1 November, the next 1 December.
const proposalFor = (nip: string, statusUsulan: string, statusUsulanNama: string) => ({
  id: `usul-${nip.slice(-4)}`, pnsId: 'A5EB', nipBaru: nip, nama: 'nama di SIASN', statusUsulan, statusUsulanNama,
  no_pertek: statusUsulan === '22' ? 'AB-12345/KP/2026' : null, tgl_pertek: null, no_sk: null, tgl_sk: null, tmtKp: '01-12-2026', golonganBaruId: '34',
});

async function syncFrom(siasn: FakeSiasn, runtime: Runtime): Promise<void> {
  const report = await runSiasnSync(runtime, { ...runtime.settings.siasn!, backoffBaseMs: 10 }, { trigger: 'cli', dryRun: false });
  expect(report.stoppedBecause).toBeNull();
}

describe.each(testDatabaseKinds)('KP proposal status on %s', (kind) => {
  describe('staff on Telegram', () => {
    let h: TelegramHarness;
    let siasn: FakeSiasn;

    beforeAll(async () => {
      siasn = new FakeSiasn();
      await siasn.start();
      h = await startTelegramHarness(kind, { env: siasn.env() });
    });
    afterAll(async () => {
      await h?.stop();
      await siasn?.stop();
    });

    it('/profil and "usulan kp sy sdh sampai mana" give the proposal status and what it means; English too', async () => {
      const record = employeeRecord({ nip: '198703142010011002', name: 'Joko Prasetyo' });
      const { user } = await h.linkedUser(record);
      siasn.mainRecords.set(record.nip, siasnDataUtama(record));
      siasn.kpLists.set('2026-12-01', [proposalFor(record.nip, '22', 'Sdh di TTD - Pertek'), proposalFor('199912312022031001', '5', 'Perbaikan Dokumen')]);
      await syncFrom(siasn, h.app.runtime);

      h.fake.userSends(user, '/profil');
      const profile = (await h.waitForMessage(user.id, 'Profil kepegawaian')).text!;
      expect(profile).toContain('Usulan kenaikan pangkat (SIASN):');
      expect(profile).toContain('• Usulan KP periode 1 Desember 2026: "Sdh di TTD - Pertek". BKN sudah menyetujui usulan Anda (pertimbangan teknis ditandatangani); SK kenaikan pangkat sedang dibuat dan ditandatangani. (TMT 1 Desember 2026, pertek AB-12345/KP/2026)');
      expect(profile).toMatch(/\(data SIASN per 24 November 2026 \d{2}\.\d{2} WIB\)/);
      expect(profile).not.toContain('Perbaikan Dokumen');

      h.fake.userSends(user, 'usulan kp sy sdh sampai mana');
      const answer = (await h.waitForMessage(user.id, 'Usulan KP periode')).text!;
      expect(answer).toContain('"Sdh di TTD - Pertek". BKN sudah menyetujui usulan Anda');
      expect(answer).not.toContain('199912312022031001');

      h.fake.userSends(user, '/bahasa');
      await h.waitForMessage(user.id, 'Language switched to English.');
      h.fake.userSends(user, 'what is the status of my promotion proposal?');
      const english = (await h.waitForMessage(user.id, 'BKN has approved')).text!;
    expect(english).toContain('• KP period 1 Desember 2026: "Sdh di TTD - Pertek".');
      expect(english).toContain('BKN has approved your proposal');
    });

    it('someone with no proposal is told so, with the periods checked', async () => {
      const { user } = await h.linkedUser(employeeRecord({ nip: '198805052012012003', name: 'Wati Lestari', gender: 'P', birthDate: '1988-05-05' }));
      h.fake.userSends(user, '/tanya status usulan kenaikan pangkat saya gimana');
      const answer = (await h.waitForMessage(user.id, 'belum ada usulan kenaikan pangkat')).text!;
      expect(answer).toContain('untuk periode 1 November 2026 dan 1 Desember 2026');
    });
  });

  describe('HR in Slack', () => {
    let desk: SlackDesk;
    let siasn: FakeSiasn;

    beforeAll(async () => {
      siasn = new FakeSiasn();
      await siasn.start();
      desk = await startSlackDesk(kind, { config: siasn.env() });
    });
    afterAll(async () => {
      await desk?.stop();
      await siasn?.stop();
    });

    async function layani(text: string): Promise<string> {
      const before = desk.fake.ephemerals.length;
      await desk.send(desk.fake.slashCommand({ user_id: users.officer, channel_id: channels.triage, command: '/layani', text }));
      await desk.settle();
      return desk.fake.ephemerals.slice(before)[0]?.text ?? '';
    }

    it('/layani kp <periode> lists the period\'s proposals with their status; a bad period is explained', async () => {
      const runtime = desk.app.runtime;
      const agency = await ensureAgency(runtime.db, runtime.settings.defaultAgencyCode);
      const ani = employeeRecord({ nip: '199001012015032001', name: 'Ani Susanti', gender: 'P', birthDate: '1990-01-01', unit: 'Bidang Budidaya' });
      await saveEmployees(runtime.db, cliActor, agency.id, [ani]);
      siasn.mainRecords.set(ani.nip, siasnDataUtama(ani));
      // The desk's clock reads 9 April 2030: the current period is 1 April, the next 1 May.
      siasn.kpLists.set('2030-05-01', [proposalFor(ani.nip, '32', 'Pembuatan SK Berhasil'), proposalFor('199912312022031001', '6', 'Tidak Memenuhi Syarat')]);
      await syncFrom(siasn, runtime);

      const list = await layani('kp 2030-05');
      expect(list).toContain('*Usulan KP periode 1 Mei 2030: 2* (data SIASN per Selasa, 9 Apr 2030 08.00 WIB)');
      expect(list).toContain('SK terbit 1 · ditolak/TMS/batal 1');
      expect(list).toContain('• 199001012015032001 — Ani Susanti (Bidang Budidaya): Pembuatan SK Berhasil → _SK terbit_');
      expect(list).toContain('• 199912312022031001 — _belum ada di LAYANI_: Tidak Memenuhi Syarat → _ditolak/TMS/batal_');

      expect(await layani('kp mei 2030')).toBe(list);
      const both = await layani('kp');
      expect(both).toContain('*Usulan KP periode 1 April 2030*: tidak ada usulan tersimpan');
      expect(both).toContain(list);
      expect(await layani('kp besok')).toContain('Periode "besok" tidak terbaca. Tulis misalnya `/layani kp 2027-01`');
    });
  });

  describe('without SIASN', () => {
    let desk: SlackDesk;

    beforeAll(async () => {
      desk = await startSlackDesk(kind);
    });
    afterAll(async () => desk?.stop());

    it('staff and HR are told SIASN is not connected and to ask HR', async () => {
      const runtime = desk.app.runtime;
      const agency = await ensureAgency(runtime.db, runtime.settings.defaultAgencyCode);
      const budi = employeeRecord({ nip: '198609262015051001' });
      await saveEmployees(runtime.db, cliActor, agency.id, [budi]);
      const employee = await runtime.db.employee.findUniqueOrThrow({ where: { nip: budi.nip } });
      const staff = runtime.callerFor({ ref: 'test', role: 'staff', employeeId: employee.id, agencyId: agency.id });
      const answer = await staff.faq.ask({ question: 'usulan kp sy sdh sampai mana', lang: 'id' });
      expect(answer).toMatchObject({ kind: 'personal', text: expect.stringContaining('Data SIASN belum tersambung ke LAYANI di instansi ini') });
      expect(answer.text).toContain('Tanyakan langsung kepada petugas kepegawaian');

      const before = desk.fake.ephemerals.length;
      await desk.send(desk.fake.slashCommand({ user_id: users.officer, channel_id: channels.triage, command: '/layani', text: 'kp' }));
      await desk.settle();
      expect(desk.fake.ephemerals.slice(before)[0]?.text).toContain('Data SIASN belum tersambung');
    });
  });
});
