import { FileSearch, KeyRound, Plus, Settings } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button as AriaButton } from 'react-aria-components';
import { useSifportStore } from '../../store/store.js';
import { useStoreFields } from '../../store/use-store-fields.js';
import { cx } from '../../ui/cx.js';
import { Kbd } from '../../ui/kbd.js';

/** One entry of the sidebar's navigation (Podman Desktop's bottom nav). */
export function NavEntry({
  icon,
  label,
  keys,
  current = false,
  onPress,
}: {
  icon: ReactNode;
  label: string;
  keys?: string;
  current?: boolean;
  onPress: () => void;
}) {
  return (
    <AriaButton
      onPress={onPress}
      aria-current={current ? 'page' : undefined}
      className={cx(
        'flex h-7 w-full items-center gap-2 rounded-md px-2 text-left outline-none comfortable:h-9',
        'hover:bg-hover focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent',
        current && 'bg-selected font-medium',
      )}
    >
      <span aria-hidden className="flex w-4 justify-center text-muted">
        {icon}
      </span>
      <span className="flex-1 truncate">{label}</span>
      {keys ? <Kbd keys={keys} /> : null}
    </AriaButton>
  );
}

/**
 * The bottom of the sidebar: LOCAL (inspect a SIF from this machine), then Add account,
 * Keys and Settings, with the screen on show marked as the current page.
 */
export function SidebarFooter() {
  const screen = useSifportStore((s) => s.screen.kind);
  const { navigate, openDialog, requestInspect } = useStoreFields(
    'navigate',
    'openDialog',
    'requestInspect',
  );
  return (
    <div className="shrink-0 border-t border-line px-1.5 py-2">
      <h2 className="m-0 px-2 pb-1 text-xs font-semibold tracking-wide text-muted uppercase">
        Local
      </h2>
      <NavEntry
        icon={<FileSearch size={14} />}
        label="Inspect a local SIF…"
        current={screen === 'inspector'}
        onPress={requestInspect}
      />
      <div className="my-2 border-t border-line" />
      <NavEntry
        icon={<Plus size={14} />}
        label="Add account"
        onPress={() => openDialog({ kind: 'add-account' })}
      />
      <NavEntry
        icon={<KeyRound size={14} />}
        label="Keys"
        current={screen === 'keys'}
        onPress={() => navigate({ kind: 'keys' })}
      />
      <NavEntry
        icon={<Settings size={14} />}
        label="Settings"
        keys="Mod+,"
        current={screen === 'settings'}
        onPress={() => navigate({ kind: 'settings' })}
      />
    </div>
  );
}
