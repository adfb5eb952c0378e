import type { Chunk, PolicyDocument } from './types.js';

export interface BodyOutline {
  /** Text of the `# ` line, or null when the body has none. */
  heading: string | null;
  headingLine: number | null;
  summary: string;
  sections: Array<{ heading: string; text: string }>;
}

/** Splits a document body at `## ` headings (a `### ` stays inside its section). */
export function outlineBody(body: string): BodyOutline {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  let heading: string | null = null;
  let headingLine: number | null = null;
  const summary: string[] = [];
  const sections: Array<{ heading: string; lines: string[] }> = [];
  let inFence = false;
  lines.forEach((line, index) => {
    if (/^\s*```/.test(line)) inFence = !inFence;
    const h2 = !inFence ? /^##\s+(.+?)\s*#*\s*$/.exec(line) : null;
    const h1 = !inFence && !h2 ? /^#\s+(.+?)\s*#*\s*$/.exec(line) : null;
    if (h2) {
      sections.push({ heading: h2[1]!, lines: [] });
    } else if (h1 && heading === null && sections.length === 0) {
      heading = h1[1]!;
      headingLine = index;
    } else if (sections.length > 0) {
      sections.at(-1)!.lines.push(line);
    } else {
      summary.push(line);
    }
  });
  return {
    heading,
    headingLine,
    summary: tidy(summary.join('\n')),
    sections: sections.map((s) => ({ heading: s.heading, text: tidy(s.lines.join('\n')) })),
  };
}

function tidy(text: string): string {
  return text.replace(/\n{3,}/g, '\n\n').trim();
}

/** One chunk for the summary paragraph, then one per `## ` section; empty pieces are left out. */
export function chunkDocument(document: PolicyDocument): Chunk[] {
  const outline = outlineBody(document.body);
  const base = {
    docId: document.id,
    title: document.title,
    tags: document.tags,
    status: document.status,
    verify: document.verify,
  };
  const chunks: Chunk[] = [];
  if (outline.summary) chunks.push({ ...base, id: `${document.id}#0`, heading: null, text: outline.summary });
  outline.sections.forEach((section, index) => {
    if (!section.text) return;
    chunks.push({ ...base, id: `${document.id}#${index + 1}`, heading: section.heading, text: section.text });
  });
  return chunks;
}

/** The text a chunk is shown and searched as: title, heading, then the section. */
export function chunkFullText(chunk: Chunk): string {
  return [chunk.title, chunk.heading, chunk.text].filter(Boolean).join('\n');
}
