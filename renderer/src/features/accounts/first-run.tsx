import { Download, FileSearch, Plus, Upload } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button as AriaButton } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import { useSifportStore } from '../../store/store.js';
import { Kbd } from '../../ui/kbd.js';
import { HomeOverview } from './home-overview.js';
import { StorageBanner } from './storage-banner.js';
import { AccountsPhase } from './accounts-phase.js';

/** One of the first-run cards: a large button saying what it does and what it reads. */
function StartCard({
  icon,
  title,
  children,
  keys,
  onPress,
}: {
  icon: ReactNode;
  title: string;
  children: ReactNode;
  keys?: string;
  onPress: () => void;
}) {
  return (
    <AriaButton
      onPress={onPress}
      className="flex flex-col items-start gap-2 rounded-lg border border-line bg-surface p-4 text-left outline-none hover:border-control hover:bg-hover focus-visible:outline-2 focus-visible:outline-accent pressed:bg-selected"
    >
      <span
        aria-hidden
        className="flex size-9 items-center justify-center rounded-md bg-accent-soft text-accent"
      >
        {icon}
      </span>
      <span className="text-lg font-semibold">{title}</span>
      <span className="text-muted">{children}</span>
      {keys ? <Kbd keys={keys} /> : null}
    </AriaButton>
  );
}

/** The welcome of a window without accounts (UI.md S1): three ways to start. */
function Welcome() {
  const { openDialog, requestInspect } = useSifportStore(
    useShallow((s) => ({ openDialog: s.openDialog, requestInspect: s.requestInspect })),
  );
  return (
    <div className="mx-auto flex w-full max-w-4xl flex-col gap-6 px-8 py-10">
      <div>
        <h2 className="m-0 text-2xl font-semibold">Welcome to Sifport</h2>
        <p className="m-0 mt-1 text-muted">
          Push, pull, browse and sign Apptainer SIF images in any OCI registry.
        </p>
      </div>
      <StorageBanner />
      <div className="grid grid-cols-3 gap-4 max-[1099px]:grid-cols-1">
        <StartCard
          icon={<Download size={18} />}
          title="Import existing logins"
          onPress={() => openDialog({ kind: 'import-accounts' })}
        >
          Pick from the registry logins docker, podman and apptainer already have. Their files are
          read, never changed.
        </StartCard>
        <StartCard
          icon={<Plus size={18} />}
          title="Add an account"
          onPress={() => openDialog({ kind: 'add-account' })}
        >
          AWS, Azure, Google, Docker Hub, GitHub, Oracle, GitLab, Quay, Harbor or your own registry,
          tested before it is saved.
        </StartCard>
        <StartCard
          icon={<FileSearch size={18} />}
          title="Inspect a local SIF"
          keys="Mod+Shift+O"
          onPress={requestInspect}
        >
          See a SIF’s definition file, labels, objects and signatures without a registry.
        </StartCard>
      </div>
      <p className="m-0 flex items-center justify-center gap-2 text-muted">
        <Upload size={14} aria-hidden />
        or drop a .sif anywhere in this window to push it
      </p>
    </div>
  );
}

/** The home screen (UI.md S1): a welcome without accounts, an overview with them. */
export function FirstRun() {
  return (
    <div className="min-h-0 flex-1 overflow-auto">
      <AccountsPhase className="p-8" empty={<Welcome />} some={<HomeOverview />} />
    </div>
  );
}
