import type { z } from 'zod';
import { parseNip, type NipField } from '../../nip/parse-nip.js';
import { compareNipWithRecord } from '../../nip/check-nip-against-record.js';
import { employeeRecordSchema, type EmployeeRecord } from '../employee.js';
import { columnForField, employeeColumns, type FieldInput, type ImportField } from './columns.js';
import type { RawRow } from './read-rows.js';

export interface ValidRow {
  rowNumber: number;
  /** The instansi column; null means the default agency. */
  agencyCode: string | null;
  record: EmployeeRecord;
}

export interface RowProblem {
  rowNumber: number;
  /** The template header of the offending column, e.g. "tanggal_lahir". */
  column: string;
  /** Indonesian, for HR. */
  reason: string;
}

export interface ValidationResult {
  valid: ValidRow[];
  problems: RowProblem[];
}

export interface ValidateOptions {
  /**
   * Check that the NIP agrees with tanggal_lahir, jenis_kelamin and (PNS) tmt_cpns, and that its own parts are
   * possible (fact sheet: "a mismatch is a data error to report"). Default true.
   */
  checkNipConsistency?: boolean;
}

/** Messages for schema checks that carry no Indonesian message of their own (e.g. `.max(200)`). */
const indonesianFallback = (issue: z.core.$ZodRawIssue): string => {
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string'
        ? `terlalu panjang (paling banyak ${String(issue.maximum)} karakter)`
        : `terlalu besar (paling besar ${String(issue.maximum)})`;
    case 'too_small':
      return issue.origin === 'string'
        ? `terlalu pendek (paling sedikit ${String(issue.minimum)} karakter)`
        : `terlalu kecil (paling kecil ${String(issue.minimum)})`;
    default:
      return 'isian tidak valid';
  }
};

/** The template's example row as a record: a known-valid base for re-running cross-field checks. */
const exampleRecord: EmployeeRecord = employeeRecordSchema.parse(
  Object.fromEntries(
    employeeColumns
      .filter((c) => c.field !== 'agencyCode')
      .map((c) => {
        const parsed = c.parse(c.example);
        if (!parsed.ok) throw new Error(`template example of ${c.header} does not parse: ${parsed.reason}`);
        return [c.field, parsed.value];
      }),
  ),
);

const columnOrder = new Map(employeeColumns.map((c, i) => [c.header, i]));
const nipColumn = 'nip';

const nipFieldColumn: Record<NipField, string> = {
  nip: 'nip',
  birthDate: 'tanggal_lahir',
  gender: 'jenis_kelamin',
  tmtCpns: 'tmt_cpns',
  appointmentYear: 'nip',
  sequence: 'nip',
};

/**
 * Parses every cell, validates the candidate with employeeRecordSchema and collects *every* problem of every row,
 * keyed by row number and Indonesian column header. Rows with any problem are left out of `valid`. A NIP seen
 * earlier in the file is reported on the later row ("NIP sama dengan baris N"); the first occurrence stays valid.
 */
export function validateEmployeeRows(rows: Iterable<RawRow>, options: ValidateOptions = {}): ValidationResult {
  const checkNip = options.checkNipConsistency ?? true;
  const valid: ValidRow[] = [];
  const problems: RowProblem[] = [];
  const firstRowByNip = new Map<string, number>();

  for (const { rowNumber, cells } of rows) {
    const rowProblems: RowProblem[] = [];
    const report = (column: string, reason: string) => rowProblems.push({ rowNumber, column, reason });

    const candidate: Partial<Record<ImportField, FieldInput>> = {};
    const unparsed = new Set<string>();
    for (const column of employeeColumns) {
      const cell = cells[column.header] ?? null;
      const parsed = column.parse(cell);
      if (parsed.ok) candidate[column.field] = parsed.value;
      else {
        unparsed.add(column.field);
        report(column.header, parsed.reason);
      }
    }
    const { agencyCode = null, ...recordInput } = candidate;

    // Fields already reported are skipped: a cell the column parser rejected would only repeat itself here.
    const badFields = new Set<string>(unparsed);
    const reportIssues = (issues: readonly z.core.$ZodIssue[]) => {
      for (const issue of issues) {
        const field = String(issue.path[0] ?? '');
        if (badFields.has(field)) continue;
        badFields.add(field);
        const column = columnForField(field);
        report(column?.header ?? (field || '(baris)'), withCellValue(issue.message, column ? cells[column.header] : undefined));
      }
    };

    const result = employeeRecordSchema.safeParse(recordInput, { error: indonesianFallback });
    if (!result.success) reportIssues(result.error.issues);

    if (!result.success && !badFields.has('employmentType')) {
      // The schema's cross-field rule (golongan fits PNS or PPPK) only runs once every field is valid. Run it
      // again on the example record with this row's valid fields, so a row shows that problem alongside others.
      const probe: Record<string, unknown> = { ...exampleRecord };
      for (const [field, value] of Object.entries(recordInput)) if (!badFields.has(field)) probe[field] = value;
      const again = employeeRecordSchema.safeParse(probe, { error: indonesianFallback });
      if (!again.success) reportIssues(again.error.issues);
    }

    if (checkNip && !badFields.has('nip') && !badFields.has('employmentType')) {
      const parsed = parseNip(recordInput.nip as string, recordInput.employmentType as EmployeeRecord['employmentType']);
      if (!parsed.ok) {
        for (const p of parsed.problems) report(nipColumn, p.message);
      } else {
        // Compare only with fields that are valid themselves; a bad TMT CPNS counts as not given.
        const record = {
          ...(recordInput as Pick<EmployeeRecord, 'nip' | 'employmentType' | 'birthDate' | 'gender' | 'tmtCpns'>),
          tmtCpns: badFields.has('tmtCpns') ? null : (recordInput.tmtCpns as string | null),
        };
        for (const p of compareNipWithRecord(parsed.parts, record)) {
          if (!badFields.has(p.field)) report(nipFieldColumn[p.field], p.message);
        }
      }
    }

    if (!unparsed.has('nip') && typeof recordInput.nip === 'string' && recordInput.nip !== '') {
      const first = firstRowByNip.get(recordInput.nip);
      if (first === undefined) firstRowByNip.set(recordInput.nip, rowNumber);
      else report(nipColumn, `NIP sama dengan baris ${first}`);
    }

    if (rowProblems.length === 0 && result.success) {
      valid.push({ rowNumber, agencyCode: agencyCode as string | null, record: result.data });
    } else {
      rowProblems.sort((a, b) => (columnOrder.get(a.column) ?? 99) - (columnOrder.get(b.column) ?? 99));
      problems.push(...rowProblems);
    }
  }
  return { valid, problems };
}

/** Quotes what the cell held so HR can find it: `NIP harus 18 digit angka (tertulis "1986092620150510")`. */
function withCellValue(message: string, raw: unknown): string {
  if (raw === null || raw === undefined) return message;
  const shown =
    raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw).trim().replace(/\s+/g, ' ').slice(0, 60);
  return shown === '' ? message : `${message} (tertulis "${shown}")`;
}
