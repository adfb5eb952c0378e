import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { isCalendarDate, parseCalendarDate, type CalendarDate } from '../dates/calendar-date.js';

/**
 * The calendar files HR edits (calendar/YYYY.json, described in calendar/README.md). Messages are in Indonesian
 * because HR reads them: they name the file, the entry and what is wrong.
 */

export const holidayKinds = ['libur_nasional', 'cuti_bersama'] as const;
export type HolidayKind = (typeof holidayKinds)[number];

/** A type error's message, unless the field is simply missing. */
const expected = (message: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'wajib diisi' : message);

const calendarDateField = z
  .string({ error: expected('harus berupa teks tanggal "TTTT-BB-HH", misalnya "2026-01-01"') })
  .refine(isCalendarDate, { error: (issue) => `"${String(issue.input)}" bukan tanggal yang ada (format "TTTT-BB-HH")` });

const verifyField = z.boolean({ error: expected('harus true atau false (tanpa tanda kutip)') }).optional();
const noteField = z.string({ error: expected('harus berupa teks dalam tanda kutip') }).optional();

export const holidaySchema = z.strictObject({
  date: calendarDateField,
  name: z.string({ error: expected('harus berupa teks nama hari libur') }).trim().min(1, { error: 'nama hari libur kosong' }),
  kind: z.enum(holidayKinds, { error: expected('harus "libur_nasional" atau "cuti_bersama"') }),
  /** True when the date is an estimate HR still has to check against the official SKB. */
  verify: verifyField,
  note: noteField,
});

export const dateRangeSchema = z
  .strictObject({
    from: calendarDateField,
    to: calendarDateField,
    verify: verifyField,
    note: noteField,
  })
  .refine(({ from, to }) => from <= to, { error: '"to" tidak boleh sebelum "from"' })
  .refine(({ from, to }) => daySpan(from, to) <= 31, {
    error: 'rentang Ramadan lebih dari 31 hari: periksa "from" dan "to"',
  });

export const calendarFileSchema = z
  .strictObject({
    year: z.number({ error: expected('harus berupa angka tahun tanpa tanda kutip, misalnya 2026') }).int().min(2000).max(2100),
    source: z.string({ error: expected('harus berupa teks dasar hukum, misalnya nomor SKB') }),
    note: noteField,
    holidays: z.array(holidaySchema, { error: expected('harus berupa daftar [ ... ]') }),
    ramadan: dateRangeSchema.nullable().optional(),
  })
  .superRefine((file, ctx) => {
    file.holidays.forEach((holiday, index) => {
      if (parseCalendarDate(holiday.date).year !== file.year) {
        ctx.addIssue({
          code: 'custom',
          path: ['holidays', index, 'date'],
          message: `tanggal ${holiday.date} bukan di tahun ${file.year}`,
        });
      }
    });
    const ramadan = file.ramadan;
    if (ramadan && parseCalendarDate(ramadan.from).year !== file.year && parseCalendarDate(ramadan.to).year !== file.year) {
      ctx.addIssue({ code: 'custom', path: ['ramadan'], message: `rentang Ramadan tidak menyentuh tahun ${file.year}` });
    }
  });

export type CalendarFile = z.infer<typeof calendarFileSchema>;
export type Holiday = z.infer<typeof holidaySchema>;
export type DateRange = { from: CalendarDate; to: CalendarDate };

/** What the business calendar needs from all files together. */
export interface CalendarData {
  /** Years with a file that loaded, ascending. Dates in other years are treated as having no holidays. */
  years: number[];
  /** Sorted by date. */
  holidays: Holiday[];
  ramadan: DateRange[];
}

export interface CalendarProblem {
  /** File name, e.g. "2027.json" (or the folder when it cannot be read). */
  file: string;
  /** Indonesian, for HR. */
  reason: string;
}

export interface LoadedCalendarFiles {
  calendar: CalendarData;
  problems: CalendarProblem[];
}

