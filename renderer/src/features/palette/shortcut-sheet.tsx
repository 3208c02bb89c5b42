import { Button } from '../../ui/button.js';
import { Sheet } from '../../ui/dialog.js';
import { IS_MAC, Kbd } from '../../ui/kbd.js';
import { commandFor } from '../shell/commands.js';
import type { DialogProps } from '../shell/view-slice.js';
import { shortcutGroups } from './shortcut-groups.js';

/**
 * The shortcut sheet (`?`, UI.md §4 and S14): every binding of the window's keymap grouped,
 * each with the command's label, and the keys of the grid and of dialogs, written as this
 * platform writes them (⌘ on macOS).
 */
export function ShortcutSheet({ onClose }: DialogProps<'shortcuts'>) {
  const groups = shortcutGroups(IS_MAC, (id) => commandFor(id)?.label);
  return (
    <Sheet
      title="Keyboard shortcuts"
      width="lg"
      description={
        IS_MAC
          ? 'Single keys such as ? do nothing while you type in a field.'
          : 'Single keys such as ? do nothing while you type in a field. On macOS, Ctrl is ⌘.'
      }
      onClose={onClose}
      footer={
        <Button variant="primary" onPress={onClose}>
          Close
        </Button>
      }
    >
      <div className="columns-2 gap-8">
        {groups.map((group) => (
          <table
            key={group.title}
            className="mb-5 w-full table-fixed break-inside-avoid border-collapse text-left"
          >
            <caption className="pb-1 text-left text-sm font-semibold text-muted">
              {group.title}
            </caption>
            <colgroup>
              <col className="w-[58%]" />
              <col />
            </colgroup>
            <thead className="sr-only">
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Keys</th>
              </tr>
            </thead>
            <tbody>
              {group.rows.map((row) => (
                <tr key={row.label} className="border-t border-line">
                  <td className="py-1 pr-3 align-top">{row.label}</td>
                  <td className="py-1 align-top">
                    <span className="flex flex-wrap justify-end gap-1">
                      {row.keys.map((keys) => (
                        <Kbd key={keys} keys={keys} />
                      ))}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </Sheet>
  );
}
