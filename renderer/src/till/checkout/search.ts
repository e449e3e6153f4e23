/**
 * Search as you type over names and SKUs without an index to build: each product keeps one
 * normalised string, and a query scans them. A scan of 100,000 strings takes milliseconds, and the
 * next keystroke of the same query scans only what the last one matched. Nothing to build means
 * nothing to wait for when the till opens, and far less memory than an inverted index.
 */

/** Lowercase words separated by single spaces, with a leading space so " word" finds a word start. */
export function normalise(text: string): string {
  const lower = text.toLowerCase();
  // Most names are plain ASCII: skip Unicode decomposition for them (100,000 names open in a blink).
  if (!/[\u0080-\uffff]/.test(lower)) return ` ${lower.replace(/[^a-z0-9]+/g, ' ').trim()}`;
  return ` ${lower
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()}`;
}

export interface Searchable {
  /** `normalise(name + ' ' + sku)` */
  haystack: string;
}

export class IncrementalSearch<T extends Searchable> {
  private lastQuery = '';
  private lastMatches: T[] | null = null;

  constructor(private readonly all: () => Iterable<T>) {}

  /** Forget the narrowing cache (after the catalogue changed). */
  invalidate(): void {
    this.lastQuery = '';
    this.lastMatches = null;
  }

  /**
   * Items containing every word typed (anywhere in a word), best first: the more words that match
   * at the start of a word, the better; ties keep catalogue order.
   */
  search(query: string, limit: number): T[] {
    const normalised = normalise(query);
    const words = normalised.split(' ').filter(Boolean);
    if (words.length === 0) return [];
    // Typing more of the same query only narrows it: scan the previous matches instead of everything.
    const source = this.lastMatches && normalised.startsWith(this.lastQuery) ? this.lastMatches : this.all();
    const matches: T[] = [];
    const buckets: T[][] = Array.from({ length: words.length + 1 }, () => []);
    for (const item of source) {
      const haystack = item.haystack;
      let score = 0;
      let all = true;
      for (const word of words) {
        const at = haystack.indexOf(word);
        if (at < 0) {
          all = false;
          break;
        }
        if (haystack.charCodeAt(at - 1) === 32 || haystack.includes(` ${word}`)) score++;
      }
      if (!all) continue;
      matches.push(item);
      const bucket = buckets[score];
      if (bucket.length < limit) bucket.push(item);
    }
    this.lastQuery = normalised;
    this.lastMatches = matches;
    const results: T[] = [];
    for (let score = words.length; score >= 0 && results.length < limit; score--) {
      for (const item of buckets[score]) {
        if (results.length >= limit) break;
        results.push(item);
      }
    }
    return results;
  }
}
