/** How far a typo may be from the name meant: two edits catches `lodahs`, `@types/nod`. */
const maxDistance = 2;
const maxSuggestions = 3;

/** The names closest to `wanted` (at most two edits, or one containing the other), nearest first. */
export function didYouMean(wanted: string, names: readonly string[]): string[] {
  const target = wanted.toLowerCase();
  return names
    .map((name) => ({ name, distance: distance(target, name.toLowerCase()) }))
    .filter(
      ({ name, distance: d }) =>
        d <= maxDistance || (target.length >= 3 && name.toLowerCase().includes(target)),
    )
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, maxSuggestions)
    .map(({ name }) => name);
}

/** Levenshtein distance, one row at a time; names are short (≤ 214 characters). */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > maxDistance + 8) return Number.POSITIVE_INFINITY;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
