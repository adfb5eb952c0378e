import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
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
  const files = readCorpusFolder(dir);
  if ('problem' in files) return { documents: [], chunks: [], problems: [files.problem] };
  return loadCorpusFiles(files);
}

function readCorpusFolder(dir: string, prefix = ''): Array<{ name: string; source: string | null }> | { problem: CorpusProblem } {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.toLowerCase().endsWith('.md') && !notDocuments.has(name.toLowerCase()));
  } catch (error) {
    const reason = `folder aturan tidak dapat dibaca (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
    return { problem: { file: dir, line: 0, reason, severity: 'error' } };
  }
  names.sort();
  return names.map((name): { name: string; source: string | null } => {
    try {
      return { name: `${prefix}${name}`, source: readFileSync(join(dir, name), 'utf8') };
    } catch {
      return { name: `${prefix}${name}`, source: null };
    }
  });
}

/**
 * An agency's corpus: the province folder with the agency's own folder (`corpus/<CODE>/`) laid over it. An agency
 * document with the same id (file name) replaces the province one for that agency's staff; its title in citations
 * says it is the agency's own rule, so an answer shows which one applies.
 */
export function loadCorpusOverlay(provinceDir: string, agencyDir: string, agencyCode: string): LoadedCorpus {
  const province = readCorpusFolder(provinceDir);
  if ('problem' in province) return { documents: [], chunks: [], problems: [province.problem] };
  const own = readCorpusFolder(agencyDir, `${agencyCode}/`);
  if ('problem' in own) return { ...loadCorpusFiles(province), problems: [own.problem] };
  const overridden = new Set(own.map((file) => basename(file.name)));
  const loaded = loadCorpusFiles([...province.filter((file) => !overridden.has(file.name)), ...own]);
  for (const document of loaded.documents) {
    if (document.file.startsWith(`${agencyCode}/`)) {
      document.agencyCode = agencyCode;
      document.title = `${document.title} (ketentuan ${agencyCode})`;
    }
  }
  return loaded;
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
  const expectedId = basename(file).replace(/\.md$/i, '');
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
