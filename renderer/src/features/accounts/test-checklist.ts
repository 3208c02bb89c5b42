import type { ResponseOf } from '../../../../shared/contract.js';
import type { CallFailure } from './account-status.js';

/** What "Test connection" found (the contract's capabilities). */
export type Capabilities = ResponseOf<'accounts:test'>['capabilities'];

/** One line of the "Test and save" checklist (UI.md S2), in its order. */
export type CheckId =
  'host' | 'tls' | 'auth' | 'login' | 'pull' | 'catalog' | 'upload' | 'delete' | 'referrers';

/** ✓ ok, ✗ failed, ? unknown, – not applicable, … checking now, blank not run. */
export type CheckState = 'ok' | 'failed' | 'unknown' | 'skipped' | 'running' | 'idle';

/** One step with what it found and, when it matters, what that means for the user. */
export interface CheckStep {
  readonly id: CheckId;
  readonly label: string;
  readonly state: CheckState;
  readonly detail?: string;
  /** "Catalog ✗ → add repositories by name". */
  readonly consequence?: string;
}

const LABELS: Readonly<Record<CheckId, string>> = {
  host: 'Host',
  tls: 'TLS',
  auth: 'Auth',
  login: 'Login',
  pull: 'Pull',
  catalog: 'Catalog',
  upload: 'Chunked upload',
  delete: 'Tag delete',
  referrers: 'Referrers',
};

/** The steps in order. */
export const CHECK_IDS = Object.keys(LABELS) as readonly CheckId[];

/** What the test knows of the account being added. */
export interface CheckContext {
  readonly registry: string;
  readonly anonymous: boolean;
  readonly insecure: boolean;
}

/** The step an error code stops at (the steps before it passed). */
export function failingStep(code: string): CheckId | undefined {
  switch (code) {
    case 'TLS':
    case 'INSECURE_REFUSED':
      return 'tls';
    case 'AUTH_REQUIRED':
    case 'DENIED':
      return 'login';
    case 'UNSUPPORTED':
      return 'auth';
    case 'USAGE':
    case 'CANCELLED':
      return undefined;
    default:
      return 'host';
  }
}

type Found = Omit<CheckStep, 'id' | 'label'>;

function tri(
  value: boolean | 'unknown',
  ok: string,
  failed: Found,
  unknown: string = 'not known',
): Found {
  if (value === 'unknown') return { state: 'unknown', detail: unknown };
  return value ? { state: 'ok', detail: ok } : failed;
}

/** How the registry asks for a login, in words. */
function authWords(scheme: string | null): string {
  if (scheme === 'bearer') return 'token service (Bearer)';
  if (scheme === 'basic') return 'password on every request (Basic)';
  return scheme ?? 'no login asked';
}

const LOOPBACK = /^(127\.|localhost(:|$)|\[::1\])/;

/** The steps of a successful test, each with what it means. */
function passed(c: Capabilities, ctx: CheckContext): Record<CheckId, Found> {
  const plain = c.transport === 'http';
  return {
    host: { state: 'ok', detail: `${ctx.registry} answered` },
    tls: plain
      ? LOOPBACK.test(ctx.registry)
        ? { state: 'skipped', detail: 'plain HTTP on this machine' }
        : {
            state: 'unknown',
            detail: 'plain HTTP',
            consequence: 'nothing is encrypted, logins included',
          }
      : ctx.insecure
        ? {
            state: 'unknown',
            detail: 'certificate not verified',
            consequence: 'anyone on the path can read and change what is sent',
          }
        : { state: 'ok', detail: 'certificate verified' },
    auth: { state: 'ok', detail: authWords(c.authScheme) },
    login: ctx.anonymous
      ? { state: 'skipped', detail: 'anonymous: no login sent' }
      : { state: 'ok', detail: 'accepted' },
    pull: tri(c.pull, 'allowed', {
      state: 'failed',
      detail: 'refused',
      consequence: 'this account cannot pull: check its rights or scope',
    }),
    catalog: tri(c.catalog, 'lists repositories', {
      state: 'failed',
      detail: 'refused',
      consequence: 'add repositories by name',
    }),
    upload: tri(
      c.chunkedUpload,
      'push allowed',
      { state: 'failed', detail: 'refused', consequence: 'pushes will be refused' },
      'not known (the repository may have to exist first)',
    ),
    delete: tri(
      c.tagDelete,
      'supported',
      { state: 'failed', detail: 'not supported', consequence: 'delete images by digest' },
      'not probed (nothing is deleted to find out)',
    ),
    referrers: tri(c.referrers, 'supported', {
      state: 'failed',
      detail: 'not supported',
      consequence: 'signatures attached by referrers are not listed',
    }),
  };
}

/**
 * The checklist of UI.md S2 for a test that runs, passed or failed: every step "checking…"
 * while it runs; after a failure the steps before the failing one passed, the failing one
 * carries the error, and the rest were not reached.
 */
export function checklist(
  run:
    | { readonly state: 'idle' | 'running' }
    | { readonly state: 'passed'; readonly capabilities: Capabilities }
    | { readonly state: 'failed'; readonly error: CallFailure },
  ctx: CheckContext,
): CheckStep[] {
  const step = (id: CheckId, found: Found): CheckStep => ({ id, label: LABELS[id], ...found });
  if (run.state === 'passed') {
    const found = passed(run.capabilities, ctx);
    return CHECK_IDS.map((id) => step(id, found[id]));
  }
  if (run.state !== 'failed') {
    return CHECK_IDS.map((id) =>
      step(
        id,
        run.state === 'running' ? { state: 'running', detail: 'checking…' } : { state: 'idle' },
      ),
    );
  }
  const stop = failingStep(run.error.code);
  const at = stop ? CHECK_IDS.indexOf(stop) : -1;
  return CHECK_IDS.map((id, i) => {
    if (i < at) return step(id, { state: 'ok', detail: id === 'host' ? 'answered' : 'passed' });
    if (i === at) return step(id, { state: 'failed', detail: run.error.message });
    return step(id, { state: 'idle', detail: at >= 0 ? 'not reached' : undefined });
  });
}
