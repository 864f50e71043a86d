/**
 * `f` of what a loader answered: at once when it is a value (a reference loader whose rows are read), once it is
 * there when it is a promise. A resolver that returns it costs the execution no promise when none is needed.
 */
export function mapLoaded<T, R>(loaded: T | Promise<T>, f: (value: T) => R): R | Promise<R> {
  return loaded instanceof Promise ? loaded.then(f) : f(loaded);
}
