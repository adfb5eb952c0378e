/**
 * The HR digest follows the career engine: every missed KGB is a row, a late pension proposal is raised whatever
 * the horizon, PPPK read "perjanjian kerja berakhir", and a JF at the top of the jenjang gets no KP window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor, type Actor } from '../../core/auth/actor.js';
import { fixedClock } from '../../core/clock/clock.js';
import type { DatabaseKind } from '../../core/db/database-url.js';
import { wibInstant } from '../../core/scheduling/jakarta-time.js';
import { employeeRecord } from '../support/employees.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { testDatabaseKinds } from '../support/test-databases.js';

describe.each(testDatabaseKinds)('career rows of the HR digest on %s', (kind: DatabaseKind) => {
  let rt: TestRuntime;
  const clock = fixedClock(wibInstant('2026-12-07', 6));
  const hr: Actor = { ref: 'slack:U0RINA', role: 'hr_officer', employeeId: null, agencyId: '' };

  beforeAll(async () => {
    rt = await createTestRuntime(kind, { clock });
    const admin = rt.callerFor(cliActor);
    const records = [
      // Last KGB 1 May 2018: 2020, 2022, 2024 and 2026 missed.
      employeeRecord({ nip: '198609262015051001', name: 'Agus Lama', lastKgbTmt: '2018-05-01' }),
      // JF Ahli Madya IV/a, S2, 200 AK, 4 years in rank on 5 Dec 2026: KP pilihan 1 Jan 2027.
      employeeRecord({ nip: '198609262015051002', name: 'Maya Madya', positionType: 'JF_AHLI_MADYA', golongan: 'IV/a', education: 'S2', creditPoints: 200, tmtGolongan: '2022-12-05' }),
      // JF Ahli Muda at III/d (top of the jenjang), same years in rank: no KP window.
      employeeRecord({ nip: '198609262015051003', name: 'Rudi Muda', positionType: 'JF_AHLI_MUDA', golongan: 'III/d', education: 'S2', creditPoints: 150, tmtGolongan: '2022-12-05' }),
      // TMT pensiun 1 Mar 2027, beyond the daily horizon, but the proposal is 9 months late.
      employeeRecord({ nip: '196902102005031001', name: 'Hendra Senior', birthDate: '1969-02-10', tmtCpns: '2005-03-01', lastKgbTmt: '2025-03-01' }),
      // PPPK reaching 58 on 20 Dec 2026: the agreement ends 1 Jan 2027.
      employeeRecord({ nip: '196812202023131001', name: 'Yuni Kontrak', birthDate: '1968-12-20', employmentType: 'PPPK', golongan: 'IX', tmtCpns: null, lastKgbTmt: null, tmtGolongan: null }),
    ];
    for (const record of records) await admin.records.upsert({ record });
    hr.agencyId = (await rt.db.agency.findFirstOrThrow()).id;
  });
  afterAll(async () => rt?.stop());

  it('lists each missed KGB, the late proposal with its urgency, the PPPK agreement end, and only real KP windows', async () => {
    clock.set(wibInstant('2026-12-07', 9));
    const { text } = await rt.callerFor(hr).reminders.digestPreview({ weekly: false });
    expect(text).toContain(
      '*Terlambat (4)*\n' +
        '• KGB TMT 1 Mei 2020 belum tercatat — Agus Lama (Sekretariat)\n' +
        '• KGB TMT 1 Mei 2022 belum tercatat — Agus Lama (Sekretariat)\n' +
        '• KGB TMT 1 Mei 2024 belum tercatat — Agus Lama (Sekretariat)\n' +
        '• KGB TMT 1 Mei 2026 belum tercatat — Agus Lama (Sekretariat)',
    );
    expect(text).toContain(
      '*Pensiun (2)*\n' +
        '• perjanjian kerja PPPK berakhir 1 Januari 2027 — Yuni Kontrak (Sekretariat)\n' +
        '• TMT 1 Maret 2027 — Hendra Senior (Sekretariat) — usul pensiun mendesak',
    );
    expect(text).toContain('*Jendela usul kenaikan pangkat (1)*\n• periode 1 Januari 2027, usul 16 November 2026 s.d. 15 Desember 2026 — Maya Madya (Sekretariat)');
    expect(text).not.toContain('Rudi Muda');
    // No false data-error flag for the functional officials above the education cap.
    expect(text).not.toMatch(/batas pendidikan/);
  });
});
