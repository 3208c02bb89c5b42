import { Button as AriaButton } from 'react-aria-components';
import { Copy, FolderOpen, Hash, MoreVertical, Play, RotateCcw, X } from 'lucide-react';
import { useSifportStore } from '../../store/store.js';
import type { TransferView } from '../../store/domain.js';
import { IconButton } from '../../ui/button.js';
import { copyText } from '../../ui/copy-button.js';
import { MenuButton, type MenuEntry } from '../../ui/menu.js';

/** The file on this machine a job wrote or read (a pull's file, a push's source). */
function localFile(job: TransferView): string | undefined {
  if (job.kind === 'pull')
    return job.result?.path ?? (job.state === 'done' ? job.source : undefined);
  if (job.kind === 'push') return job.source;
  return undefined;
}

/** Puts `text` on the clipboard and says so (or that it could not). */
async function copyAnnounced(text: string, what: string): Promise<void> {
  const ok = await copyText(text);
  useSifportStore.getState().announce(ok ? `Copied the ${what}` : `Could not copy the ${what}`);
}

/**
 * A row's actions: Cancel while it runs or waits; the rest in its menu (Retry, Resume, Copy
 * reference, Copy digest, Show in folder where the desktop app can open a file manager).
 */
export function RowActions({ job }: { job: TransferView }) {
  const desktop = useSifportStore((s) => s.desktopHost);
  const act = useSifportStore((s) => s.actOnTransfer);
  const reveal = useSifportStore((s) => s.revealFile);
  const live = job.state === 'queued' || job.state === 'running';
  const file = localFile(job);
  const entries: MenuEntry[] = [
    ...(job.state === 'failed' || job.state === 'cancelled'
      ? [
          {
            id: 'retry',
            label: 'Retry',
            icon: <RotateCcw size={14} />,
            onAction: () => void act(job.id, 'retry'),
          },
        ]
      : []),
    ...(job.state === 'interrupted'
      ? [
          {
            id: 'resume',
            label: 'Resume',
            icon: <Play size={14} />,
            onAction: () => void act(job.id, 'resume'),
          },
        ]
      : []),
    {
      id: 'copy-reference',
      label: 'Copy reference',
      icon: <Copy size={14} />,
      onAction: () => void copyAnnounced(job.reference, 'reference'),
    },
    {
      id: 'copy-digest',
      label: 'Copy digest',
      icon: <Hash size={14} />,
      disabled: !job.result?.digest,
      onAction: () => job.result?.digest && void copyAnnounced(job.result.digest, 'digest'),
    },
    ...(desktop && file
      ? [
          {
            id: 'reveal',
            label: 'Show in folder',
            icon: <FolderOpen size={14} />,
            onAction: () => void reveal(file),
          },
        ]
      : []),
  ];
  return (
    <div className="flex shrink-0 items-center gap-0.5">
      {live ? (
        <IconButton label="Cancel" onPress={() => void act(job.id, 'cancel')}>
          <X size={16} />
        </IconButton>
      ) : null}
      <MenuButton
        label={`Actions for ${job.label}`}
        entries={entries}
        trigger={
          <AriaButton
            aria-label="More actions"
            className="inline-flex size-7 items-center justify-center rounded-md text-muted outline-none hover:bg-hover hover:text-text focus-visible:outline-2 focus-visible:outline-accent"
          >
            <MoreVertical size={16} aria-hidden />
          </AriaButton>
        }
      />
    </div>
  );
}
