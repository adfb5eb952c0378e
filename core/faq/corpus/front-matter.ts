import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { isCalendarDate } from '../../dates/calendar-date.js';
import type { CorpusProblem, FrontMatter } from './types.js';

/**
 * Front matter of a corpus file, validated the way corpus/README.md explains it to HR staff. Every message is in
 * Indonesian and names the field, because HR staff read them, not developers.
 */
const dateField = (field: string) =>
  z
    .union([z.string(), z.date()], { error: `${field} wajib diisi dengan tanggal TTTT-BB-HH` })
    .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value.trim()))
    .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value), `${field} harus berformat TTTT-BB-HH, misalnya 2026-11-23`)
    .refine((value) => !/^\d{4}-\d{2}-\d{2}$/.test(value) || isCalendarDate(value), `${field} bukan tanggal yang ada di kalender`);

const text = (field: string) =>
  z
    .union([z.string(), z.number()], { error: `${field} wajib diisi dengan teks` })
    .transform((value) => String(value).trim())
    .refine((value) => value.length > 0, `${field} tidak boleh kosong`);

const sourceSchema = z.object(
  {
    regulation: text('regulation (nama peraturan)'),
    article: z
      .union([z.string(), z.number()], { error: 'article (pasal) harus berupa teks, misalnya Pasal 77' })
      .transform((value) => String(value).trim())
      .nullish(),
  },
  { error: 'setiap sumber harus ditulis "- regulation: ..." (boleh diikuti "article: ...")' },
);

export const frontMatterSchema = z.object(
  {
    id: text('id').refine(
      (value) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value),
      'id hanya boleh huruf kecil, angka, dan tanda hubung (misalnya cuti-tahunan)',
    ),
    title: text('title'),
    sources: z
      .array(sourceSchema, { error: 'sources wajib diisi: paling sedikit satu baris "- regulation: ..."' })
      .min(1, 'sources wajib memuat paling sedikit satu dasar aturan'),
    effective: dateField('effective'),
    last_reviewed: dateField('last_reviewed'),
    tags: z
      .array(z.union([z.string(), z.number()]).transform((tag) => String(tag).trim()), {
        error: 'tags harus berupa daftar kata kunci di antara [ dan ], dipisah koma',
      })
      .min(1, 'tags wajib memuat paling sedikit satu kata kunci'),
    status: z.enum(['current', 'superseded', 'placeholder'], {
      error: 'status harus salah satu dari: current, superseded, placeholder',
    }),
    verify: z.boolean({ error: 'verify harus ditulis true atau false (bukan "ya"/"tidak")' }),
    superseded_by: z
      .string({ error: 'superseded_by harus berupa id dokumen yang berlaku' })
      .trim()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'superseded_by harus berupa id dokumen (huruf kecil, angka, tanda hubung)')
      .nullish(),
  },
  { error: 'bagian keterangan harus berisi kolom-kolom seperti "id: ..." dan "title: ..."' },
);

export type { FrontMatter };

export type FrontMatterResult =
  | { ok: true; frontMatter: FrontMatter; body: string; bodyStartLine: number }
  | { ok: false; problem: Omit<CorpusProblem, 'file'> };

const yamlReasons: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY: 'nilai memuat titik dua (:); apit nilainya dengan tanda kutip dua, misalnya title: "SATAM-ASN: Cara Masuk"',
  TAB_AS_INDENT: 'ada tombol Tab sebagai indentasi; ganti dengan spasi',
  DUPLICATE_KEY: 'kolom yang sama ditulis dua kali',
  MISSING_CHAR: 'ada tanda penutup yang hilang (misalnya ] atau tanda kutip)',
  MULTILINE_IMPLICIT_KEY: 'baris tidak berbentuk "kolom: nilai"; periksa tanda kutip dan titik dua',
  BAD_INDENT: 'indentasi (spasi di awal baris) tidak sesuai',
  UNEXPECTED_TOKEN: 'ada tanda baca yang tidak diharapkan',
};

/** Splits `---\n…\n---` off the top of a file and validates it. Lines are counted from 1 in the whole file. */
export function parseFrontMatter(source: string): FrontMatterResult {
  const normalized = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = normalized.split('\n');
  if (lines[0]?.trim() !== '---') {
    return {
      ok: false,
      problem: { line: 1, severity: 'error', reason: 'bagian keterangan (front matter) tidak ditemukan: baris pertama file harus "---"' },
    };
  }
  const closing = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (closing < 0) {
    return {
      ok: false,
      problem: { line: 1, severity: 'error', reason: 'baris penutup "---" bagian keterangan tidak ditemukan' },
    };
  }
  const yamlText = lines.slice(1, closing).join('\n');
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  const firstError = document.errors[0];
  if (firstError) {
    const line = lineCounter.linePos(firstError.pos[0]).line + 1;
    const reason = yamlReasons[firstError.code] ?? `bagian keterangan tidak dapat dibaca (${firstError.code})`;
    return { ok: false, problem: { line, severity: 'error', reason } };
  }
  const parsed = frontMatterSchema.safeParse(document.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const line = lineOfPath(document, lineCounter, issue.path, closing) ;
    return { ok: false, problem: { line, severity: 'error', reason: issue.message } };
  }
  const data = parsed.data;
  return {
    ok: true,
    frontMatter: {
      id: data.id,
      title: data.title,
      sources: data.sources.map((s) => ({ regulation: s.regulation, article: s.article ? s.article : null })),
      effective: data.effective,
      lastReviewed: data.last_reviewed,
      tags: data.tags.filter((tag) => tag.length > 0),
      status: data.status,
      verify: data.verify,
      supersededBy: data.superseded_by ?? null,
    },
    body: lines.slice(closing + 1).join('\n'),
    bodyStartLine: closing + 2,
  };
}

/** The file line of the YAML node at `path`, or of its nearest existing parent; a missing field points at `---`. */
function lineOfPath(document: Document, lineCounter: LineCounter, path: readonly PropertyKey[], closingIndex: number): number {
  const keys = path.filter((key): key is string | number => typeof key === 'string' || typeof key === 'number');
  for (let length = keys.length; length > 0; length--) {
    const node = document.getIn(keys.slice(0, length), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return lineCounter.linePos(range[0]).line + 1;
    // A key whose value is empty (`title:`) has no value node; point at the key itself.
    if (length === 1 && isMap(document.contents)) {
      const pair = document.contents.items.find((item) => isScalar(item.key) && item.key.value === keys[0]);
      const keyRange = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
      if (keyRange) return lineCounter.linePos(keyRange[0]).line + 1;
    }
  }
  // The field is missing altogether: the closing `---` is where it should have been added.
  return closingIndex + 1;
}
