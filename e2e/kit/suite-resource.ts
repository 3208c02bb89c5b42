import { after, before } from 'node:test';

/**
 * Registers hooks on the current suite (or on the file, at top level): `before` makes a
 * resource with `make`, `after` hands it to `dispose` when it was made. Returns a stand-in
 * whose properties read the resource's, so a suite declares the resource as a `const` beside
 * its tests and reads `x.path`, `x.client` in tests and later hooks; reading it before
 * `before` has run throws, naming `what`. The kit's suite helpers (scratch directories,
 * recording registries, the registry suites' SIFs) are all made this way.
 *
 * At a file's top level node:test starts each `before` as soon as it is registered, without
 * waiting for the one before it. A `make` that returns a plain value therefore runs
 * synchronously, so a later hook may use it at once; a resource made asynchronously is ready
 * for tests and for the hooks of `describe` blocks, but not for another top-level `before`.
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
  return new Proxy({} as T, {
    get: (_standIn, key) => {
      const resource = ready();
      const value: unknown = Reflect.get(resource, key);
      // A method runs on the resource itself, so class instances keep their own `this`.
      return typeof value === 'function' ? value.bind(resource) : value;
    },
  });
}
