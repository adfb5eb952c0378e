import { employeeRecordSchema, eselonsByPositionType, jenjangByPositionType, type EmployeeRecord, type PositionType } from '../records/employee.js';
import type { SiasnEmployeeFields, SiasnField } from './siasn-records.js';

/**
 * The stored record with SIASN's values where SIASN has one: SIASN is the system of record for the fields it
 * holds, and a field it leaves empty never blanks a stored value. A SIASN value the record cannot take (a PNS rank
 * on a PPPK record, say) is left out and named in `rejected`, so one odd field does not block the rest.
 */
export function mergeSiasnFields(stored: EmployeeRecord, fields: SiasnEmployeeFields): { record: EmployeeRecord; rejected: SiasnField[] } {
  const merged: Record<string, unknown> = { ...stored };
  for (const [field, value] of Object.entries(fields)) if (value !== undefined && value !== null) merged[field] = value;
  // Jenjang and eselon belong to a position: a stored one that no longer fits the position SIASN names goes.
  const type = merged.positionType as PositionType;
  if (merged.jenjang && !(jenjangByPositionType[type] ?? []).includes(merged.jenjang as never)) merged.jenjang = null;
  if (merged.eselon && !(eselonsByPositionType[type] ?? []).includes(merged.eselon as never)) merged.eselon = null;
  const rejected: SiasnField[] = [];
  for (let round = 0; round < 3; round += 1) {
    const result = employeeRecordSchema.safeParse(merged);
    if (result.success) return { record: result.data, rejected };
    let reverted = false;
    for (const issue of result.error.issues) {
      const field = issue.path[0] as SiasnField | undefined;
      if (field && field in fields && merged[field] !== (stored as Record<string, unknown>)[field]) {
        merged[field] = (stored as Record<string, unknown>)[field];
        rejected.push(field);
        reverted = true;
      }
    }
    if (!reverted) break;
  }
  return { record: stored, rejected: Object.keys(fields) as SiasnField[] };
}
