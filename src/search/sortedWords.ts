/** The words of a sorted list that start with a prefix: a binary search, then a walk while they match. */
export function* wordsStartingWith(sorted: readonly string[], prefix: string): Generator<string> {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as string) < prefix) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < sorted.length && (sorted[i] as string).startsWith(prefix); i++)
    yield sorted[i] as string;
}
