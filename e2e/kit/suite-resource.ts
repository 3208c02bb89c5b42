import { after, before } from 'node:test';

/**
 * Registers hooks on the current suite (or on the file, at top level): `before` makes a
 * resource with `make`, `after` hands it to `dispose` when it was made. Returns a stand-in
 * whose properties read the resource's, so a suite declares the resource as a `const` beside
 * its tests and reads `x.path`, `x.client` in tests and later hooks; reading it before
 * `before` has run throws, naming `what`. The kit's suite helpers (scratch directories,
 * recording registries, the registry suites' SIFs) are all made this way.
 *
 * A `make` that returns a plain value runs synchronously: at a file's top level node:test
 * starts each `before` as soon as it is registered, without waiting for the one before it, and
 * a later hook may need the resource at once.
 */
export function suiteResource<T extends object>(
  what: string,
  make: () => T | Promise<T>,
  dispose?: (made: T) => void | Promise<void>,
): Readonly<T> {
  let made: T | undefined;
  before(() => {
    const value = make();
    if (!(value instanceof Promise)) {
      made = value;
      return;
    }
    return value.then((v) => {
      made = v;
    });
  });
  after(async () => {
    if (made !== undefined) await dispose?.(made);
  });
  const ready = (): T => {
    if (made === undefined) throw new Error(`${what} is read before the suite's before hook`);
    return made;
  };
  return new Proxy({} as T, { get: (_stand_in, key) => Reflect.get(ready(), key) });
}
