import type { TransferView } from '../../store/domain.js';
import { formatAbsolute } from '../../ui/format.js';

/**
 * The history as the drawer's Export writes it: a JSON document with when it was made and the
 * jobs newest first, exactly as the host described them (no secret is in a job view).
 */
export function historyDocument(jobs: readonly TransferView[], now: number): string {
  return `${JSON.stringify({ exportedAt: new Date(now).toISOString(), jobs }, null, 2)}\n`;
}

/** `sifport-transfers-2026-12-02-1405.json`. */
export function historyFileName(now: number): string {
  return `sifport-transfers-${formatAbsolute(now).replace(' ', '-').replace(':', '')}.json`;
}
