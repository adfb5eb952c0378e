import { describe, expect, it } from 'vitest';
import { AgencyDirectory } from '../../core/agencies/agency-directory.js';
import { deskActorFor, type ChannelMembership } from '../../core/agencies/desk-actor.js';
import type { Db } from '../../core/db/client.js';
import { parseDeskWords } from '../../bots/slack/agency-command.js';

const row = (code: string, over: Record<string, unknown> = {}) => ({
  id: `id-${code}`, code, name: code, createdAt: new Date(0), triageChannel: `C0${code}T`, confidentialChannel: `G0${code}L`, feedbackChannel: null,
  telegramGroups: '[]', hrLeads: '[]', firstResponseMinutes: null, resolutionMinutes: null, province: false, active: true, ...over,
});

/** The directory reads every agency with one findMany (ordered by code); this stands in for the database. */
function directory(rows: ReturnType<typeof row>[]): AgencyDirectory {
  const db = { agency: { findMany: async () => [...rows].sort((a, b) => a.code.localeCompare(b.code)) } } as unknown as Db;
  return new AgencyDirectory(db, { defaultAgencyCode: 'DKP', defaultChannels: { triage: 'C0ENVT', confidential: 'G0ENVL', feedback: 'C0ENVF' } });
}

const members = (map: Record<string, string[]>): ChannelMembership => ({ isMember: async (channel, user) => (map[channel] ?? []).includes(user) });

describe('who acts for which agency', () => {
  const agencies = directory([row('DKP', { triageChannel: null, confidentialChannel: null }), row('DINKES'), row('BKPSDMD', { province: true }), row('LAMA', { active: false })]);
  const membership = members({ C0ENVT: ['U1', 'U2'], C0DINKEST: ['U2', 'U3'], G0DINKESL: ['U3', 'U6'], C0BKPSDMDT: ['U4'], C0LAMAT: ['U5'] });

  it('uses the default agency’s settings channels when its own are not stored', async () => {
    expect(await agencies.channelFor('id-DKP', 'ticket')).toBe('C0ENVT');
    expect(await agencies.channelFor('id-DKP', 'feedback')).toBe('C0ENVF');
    expect(await agencies.channelFor('id-DINKES', 'feedback')).toBeNull();
    expect(await agencies.channelFor('id-DINKES', 'broadcastApproval')).toBe('G0DINKESL');
  });

  it('acts for the agency of the channel, as a lead where also in its leads’ channel', async () => {
    expect(await deskActorFor(agencies, membership, 'U2', 'C0DINKEST')).toMatchObject({ ok: true, actor: { agencyId: 'id-DINKES', role: 'hr_officer' } });
    expect(await deskActorFor(agencies, membership, 'U2', 'C0ENVT')).toMatchObject({ ok: true, actor: { agencyId: 'id-DKP', role: 'hr_officer' } });
    expect(await deskActorFor(agencies, membership, 'U3', 'C0DINKEST')).toMatchObject({ ok: true, actor: { agencyId: 'id-DINKES', role: 'hr_lead' } });
    expect(await deskActorFor(agencies, membership, 'U1', 'C0DINKEST')).toEqual({ ok: false, reason: 'outside' });
    expect(await deskActorFor(agencies, membership, 'U4', 'C0BKPSDMDT')).toMatchObject({ ok: true, actor: { agencyId: 'id-BKPSDMD', province: true } });
    // A lead who is only in the leads' channel: not on a triage card, but a command typed in triage is theirs.
    expect(await deskActorFor(agencies, membership, 'U6', 'C0DINKEST')).toEqual({ ok: false, reason: 'outside' });
    expect(await deskActorFor(agencies, membership, 'U6', 'C0DINKEST', { mustBeInChannel: false })).toMatchObject({ ok: true, actor: { agencyId: 'id-DINKES', role: 'hr_lead' } });
    expect(await deskActorFor(agencies, membership, 'U1', 'C0DINKEST', { mustBeInChannel: false })).toEqual({ ok: false, reason: 'outside' });
  });

  it('elsewhere acts for the one desk the member is in, asks when there are several, ignores inactive agencies', async () => {
    expect(await deskActorFor(agencies, membership, 'U1', 'D0DM')).toMatchObject({ ok: true, actor: { agencyId: 'id-DKP' } });
    expect(await deskActorFor(agencies, membership, 'U2', null)).toEqual({ ok: false, reason: 'ambiguous', agencies: ['DINKES', 'DKP'] });
    expect(await deskActorFor(agencies, membership, 'U5', 'C0LAMAT')).toEqual({ ok: false, reason: 'outside' });
  });
});

describe('/layani instansi atur words', () => {
  it('reads channels, groups, leads and SLA, and says what is wrong', () => {
    expect(parseDeskWords(['triase', '<#C0ABC|dinkes>', 'pimpinan', 'G0XYZ', 'saran', '-', 'grup', '-1001,-1002', 'pimpinan-hr', '<@U0AB|hendra>', 'sla', '60/480'])).toEqual({
      input: { triageChannel: 'C0ABC', confidentialChannel: 'G0XYZ', feedbackChannel: null, telegramGroups: ['-1001', '-1002'], hrLeads: ['U0AB'], firstResponseMinutes: 60, resolutionMinutes: 480 },
    });
    expect(parseDeskWords(['triase', 'dinkes-triase'])).toMatchObject({ error: expect.stringMatching(/bukan kanal Slack/) });
    expect(parseDeskWords(['warna', 'biru'])).toMatchObject({ error: expect.stringMatching(/Tidak dikenal/) });
    expect(parseDeskWords(['sla'])).toMatchObject({ error: expect.stringMatching(/perlu nilai/) });
  });
});
