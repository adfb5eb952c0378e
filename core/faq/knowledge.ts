import { watch, type FSWatcher } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus, loadCorpusFiles, loadCorpusOverlay, type LoadedCorpus } from './corpus/load-corpus.js';
import type { Chunk, CorpusProblem, PolicyDocument } from './corpus/types.js';
import { normaliseQuery, type NormalisedQuery } from './retrieval/normalise.js';
import { ChunkIndex, type DocumentGrounding, type SearchHit } from './retrieval/search-index.js';

/** corpus/ at the repository root, wherever the process was started from. */
export const defaultCorpusDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'corpus');

export interface KnowledgeOptions {
  /** Rebuild the index when a file in the folder changes (default false; the app turns it on). */
  watch?: boolean;
  debounceMs?: number;
  /** Told after every (re)load, with the problems found; the app logs them. */
  onReload?: (event: { documents: number; chunks: number; problems: CorpusProblem[]; ms: number }) => void;
}

interface Snapshot {
  corpus: LoadedCorpus;
  index: ChunkIndex;
  documents: Map<string, PolicyDocument>;
  words: Set<string>;
}

/**
 * The policy corpus, indexed: what the answerer searches. Reloads itself (debounced) when HR saves a file; a file
 * with a problem is reported in `problems` and left out, and every other file keeps serving.
 */
export class FaqKnowledge {
  private snapshot: Snapshot;
  private watchers: FSWatcher[] = [];
  private timer: NodeJS.Timeout | null = null;
  private reloads = 0;

  private constructor(
    readonly dir: string | null,
    private readonly options: KnowledgeOptions,
    initial: LoadedCorpus,
    /** How to read the corpus again (the province folder, or it with an agency's folder laid over). */
    private readonly load: (() => LoadedCorpus) | null = dir ? () => loadCorpus(dir) : null,
    /** Folders whose changes reload it. */
    private readonly watchDirs: readonly string[] = dir ? [dir] : [],
  ) {
    this.snapshot = FaqKnowledge.index(initial);
  }

  /**
   * An agency's corpus: the province folder plus `agencyDir` (corpus/<CODE>/), whose documents replace the
   * province ones with the same id. Follows changes in both folders with `watch`.
   */
  static openOverlay(provinceDir: string, agencyDir: string, agencyCode: string, options: KnowledgeOptions = {}): FaqKnowledge {
    const started = performance.now();
    const load = () => loadCorpusOverlay(provinceDir, agencyDir, agencyCode);
    const knowledge = new FaqKnowledge(agencyDir, options, load(), load, [provinceDir, agencyDir]);
    knowledge.report(performance.now() - started);
    if (options.watch) knowledge.startWatching();
    return knowledge;
  }

  /** Loads `dir` (default: the repository's corpus/) and, with `watch`, follows its changes. */
  static open(dir: string = defaultCorpusDir, options: KnowledgeOptions = {}): FaqKnowledge {
    const started = performance.now();
    const knowledge = new FaqKnowledge(dir, options, loadCorpus(dir));
    knowledge.report(performance.now() - started);
    if (options.watch) knowledge.startWatching();
    return knowledge;
  }

  /** A fixed corpus from file contents (tests and benchmarks); `reload()` is a no-op. */
  static fromFiles(files: ReadonlyArray<{ name: string; source: string }>, options: KnowledgeOptions = {}): FaqKnowledge {
    return new FaqKnowledge(null, options, loadCorpusFiles(files));
  }

  /** A fixed corpus from chunks (benchmarks of a grown corpus). */
  static fromChunks(documents: PolicyDocument[], chunks: Chunk[]): FaqKnowledge {
    return new FaqKnowledge(null, {}, { documents, chunks, problems: [] });
  }

  private static index(corpus: LoadedCorpus): Snapshot {
    const words = new Set<string>();
    for (const chunk of corpus.chunks) {
      for (const word of `${chunk.title} ${chunk.heading ?? ''} ${chunk.text} ${chunk.tags.join(' ')}`.toLowerCase().split(/[^a-z0-9]+/)) {
        if (word) words.add(word);
      }
    }
    return {
      corpus,
      index: ChunkIndex.build(corpus.chunks),
      documents: new Map(corpus.documents.map((d) => [d.id, d])),
      words,
    };
  }

