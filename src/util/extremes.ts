/**
 * Largest and smallest of a list, and append-all, without spreading the list
 * into a call's arguments: `Math.max(...xs)` and `push(...xs)` throw
 * "Maximum call stack size exceeded" past about 120,000 items, and strangers
 * decide how many versions, tags, authors or issues there are. The lint
 * plugin lint/no-spread-arguments.grit keeps the spread form out of src/.
 */

/** As `Math.max(...values)`: -Infinity when empty, NaN when any value is NaN. */
export function maxOf(values: Iterable<number>): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (Number.isNaN(v)) return Number.NaN;
    if (v > max) max = v;
  }
  return max;
}

/** As `Math.min(...values)`: Infinity when empty, NaN when any value is NaN. */
export function minOf(values: Iterable<number>): number {
  let min = Number.POSITIVE_INFINITY;
  for (const v of values) {
    if (Number.isNaN(v)) return Number.NaN;
    if (v < min) min = v;
  }
  return min;
}

/** As `target.push(...items)`, for any number of items. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
