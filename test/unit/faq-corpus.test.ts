import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chunkDocument } from '../../core/faq/corpus/chunk.js';
import { coversNumber, unitAfter } from '../../core/faq/corpus/units.js';
import { parseFrontMatter } from '../../core/faq/corpus/front-matter.js';
import { loadCorpus, loadCorpusFiles } from '../../core/faq/corpus/load-corpus.js';
import { FaqKnowledge, defaultCorpusDir } from '../../core/faq/knowledge.js';

function doc(id: string, options: { title?: string; status?: string; body?: string; extra?: string; frontMatter?: string } = {}): string {
  const title = options.title ?? `Judul ${id}`;
  const frontMatter =
    options.frontMatter ??
    [
      `id: ${id}`,
      `title: ${title}`,
      'sources:',
      '  - regulation: PP 11/2017',
      '    article: Pasal 310',
      'effective: 2020-01-01',
      'last_reviewed: 2026-11-23',
      'tags: [cuti, contoh]',
      `status: ${options.status ?? 'current'}`,
      'verify: false',
      options.extra ?? '',
    ]
      .filter(Boolean)
      .join('\n');
  const body = options.body ?? `# ${title}\n\nRingkasan ${id}.\n\n## Bagian satu\n\nIsi satu ${id}.\n\n## Bagian dua\n\nIsi dua ${id}.\n`;
  return `---\n${frontMatter}\n---\n\n${body}`;
}

