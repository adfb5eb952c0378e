import type { Logger } from '../logging/logger.js';
import type { EmployeeRecord } from '../records/employee.js';
import { readSiasnAnswer } from './siasn-answer.js';
import { shapeOf, type SiasnClient } from './siasn-client.js';
import { cumulativeCreditPoints, lastRankTmt, latestPosition, mapDataUtama, type SiasnEmployeeFields } from './siasn-records.js';

export type SiasnLookup =
  | { kind: 'found'; fields: SiasnEmployeeFields; kedudukan: string | undefined }
  | { kind: 'unknown' }
  | { kind: 'malformed'; reason: string };

/**
 * One employee from SIASN: the main record, and a history only where the main record lacks what the career engine
 * needs (the last rank's TMT, the current position) or the position is functional (cumulative credit points).
 * That keeps most employees at one request. A SiasnError (credentials, SIASN down) is thrown to the caller.
 */
export async function fetchSiasnEmployee(client: SiasnClient, stored: EmployeeRecord, log: Logger): Promise<SiasnLookup> {
  const main = readSiasnAnswer(await client.get(`pns/data-utama/${stored.nip}`));
  if (main.kind === 'not_found') return { kind: 'unknown' };
  if (main.kind === 'malformed') {
    log.warn({ endpoint: 'data-utama', reason: main.reason }, 'SIASN answer not readable');
    return main;
  }
  const record = mapDataUtama(main.data);
  if (!record) {
    log.warn({ endpoint: 'data-utama', shape: shapeOf(main.data) }, 'SIASN record in an unexpected shape');
    return { kind: 'malformed', reason: 'data pegawai tidak berbentuk rekaman' };
  }
  if (record.nip && record.nip !== stored.nip) return { kind: 'malformed', reason: 'SIASN mengirim data NIP lain' };
  const fields = { ...record.fields };

  if (!fields.tmtGolongan) {
    const tmt = await history(client, 'rw-golongan', stored.nip, log, (data) => lastRankTmt(data, fields.golongan ?? stored.golongan));
    if (tmt) fields.tmtGolongan = tmt;
  }
  if (!fields.positionType || !fields.positionName) {
    const position = await history(client, 'rw-jabatan', stored.nip, log, latestPosition);
    fields.positionName ??= position?.positionName;
    if (!fields.positionType && position?.positionType) {
      fields.positionType = position.positionType;
      if (position.eselon) fields.eselon = position.eselon;
      if (position.jenjang) fields.jenjang = position.jenjang;
    }
    if (!fields.positionName) delete fields.positionName;
    if (!fields.positionType) delete fields.positionType;
  }
  if ((fields.positionType ?? stored.positionType).startsWith('JF_')) {
    const points = await history(client, 'rw-angkakredit', stored.nip, log, cumulativeCreditPoints);
    if (points !== undefined) fields.creditPoints = points;
  }
  return { kind: 'found', fields, kedudukan: record.kedudukan };
}

/** A history that cannot be read adds nothing; the main record still counts. */
async function history<T>(client: SiasnClient, name: string, nip: string, log: Logger, read: (data: unknown) => T): Promise<T | undefined> {
  const answer = readSiasnAnswer(await client.get(`pns/${name}/${nip}`));
  if (answer.kind === 'data') return read(answer.data);
  if (answer.kind === 'malformed') log.warn({ endpoint: name, reason: answer.reason }, 'SIASN history not readable');
  return undefined;
}
