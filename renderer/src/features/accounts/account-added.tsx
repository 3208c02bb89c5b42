import type { AccountItem } from '../../store/domain.js';
import { Banner } from '../../ui/banner.js';
import { Button } from '../../ui/button.js';
import { Sheet } from '../../ui/dialog.js';
import { accountLabel } from './account-status.js';
import { ChecklistView } from './checklist-view.js';
import type { CheckStep } from './test-checklist.js';

/**
 * The end of "Add account": what the test found (the checklist, each ✗ with its
 * consequence), and after a personal access token the reminder to revoke it when done.
 */
export function AccountAdded({
  account,
  steps,
  revokeIn,
  onAnother,
  onOpen,
  onClose,
}: {
  account: AccountItem;
  /** Absent when it was saved without a test. */
  steps?: readonly CheckStep[];
  /** The provider to revoke a personal access token in. */
  revokeIn?: string;
  onAnother: () => void;
  onOpen: () => void;
  onClose: () => void;
}) {
  return (
    <Sheet
      title="Account added"
      width="md"
      onClose={onClose}
      footer={
        <>
          <Button onPress={onAnother}>Add another</Button>
          <Button variant="primary" onPress={onOpen}>
            Open account
          </Button>
        </>
      }
    >
      <div className="flex flex-col gap-3">
        <Banner tone="success" title={`${accountLabel(account)} is saved`}>
          {steps
            ? 'The login was tested; this is what the registry allows it:'
            : 'Saved without a test: use Test in its menu once the registry is reachable.'}
        </Banner>
        {steps ? <ChecklistView steps={steps} /> : null}
        {revokeIn ? (
          <Banner tone="info" title="Revoke the token when you stop using it">
            If this personal access token was made only for Sifport, revoke it in {revokeIn} once
            you remove the account: Sifport cannot do that for you.
          </Banner>
        ) : null}
      </div>
    </Sheet>
  );
}
