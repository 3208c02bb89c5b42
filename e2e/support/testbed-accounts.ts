import type { TokenUser } from './token-authority.js';
import type { Grant } from './token-scopes.js';

/** A username/password pair as tests hand it to the client under test. */
export interface Credentials {
  readonly username: string;
  readonly password: string;
}

/** May pull, push and delete everywhere and read the catalog. */
export const tester: Credentials = { username: 'tester', password: 'testpass' };

/**
 * May only pull on the token registries. On the htpasswd registry Basic auth has no per-user
 * authorization in distribution, so reader can push there.
 */
export const reader: Credentials = { username: 'reader', password: 'readpass' };

/** The token server's user table: tester and reader with their grants. */
export const tokenUsers: Readonly<Record<string, TokenUser>> = {
  [tester.username]: {
    password: tester.password,
    grants: [
      { type: 'repository', name: '*', actions: ['pull', 'push', 'delete'] },
      { type: 'registry', name: 'catalog', actions: ['*'] },
    ],
  },
  [reader.username]: {
    password: reader.password,
    grants: [{ type: 'repository', name: '*', actions: ['pull'] }],
  },
};

/** Requests without credentials may pull repositories below `public/`. */
export const anonymousGrants: readonly Grant[] = [
  { type: 'repository', name: 'public/*', actions: ['pull'] },
];

/** `iss` of every token and the registries' configured issuer. */
export const tokenIssuer = 'sifport-testbed-issuer';

/** `auth.token.service` of the bearer and TLS registries (the `aud` of their tokens). */
export const tokenServices = {
  bearer: 'sifport-testbed-bearer',
  tls: 'sifport-testbed-tls',
} as const;