describe('front matter', () => {
  it('parses every field the README describes', () => {
    const parsed = parseFrontMatter(doc('cuti-contoh'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.frontMatter).toMatchObject({
      id: 'cuti-contoh',
      title: 'Judul cuti-contoh',
      sources: [{ regulation: 'PP 11/2017', article: 'Pasal 310' }],
      effective: '2020-01-01',
      lastReviewed: '2026-11-23',
      tags: ['cuti', 'contoh'],
      status: 'current',
      verify: false,
    });
    expect(parsed.bodyStartLine).toBe(13);
  });

  it('reports a title with an unquoted colon on its line, in Indonesian', () => {
    const parsed = parseFrontMatter(doc('satam', { title: 'SATAM-ASN: Cara Masuk' }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problem.line).toBe(3);
    expect(parsed.problem.reason).toMatch(/titik dua.*tanda kutip/);
  });

  it('names the field and line of a wrong value', () => {
    const source = doc('x').replace('verify: false', 'verify: ya');
    const parsed = parseFrontMatter(source);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problem.line).toBe(11);
    expect(parsed.problem.reason).toMatch(/verify harus ditulis true atau false/);

    const badDate = parseFrontMatter(doc('x').replace('effective: 2020-01-01', 'effective: 23-11-2026'));
    expect(badDate.ok || badDate.problem).toMatchObject({ line: 7, reason: expect.stringMatching(/effective harus berformat TTTT-BB-HH/) });

    const badStatus = parseFrontMatter(doc('x', { status: 'berlaku' }));
    expect(badStatus.ok || badStatus.problem).toMatchObject({ line: 10, reason: expect.stringMatching(/status harus salah satu/) });
  });

  it('points a missing field at the closing ---', () => {
    const source = doc('x').replace('tags: [cuti, contoh]\n', '');
    const parsed = parseFrontMatter(source);
    expect(parsed.ok || parsed.problem).toMatchObject({ line: 11, reason: expect.stringMatching(/tags/) });
  });

  it('reports a file without front matter or without its closing line', () => {
    expect(parseFrontMatter('# Judul\n\nIsi')).toMatchObject({ ok: false, problem: { line: 1 } });
    expect(parseFrontMatter('---\nid: x\n# Judul')).toMatchObject({ ok: false, problem: { line: 1, reason: expect.stringMatching(/penutup/) } });
  });

  it('reports tabs used as indentation', () => {
    const parsed = parseFrontMatter(doc('x').replace('  - regulation', '\t- regulation'));
    expect(parsed.ok || parsed.problem).toMatchObject({ reason: expect.stringMatching(/Tab/) });
  });
});

describe('chunking', () => {
  it('cuts a document into its summary and one chunk per ## section, each with title and heading', () => {
    const loaded = loadCorpusFiles([{ name: 'cuti-contoh.md', source: doc('cuti-contoh') }]);
    const chunks = chunkDocument(loaded.documents[0]!);
    expect(chunks.map((c) => [c.id, c.heading, c.text])).toEqual([
      ['cuti-contoh#0', null, 'Ringkasan cuti-contoh.'],
      ['cuti-contoh#1', 'Bagian satu', 'Isi satu cuti-contoh.'],
      ['cuti-contoh#2', 'Bagian dua', 'Isi dua cuti-contoh.'],
    ]);
    expect(chunks.every((c) => c.title === 'Judul cuti-contoh' && c.status === 'current')).toBe(true);
  });

  it('keeps ### headings, lists and tables inside their section', () => {
    const body = '# T\n\nRingkas.\n\n## A\n\nPengantar:\n\n- satu\n- dua\n\n### Rinci\n\n| k | v |\n|---|---|\n| a | 1 |\n';
    const [, section] = chunkDocument(loadCorpusFiles([{ name: 'x.md', source: doc('x', { title: 'T', body }) }]).documents[0]!);
    expect(section!.heading).toBe('A');
    expect(section!.text).toContain('### Rinci');
    expect(section!.text).toContain('| a | 1 |');
  });

  it('chunks the real corpus: 60 documents, README left out, no problems', () => {
    const corpus = loadCorpus(defaultCorpusDir);
    expect(corpus.problems).toEqual([]);
    expect(corpus.documents).toHaveLength(60);
    expect(corpus.documents.some((d) => d.id === 'readme')).toBe(false);
    expect(corpus.chunks.length).toBeGreaterThan(200);
    expect(corpus.documents.find((d) => d.id === 'periode-kenaikan-pangkat-lama')?.supersededBy).toBe('periode-kenaikan-pangkat');
    expect(corpus.documents.filter((d) => d.status === 'placeholder').map((d) => d.id)).toHaveLength(5);
  });
});

describe('broken files', () => {
  it('reports each broken file with file, line and reason, and loads the rest', () => {
    const corpus = loadCorpusFiles([
      { name: 'baik.md', source: doc('baik') },
      { name: 'judul-titik-dua.md', source: doc('judul-titik-dua', { title: 'SATAM-ASN: Cara Masuk' }) },
      { name: 'salah-id.md', source: doc('id-lain') },
      { name: 'tanpa-keterangan.md', source: '# Judul\n\nIsi.' },
      { name: 'ganda.md', source: doc('baik') },
    ]);
    expect(corpus.documents.map((d) => d.id)).toEqual(['baik']);
    expect(corpus.problems.map(({ file, line, severity }) => ({ file, line, severity }))).toEqual([
      { file: 'judul-titik-dua.md', line: 3, severity: 'error' },
      { file: 'salah-id.md', line: 2, severity: 'error' },
      { file: 'tanpa-keterangan.md', line: 1, severity: 'error' },
      { file: 'ganda.md', line: 2, severity: 'error' },
    ]);
    for (const problem of corpus.problems) expect(problem.reason).toMatch(/[a-z]{4,}/);
    expect(corpus.problems[1]!.reason).toMatch(/tidak sama dengan nama file/);
    expect(corpus.problems[3]!.reason).toMatch(/samakan id dengan "ganda"/);
  });

  it('loads a file whose # title differs from title, with a warning', () => {
    const corpus = loadCorpusFiles([{ name: 'x.md', source: doc('x', { body: '# Judul Lain\n\nIsi.\n' }) }]);
    expect(corpus.documents).toHaveLength(1);
    expect(corpus.problems).toEqual([{ file: 'x.md', line: 14, reason: expect.stringMatching(/tidak sama dengan title/), severity: 'warning' }]);
  });
});

describe('watching the corpus folder', () => {
  let dir: string | null = null;
  let knowledge: FaqKnowledge | null = null;
  afterEach(() => {
    knowledge?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function until(check: () => boolean, ms = 4000): Promise<void> {
    const started = Date.now();
    while (!check()) {
      if (Date.now() - started > ms) throw new Error('timed out waiting for a reload');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('rebuilds the index when HR saves a file, reports a broken save and keeps serving the rest', async () => {
    dir = mkdtempSync(join(tmpdir(), 'layani-corpus-'));
    writeFileSync(join(dir, 'README.md'), '# Petunjuk\n');
    writeFileSync(join(dir, 'cuti-tahunan.md'), readFileSync(join(defaultCorpusDir, 'cuti-tahunan.md')));
    writeFileSync(join(dir, 'kgb.md'), readFileSync(join(defaultCorpusDir, 'kgb.md')));
    knowledge = FaqKnowledge.open(dir, { watch: true, debounceMs: 30 });
    expect(knowledge.documents.map((d) => d.id).sort()).toEqual(['cuti-tahunan', 'kgb']);
    expect(knowledge.search('tapera masih wajib', 1)[0]?.chunk.docId).not.toBe('tapera');

    writeFileSync(join(dir, 'tapera.md'), readFileSync(join(defaultCorpusDir, 'tapera.md')));
    await until(() => knowledge!.documents.length === 3);
    expect(knowledge.search('tapera masih wajib', 1)[0]?.chunk.docId).toBe('tapera');

    const reloads = knowledge.reloadCount;
    writeFileSync(join(dir, 'kgb.md'), doc('kgb').replace('verify: false', 'verify: tidak'));
    await until(() => knowledge!.reloadCount > reloads && knowledge!.problems.length > 0);
    expect(knowledge.problems).toEqual([{ file: 'kgb.md', line: 11, reason: expect.stringMatching(/verify/), severity: 'error' }]);
    expect(knowledge.documents.map((d) => d.id).sort()).toEqual(['cuti-tahunan', 'tapera']);
    expect(knowledge.search('cuti tahunan brp hari', 1)[0]?.chunk.docId).toBe('cuti-tahunan');
  });
});

describe('a number the question names, in a section', () => {
  it('is found as a number or inside a range, not in a degree or a regulation number', () => {
    expect(coversNumber('Ketidakhadiran 4–6 hari: teguran tertulis', 5)).toBe(true);
    expect(coversNumber('masa kerja paling singkat 3 tahun', 3)).toBe(true);
    expect(coversNumber('S3: IV/b, S2: IV/a', 3)).toBe(false);
    expect(coversNumber('Dasar: PP 11/2017', 11)).toBe(false);
    expect(coversNumber('koefisien 12,5 per tahun', 5)).toBe(false);
    // "baru 5 bulan" asked is not "5 tahun" written; a bare number or a range still is.
    expect(coversNumber('paling singkat 5 tahun', 5, 'bulan')).toBe(false);
    expect(coversNumber('paling singkat 5 tahun', 5, 'tahun')).toBe(true);
    expect(coversNumber('| 4–6 | teguran tertulis |', 5, 'hari')).toBe(true);
    // "baru 8 bulan" asked is not "8 angka" written either.
    expect(coversNumber('18 angka: 8 angka tanggal lahir', 8, 'bulan')).toBe(false);
    expect(coversNumber('| 8 | Juru |', 8, 'bulan')).toBe(true);
    // The number of a list item is no value.
    expect(coversNumber('1. Minta kode\n4. Bila berhasil, bot menyapa Anda', 4, 'hari')).toBe(false);
    expect(unitAfter('baru 5 bulan jadi pns', 5)).toBe('bulan');
  });
});
