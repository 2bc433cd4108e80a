/**
 * How people type the names of areas, indicators and periods: any case, an ASCII
 * hyphen for an en dash, extra spaces. Matching and suggestions live here so the
 * command line, imports and the editor agree.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s*-\s*/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export function sameName(a: string, b: string): boolean {
  return normaliseName(a) === normaliseName(b);
}

/** Levenshtein distance between two strings. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The candidates closest to `query`, best first: names that contain what was typed,
 * then names contained in it, then the rest, each by edit distance.
 */
export function nearestNames(query: string, candidates: readonly string[], count = 3): string[] {
  const wanted = normaliseName(query);
  return [...new Set(candidates)]
    .map((candidate) => {
      const name = normaliseName(candidate);
      const tier = name.includes(wanted) ? 0 : wanted.includes(name) ? 1 : 2;
      return { candidate, score: tier * 1000 + editDistance(wanted, name) };
    })
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    .slice(0, count)
    .map((entry) => entry.candidate);
}

/** "did you mean "Wycombe", "Aylesbury"?" or "" when there is nothing to suggest. */
export function suggestion(query: string, candidates: readonly string[]): string {
  const nearest = nearestNames(query, candidates);
  return nearest.length === 0 ? '' : `; did you mean ${nearest.map((name) => `"${name}"`).join(', ')}?`;
}