  /** Reads the folder again now. Keeps the previous index when the folder itself cannot be read. */
  reload(): void {
    if (!this.load) return;
    const started = performance.now();
    const next = this.load();
    if (next.documents.length === 0 && this.snapshot.corpus.documents.length > 0 && next.problems.some((p) => p.line === 0)) {
      this.snapshot = { ...this.snapshot, corpus: { ...this.snapshot.corpus, problems: next.problems } };
    } else {
      this.snapshot = FaqKnowledge.index(next);
    }
    this.reloads++;
    this.report(performance.now() - started);
  }

  /** How many times the folder was read again since it was opened. */
  get reloadCount(): number {
    return this.reloads;
  }

  /** Files that could not be used as written (errors) or were loaded with a remark (warnings). */
  get problems(): readonly CorpusProblem[] {
    return this.snapshot.corpus.problems;
  }

  get documents(): readonly PolicyDocument[] {
    return this.snapshot.corpus.documents;
  }

  get chunks(): readonly Chunk[] {
    return this.snapshot.corpus.chunks;
  }

  document(id: string): PolicyDocument | undefined {
    return this.snapshot.documents.get(id);
  }

  chunk(id: string): Chunk | undefined {
    return this.snapshot.index.chunk(id);
  }

  /** True when the corpus uses this word's stem (after typo correction). */
  knows(word: string): boolean {
    return this.snapshot.index.knows(word);
  }

  /** True for a word that occurs in the corpus (lower case), so it is a policy word rather than, say, a name. */
  isCorpusWord(word: string): boolean {
    return this.snapshot.words.has(word.toLowerCase());
  }

  /** Best `k` chunks with normalised confidence, superseded and placeholder chunks included (they are marked). */
  search(question: string | NormalisedQuery, k = 5, filter?: (chunk: Chunk) => boolean): SearchHit[] {
    return this.snapshot.index.search(typeof question === 'string' ? normaliseQuery(question) : question, k, filter);
  }

  /** What each section of a document states about the question, and its "not covered" statements. */
  groundInDocument(question: string | NormalisedQuery, docId: string): DocumentGrounding {
    return this.snapshot.index.groundInDocument(question, docId);
  }

  /** Best `k` distinct documents, in rank order (what hit@k is measured on). */
  searchDocuments(question: string, k = 3): Array<{ docId: string; hit: SearchHit }> {
    const seen = new Set<string>();
    const out: Array<{ docId: string; hit: SearchHit }> = [];
    for (const hit of this.search(question, Math.max(10, k * 4))) {
      if (seen.has(hit.chunk.docId)) continue;
      seen.add(hit.chunk.docId);
      out.push({ docId: hit.chunk.docId, hit });
      if (out.length === k) break;
    }
    return out;
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const watcher of this.watchers) watcher.close();
    this.watchers = [];
  }

  private startWatching(): void {
    const debounceMs = this.options.debounceMs ?? 250;
    for (const dir of this.watchDirs) {
      try {
        const watcher = watch(dir, { persistent: false }, (_event, name) => {
          if (name && !String(name).toLowerCase().endsWith('.md')) return;
          if (this.timer) clearTimeout(this.timer);
          this.timer = setTimeout(() => {
            this.timer = null;
            this.reload();
          }, debounceMs);
        });
        watcher.on('error', () => {
          // The folder went away (e.g. replaced by a deploy): keep serving what was loaded.
          watcher.close();
          this.watchers = this.watchers.filter((w) => w !== watcher);
        });
        this.watchers.push(watcher);
      } catch {
        // Not watchable: it is read again on the next reload.
      }
    }
  }

  private report(ms: number): void {
    const { corpus } = this.snapshot;
    this.options.onReload?.({ documents: corpus.documents.length, chunks: corpus.chunks.length, problems: [...corpus.problems], ms });
  }
}
