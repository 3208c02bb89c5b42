import type { TransferView } from '../../store/domain.js';
import type { Notice } from '../shell/notices-slice.js';

/** The file "Export activity" saves (S13 Advanced): transfers and the bell, newest first. */
export interface ActivityExport {
  readonly exportedAt: string;
  readonly version: string | undefined;
  readonly transfers: readonly TransferView[];
  readonly notifications: readonly (Omit<Notice, 'at' | 'id'> & { readonly at: string })[];
}

/**
 * The activity of this window as a JSON document for a bug report or an audit: every
 * transfer the host still lists (its history) and the bell's events, times in ISO 8601.
 * Nothing secret is in either (the contract never carries secrets to the window).
 */
export function activityExport(
  transfers: readonly TransferView[],
  notices: readonly Notice[],
  options: { readonly now: number; readonly version?: string | undefined },
): string {
  const doc: ActivityExport = {
    exportedAt: new Date(options.now).toISOString(),
    version: options.version,
    transfers: [...transfers].sort((a, b) => b.createdAt - a.createdAt),
    notifications: notices.map(({ id: _id, at, ...rest }) => ({
      ...rest,
      at: new Date(at).toISOString(),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The export's file name, dated so several exports never overwrite each other. */
export function activityFileName(now: number): string {
  return `sifport-activity-${new Date(now).toISOString().replace(/[:.]/g, '-')}.json`;
}
