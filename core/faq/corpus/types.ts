/** The policy corpus as the FAQ answerer sees it. */

export type DocStatus = 'current' | 'superseded' | 'placeholder';

export interface LegalSource {
  regulation: string;
  article: string | null;
}

/** What a document's front matter says about it. */
export interface FrontMatter {
  id: string;
  title: string;
  sources: LegalSource[];
  effective: string;
  lastReviewed: string;
  tags: string[];
  status: DocStatus;
  verify: boolean;
  /** For a superseded document: the id of the document now in force (front matter `superseded_by`, or inferred). */
  supersededBy: string | null;
}

export interface PolicyDocument extends FrontMatter {
  /** File name inside the corpus folder, e.g. `cuti-tahunan.md`. */
  file: string;
  /** The Markdown body after the front matter. */
  body: string;
  /** Set for an agency's own document (corpus/<CODE>/…), which replaces the province one for that agency. */
  agencyCode?: string;
}

/** One searchable piece of a document: its summary paragraph, or one `## ` section. */
export interface Chunk {
  /** `${docId}#${n}`: n = 0 for the summary, then 1, 2, … per section. */
  id: string;
  docId: string;
  title: string;
  /** null for the summary paragraph before the first `## `. */
  heading: string | null;
  /** Section text without the heading line (Markdown kept: lists, tables). */
  text: string;
  tags: string[];
  status: DocStatus;
  verify: boolean;
}

/**
 * A file that could not be used as written. `line` is 1-based in the file. An `error` leaves the file out of the
 * index; a `warning` loads it anyway (for example a title that differs from the `# ` heading).
 */
export interface CorpusProblem {
  file: string;
  line: number;
  reason: string;
  severity: 'error' | 'warning';
}
