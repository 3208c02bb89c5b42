import type { Key } from 'react';
import { Check, SlidersHorizontal } from 'lucide-react';
import {
  Header,
  Menu,
  MenuItem,
  MenuSection,
  MenuTrigger,
  Popover,
  Separator,
} from 'react-aria-components';
import { useSifportStore } from '../../store/store.js';
import { IconButton } from '../../ui/button.js';
import { paneStateOf } from './explorer-slice.js';
import { usePane } from './pane-context.js';
import { TAG_COLUMNS, type TagColumn } from './tag-columns.js';

const itemClass =
  'flex cursor-default items-center gap-2 rounded px-2 py-1 outline-none data-[focused]:bg-hover data-[disabled]:opacity-50';

function Item({ id, label, note }: { id: string; label: string; note?: string }) {
  return (
    <MenuItem id={id} textValue={label} className={itemClass}>
      {({ isSelected }) => (
        <>
          <span aria-hidden className="flex w-4 justify-center">
            {isSelected ? <Check size={14} className="text-accent" /> : null}
          </span>
          <span className="flex-1">{label}</span>
          {note ? <span className="text-sm text-muted">{note}</span> : null}
        </>
      )}
    </MenuItem>
  );
}

/**
 * View options (UI.md S5): which columns the pane shows and the row density. A column the
 * pane is too narrow for says so, rather than vanishing without a word.
 */
export function ViewOptions({ dropped }: { dropped: readonly TagColumn[] }) {
  const { pane, repoKey } = usePane();
  const hidden = useSifportStore((s) => paneStateOf(s, pane, repoKey).hidden);
  const density = useSifportStore((s) => s.settings.density);
  const { updatePane, updateSettings } = useSifportStore.getState();
  const optional = TAG_COLUMNS.filter((c) => c.id !== 'tag');
  const shown = optional.filter((c) => !hidden.has(c.id)).map((c) => c.id);
  const onColumns = (keys: 'all' | Set<Key>) => {
    const on = keys === 'all' ? new Set(shown) : keys;
    updatePane(pane, repoKey, {
      hidden: new Set(optional.filter((c) => !on.has(c.id)).map((c) => c.id)),
    });
  };
  return (
    <MenuTrigger>
      <IconButton label="View options: columns and density">
        <SlidersHorizontal size={16} />
      </IconButton>
      <Popover
        placement="bottom end"
        className="min-w-56 rounded-md border border-line bg-raised p-1 shadow-lg"
      >
        <Menu aria-label="View options" className="outline-none">
          <MenuSection
            selectionMode="multiple"
            selectedKeys={shown}
            onSelectionChange={onColumns}
            shouldCloseOnSelect={false}
          >
            <Header className="px-2 pt-1 pb-0.5 text-sm font-medium text-muted">Columns</Header>
            {optional.map((c) => (
              <Item
                key={c.id}
                id={c.id}
                label={c.label}
                note={dropped.includes(c.id) ? 'no room' : undefined}
              />
            ))}
          </MenuSection>
          <Separator className="my-1 border-t border-line" />
          <MenuSection
            selectionMode="single"
            selectedKeys={[density]}
            disallowEmptySelection
            onSelectionChange={(keys) => {
              const next = keys === 'all' ? density : [...keys][0];
              if (next === 'compact' || next === 'comfortable')
                void updateSettings({ density: next });
            }}
          >
            <Header className="px-2 pt-1 pb-0.5 text-sm font-medium text-muted">Density</Header>
            <Item id="compact" label="Compact" note="28 px rows" />
            <Item id="comfortable" label="Comfortable" note="36 px rows" />
          </MenuSection>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
