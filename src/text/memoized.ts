/**
 * A function of one string (a name, a surname) whose results are kept: compiling a name's
 * expressions costs more than running them, and the same names are read sentence after sentence.
 * When the store reaches `limit` it is cleared whole, so a long-running bot's memory stays bounded.
 */
export function memoized<T>(limit: number, build: (key: string) => T): (key: string) => T {
  const store = new Map<string, T>();
  return (key) => {
    const known = store.get(key);
    if (known !== undefined || store.has(key)) return known as T;
    const value = build(key);
    if (store.size >= limit) store.clear();
    store.set(key, value);
    return value;
  };
}