function daySpan(from: string, to: string): number {
  if (!isCalendarDate(from) || !isCalendarDate(to)) return 0;
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
}

const typeNames: Record<string, string> = {
  string: 'teks dalam tanda kutip',
  number: 'angka',
  boolean: 'true atau false',
  array: 'daftar [ ... ]',
  object: 'objek { ... }',
};

const indonesianLocale = z.locales.id().localeError;

/** Error map for this parse only (the global zod configuration is left alone). */
const indonesianErrors: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'wajib diisi';
    return `harus ${typeNames[issue.expected] ?? issue.expected}`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `kolom tidak dikenal: ${issue.keys.map((key) => `"${key}"`).join(', ')} (salah ketik?)`;
  }
  return indonesianLocale(issue);
};

function describePath(path: readonly PropertyKey[], data: unknown): string {
  const parts: string[] = [];
  let node: unknown = data;
  for (const key of path) {
    if (typeof key === 'number') {
      const entry = Array.isArray(node) ? node[key] : undefined;
      const date = entry && typeof entry === 'object' && 'date' in entry ? String(entry.date) : undefined;
      parts[parts.length - 1] += ` ke-${key + 1}${date ? ` (${date})` : ''}`;
    } else {
      parts.push(`"${String(key)}"`);
    }
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return parts.join(' → ');
}

/** Parses one file's text; `fileName` ("2026.json") must name the same year as the "year" field. */
export function parseCalendarFile(
  text: string,
  fileName: string,
): { ok: true; file: CalendarFile } | { ok: false; reason: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      reason: `bukan JSON yang valid (periksa koma, tanda kutip dan kurung): ${(error as Error).message}`,
    };
  }
  const result = calendarFileSchema.safeParse(data, { error: indonesianErrors });
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const where = describePath(issue.path, data);
      return where ? `${where}: ${issue.message}` : issue.message;
    });
    return { ok: false, reason: lines.join('; ') };
  }
  const fileYear = Number(/^(\d{4})\.json$/.exec(fileName)?.[1]);
  if (fileYear !== result.data.year) {
    return { ok: false, reason: `"year" berisi ${result.data.year}, padahal nama file untuk tahun ${fileYear}` };
  }
  return { ok: true, file: result.data };
}

/**
 * Reads every YYYY.json in `dir`. A file that cannot be read or parsed is reported and skipped; the other years
 * still load. Other .json files are reported as ignored so a misnamed file does not go unnoticed.
 */
export function loadCalendarFiles(dir: string): LoadedCalendarFiles {
  const problems: CalendarProblem[] = [];
  const files: CalendarFile[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (error) {
    problems.push({ file: dir, reason: `folder kalender tidak bisa dibaca: ${(error as Error).message}` });
    names = [];
  }
  for (const name of names) {
    if (!/^\d{4}\.json$/.test(name)) {
      if (name.toLowerCase().endsWith('.json')) {
        problems.push({ file: name, reason: 'diabaikan: nama file harus tahunnya saja, misalnya "2026.json"' });
      }
      continue;
    }
    let text: string;
    try {
      text = readFileSync(join(dir, name), 'utf8');
    } catch (error) {
      problems.push({ file: name, reason: `file tidak bisa dibaca: ${(error as Error).message}` });
      continue;
    }
    const parsed = parseCalendarFile(text.replace(/^\uFEFF/, ''), name);
    if (parsed.ok) files.push(parsed.file);
    else problems.push({ file: name, reason: parsed.reason });
  }
  return { calendar: mergeCalendarFiles(files), problems };
}

/** Combines parsed files (e.g. from tests) into the data the business calendar uses. */
export function mergeCalendarFiles(files: readonly CalendarFile[]): CalendarData {
  return {
    years: files.map((file) => file.year).sort((a, b) => a - b),
    holidays: files.flatMap((file) => file.holidays).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    ramadan: files.flatMap((file) => (file.ramadan ? [{ from: file.ramadan.from, to: file.ramadan.to }] : [])),
  };
}
