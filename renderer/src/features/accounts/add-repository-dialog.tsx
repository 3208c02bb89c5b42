import { useState } from 'react';
import { useSifportStore } from '../../store/store.js';
import { Button } from '../../ui/button.js';
import { Sheet } from '../../ui/dialog.js';
import { Checkbox, TextField } from '../../ui/field.js';
import type { DialogProps } from '../shell/view-slice.js';
import { accountLabel } from './account-status.js';
import { parseRepositoryName } from './repository-name.js';

/**
 * "Add repository by name…" (UI.md S3, S4): for registries that do not list their
 * repositories (GHCR, Docker Hub, a refused catalog). Checks the name, pins it so the
 * sidebar remembers it, and opens it in the explorer.
 */
export function AddRepositoryDialog({ dialog, onClose }: DialogProps<'add-repository'>) {
  const account = useSifportStore((s) => s.accounts.find((a) => a.id === dialog.accountId));
  const openRepository = useSifportStore((s) => s.openRepository);
  const pinRepository = useSifportStore((s) => s.pinRepository);
  const [input, setInput] = useState(account?.namespace ? `${account.namespace}/` : '');
  const [pin, setPin] = useState(true);
  const [tried, setTried] = useState(false);
  if (!account) return null;
  const parsed = parseRepositoryName(input, account.registry, account.namespace);
  const open = () => {
    setTried(true);
    if (!parsed.ok) return;
    if (pin) pinRepository(account.id, parsed.repository);
    onClose();
    openRepository({
      accountId: account.id,
      registry: account.registry,
      repository: parsed.repository,
    });
  };
  return (
    <Sheet
      title="Add a repository by name"
      description={`On ${accountLabel(account)}. Use this when the registry does not list its repositories.`}
      onClose={onClose}
      footer={
        <>
          <Button onPress={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form="add-repository-form">
            Open
          </Button>
        </>
      }
    >
      <form
        id="add-repository-form"
        onSubmit={(event) => {
          event.preventDefault();
          open();
        }}
        className="flex flex-col gap-3"
      >
        <TextField
          label="Repository"
          value={input}
          onChange={setInput}
          placeholder="genomics/bwa"
          description={`Or paste oras://${account.registry}/genomics/bwa:0.7.18`}
          error={tried && !parsed.ok ? parsed.problem : undefined}
          mono
          autoFocus
        />
        <Checkbox isSelected={pin} onChange={setPin}>
          Pin it in the sidebar
        </Checkbox>
      </form>
    </Sheet>
  );
}
