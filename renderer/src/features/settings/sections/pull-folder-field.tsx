import { useState } from 'react';
import { FolderOpen } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import { useSifportStore } from '../../../store/store.js';
import { Button } from '../../../ui/button.js';
import { TextField } from '../../../ui/field.js';
import { folderPathProblem } from '../setting-values.js';

/**
 * The default pull folder: typed (saved on Enter or when the field loses focus, after a
 * check that it is a full path) or, in the desktop app, chosen with the native dialog.
 */
export function PullFolderField() {
  const { saved, desktop, update, chooseFolder } = useSifportStore(
    useShallow((s) => ({
      saved: s.settings.pullFolder,
      desktop: s.desktopHost,
      update: s.updateSettings,
      chooseFolder: s.choosePullFolder,
    })),
  );
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const [chooseError, setChooseError] = useState<string>();
  const value = draft ?? saved;
  const problem = folderPathProblem(value);
  const commit = () => {
    if (draft === undefined || problem) return;
    setDraft(undefined);
    if (draft.trim() !== saved) void update({ pullFolder: draft.trim() });
  };
  const choose = async () => {
    setDraft(undefined);
    setChooseError(await chooseFolder());
  };
  return (
    <div className="flex items-start gap-2">
      <TextField
        label="Default pull folder"
        className="min-w-0 flex-1"
        mono
        value={value}
        onChange={setDraft}
        onBlur={commit}
        onKeyDown={(e) => {
          // React Aria stops keys here by default; the window's shortcuts must still see them.
          e.continuePropagation();
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape' && draft !== undefined) {
            setDraft(undefined);
          }
        }}
        placeholder="Empty: the pull dialog asks each time"
        description={
          desktop
            ? 'Pulls go here unless you pick another folder in the pull dialog.'
            : 'A full path on the machine running Sifport. Pulls go here unless you pick another folder in the pull dialog.'
        }
        error={problem ?? chooseError}
      />
      {desktop ? (
        <Button className="mt-5" onPress={() => void choose()}>
          <FolderOpen size={14} aria-hidden />
          Choose…
        </Button>
      ) : null}
    </div>
  );
}
