import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chunkDocument, outlineBody } from './chunk.js';
import { parseFrontMatter } from './front-matter.js';
import type { Chunk, CorpusProblem, PolicyDocument } from './types.js';

export interface LoadedCorpus {
  documents: PolicyDocument[];
  chunks: Chunk[];
  problems: CorpusProblem[];
}

/** Files that explain the corpus to HR and are never documents. */
const notDocuments = new Set(['readme.md']);

/**
 * Reads every `*.md` in `dir` (but README.md). A file with a problem is reported with its line and an Indonesian
 * reason and left out; every other file still loads.
 */
export function loadCorpus(dir: string): LoadedCorpus {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.toLowerCase().endsWith('.md') && !notDocuments.has(name.toLowerCase()));
  } catch (error) {
    const reason = `folder aturan tidak dapat dibaca (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
    return { documents: [], chunks: [], problems: [{ file: dir, line: 0, reason, severity: 'error' }] };
  }
  names.sort();
  const files = names.map((name): { name: string; source: string | null } => {
    try {
      return { name, source: readFileSync(join(dir, name), 'utf8') };
    } catch {
      return { name, source: null };
    }
  });
  return loadCorpusFiles(files);
}

/** The same as loadCorpus, from file contents (tests, and the benchmark's grown corpus). */
export function loadCorpusFiles(files: ReadonlyArray<{ name: string; source: string | null }>): LoadedCorpus {
  const documents: PolicyDocument[] = [];
  const problems: CorpusProblem[] = [];
  const byId = new Map<string, PolicyDocument>();
  for (const { name, source } of files) {
    if (source === null) {
      problems.push({ file: name, line: 0, reason: 'file tidak dapat dibaca', severity: 'error' });
      continue;
    }
    const result = readDocument(name, source);
    problems.push(...result.problems);
    if (!result.document) continue;
    const clash = byId.get(result.document.id);
    if (clash) {
      problems.push({
        file: name,
        line: 2,
        reason: `id "${result.document.id}" sudah dipakai oleh ${clash.file}; setiap dokumen harus punya id sendiri`,
        severity: 'error',
      });
      continue;
    }
    byId.set(result.document.id, result.document);
    documents.push(result.document);
  }
  linkSuperseded(documents, problems);
  return { documents, chunks: documents.flatMap(chunkDocument), problems };
}

function readDocument(file: string, source: string): { document: PolicyDocument | null; problems: CorpusProblem[] } {
  const parsed = parseFrontMatter(source);
  if (!parsed.ok) return { document: null, problems: [{ file, ...parsed.problem }] };
  const fm = parsed.frontMatter;
  const problems: CorpusProblem[] = [];
  const expectedId = file.replace(/\.md$/i, '');
  if (fm.id !== expectedId) {
    const idLine = lineOf(source, /^id\s*:/m) ?? 2;
    problems.push({
      file,
      line: idLine,
      reason: `id "${fm.id}" tidak sama dengan nama file; samakan id dengan "${expectedId}" atau ganti nama file`,
      severity: 'error',
    });
    return { document: null, problems };
  }
  const outline = outlineBody(parsed.body);
  if (outline.heading === null) {
    problems.push({ file, line: parsed.bodyStartLine, reason: 'baris judul "# Judul" tidak ditemukan di awal isi dokumen', severity: 'warning' });
  } else if (outline.heading.trim() !== fm.title) {
    problems.push({
      file,
      line: parsed.bodyStartLine + (outline.headingLine ?? 0),
      reason: `judul "# ${outline.heading.trim()}" tidak sama dengan title "${fm.title}"`,
      severity: 'warning',
    });
  }
  if (outline.sections.length === 0 && !outline.summary) {
    problems.push({ file, line: parsed.bodyStartLine, reason: 'isi dokumen kosong', severity: 'error' });
    return { document: null, problems };
  }
  return {
    document: {
      id: fm.id,
      title: fm.title,
      sources: fm.sources,
      effective: fm.effective,
      lastReviewed: fm.lastReviewed,
      tags: fm.tags,
      status: fm.status,
      verify: fm.verify,
      supersededBy: fm.supersededBy,
      file,
      body: parsed.body,
    },
    problems,
  };
}

function lineOf(source: string, pattern: RegExp): number | null {
  const index = source.search(pattern);
  return index < 0 ? null : source.slice(0, index).split('\n').length;
}

/**
 * A superseded document names the one now in force ("lihat dokumen Periode dan Jadwal Usul Kenaikan Pangkat"):
 * when the front matter has no `superseded_by`, the current document whose title it mentions most is taken.
 */
function linkSuperseded(documents: PolicyDocument[], problems: CorpusProblem[]): void {
  const current = documents.filter((d) => d.status === 'current');
  for (const doc of documents) {
    if (doc.status !== 'superseded') continue;
    if (doc.supersededBy) {
      const target = documents.find((d) => d.id === doc.supersededBy);
      if (!target || target.status !== 'current') {
        problems.push({
          file: doc.file,
          line: 1,
          reason: `superseded_by "${doc.supersededBy}" bukan dokumen berstatus current`,
          severity: 'warning',
        });
        doc.supersededBy = null;
      } else continue;
    }
    const body = doc.body.toLowerCase();
    let best: { id: string; count: number; length: number } | null = null;
    for (const candidate of current) {
      const title = candidate.title.toLowerCase();
      const count = body.split(title).length - 1 + (body.includes(candidate.id) ? 1 : 0);
      if (count > 0 && (!best || count > best.count || (count === best.count && title.length > best.length))) {
        best = { id: candidate.id, count, length: title.length };
      }
    }
    doc.supersededBy = best?.id ?? null;
  }
}
