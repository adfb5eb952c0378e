/**
 * Standard spellings a colloquial (Jakarta-style) word may stand for, most likely first. Chat drops the -kan of
 * verbs ("ajuin"), nasalises the root without the prefix ("ngitung" for menghitung, "nyari" for mencari, "nulis"
 * for menulis), turns the last syllable's a into e ("malem", "bales", "dapet") and adds -nya anywhere
 * ("ngitungnya"). The caller keeps the first variant the corpus knows; none is a correction on its own.
 */
export function colloquialVariants(word: string): string[] {
  const out = new Set<string>();
  const bases = [word];
  if (word.length > 5 && word.endsWith('nya')) bases.push(word.slice(0, -3));
  for (const base of bases) {
    for (const verb of verbForms(base)) {
      out.add(verb);
      // "malem" → malam, "dibales" → dibalas, "dapet" → dapat: only the last syllable's vowel.
      const widened = verb.replace(/e([^aeiou]{1,2})$/, 'a$1');
      if (widened !== verb) out.add(widened);
    }
  }
  out.delete(word);
  return [...out];
}

/** The word with its -in ending as -i or -kan, and a nasal start as the prefixed and the bare root. */
function verbForms(word: string): string[] {
  const endings = [word];
  // "diajuin" as well as "disiapin": -in after a vowel too, in words long enough not to be "main" or "lain".
  if (/in$/.test(word) && word.length > 5) endings.push(word.replace(/in$/, 'kan'), word.replace(/in$/, 'i'));
  const forms: string[] = [];
  for (const w of endings) {
    forms.push(w);
    if (/^ng[aeiou]/.test(w)) forms.push(`me${w}`, `meng${w.slice(2)}`, `mengh${w.slice(2)}`, w.slice(2), `h${w.slice(2)}`, `k${w.slice(2)}`);
    else if (/^nge[^aeiou]/.test(w)) forms.push(w.slice(3));
    else if (/^ny[aeiou]/.test(w)) forms.push(`me${w}`, `c${w.slice(2)}`, `s${w.slice(2)}`);
    else if (/^n[aeiou]/.test(w)) forms.push(`me${w}`, `t${w.slice(1)}`);
    else if (/^m[aeiou]/.test(w)) forms.push(`me${w}`, `p${w.slice(1)}`);
  }
  return forms;
}
