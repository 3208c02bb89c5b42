import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSifportStore } from '../../store/store.js';
import { AccountList } from './account-list.js';
import { AddAccountForm } from './add-account-form.js';

/**
 * The accounts screen (issue #4): how secrets are kept (a warning when only for this
 * session), the accounts, importing docker/apptainer/podman logins, and adding one.
 */
export function AccountsPanel() {
  const { storage, accountsError, revokeReminder, importSummary } = useSifportStore(
    useShallow((s) => ({
      storage: s.storage,
      accountsError: s.accountsError,
      revokeReminder: s.revokeReminder,
      importSummary: s.importSummary,
    })),
  );
  const { loadAccounts, loadProviders, importAccounts, dismissReminder } = useSifportStore(
    useShallow((s) => ({
      loadAccounts: s.loadAccounts,
      loadProviders: s.loadProviders,
      importAccounts: s.importAccounts,
      dismissReminder: s.dismissReminder,
    })),
  );
  useEffect(() => {
    void loadProviders();
    void loadAccounts();
  }, [loadAccounts, loadProviders]);

  return (
    <section aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">Accounts</h2>
      {storage?.mode === 'session-only' ? (
        <p role="note" aria-label="storage warning">
          Session only ({storage.backend}): {storage.explanation}
        </p>
      ) : storage ? (
        <p>
          Secrets: {storage.backend}. {storage.explanation}
        </p>
      ) : null}
      {revokeReminder ? (
        <div role="note" aria-label="revoke reminder">
          {revokeReminder}{' '}
          <button type="button" onClick={dismissReminder}>
            Dismiss
          </button>
        </div>
      ) : null}
      {accountsError ? <p role="alert">{accountsError}</p> : null}
      <AccountList />
      <button type="button" onClick={() => void importAccounts()}>
        Import from docker/apptainer/podman
      </button>
      {importSummary ? <pre aria-label="import summary">{importSummary}</pre> : null}
      <AddAccountForm />
    </section>
  );
}
