import type { AccountItem } from './accounts-slice.js';
import { useSifportStore } from '../../store/store.js';
import { capabilityLines, secretState } from './account-format.js';

/** One account: who, where, from which source, its secret's state; test and remove. */
function AccountRow({ account }: { readonly account: AccountItem }) {
  const test = useSifportStore((s) => s.tests[account.id]);
  const testAccount = useSifportStore((s) => s.testAccount);
  const removeAccount = useSifportStore((s) => s.removeAccount);
  const where = account.namespace ? `${account.registry}/${account.namespace}` : account.registry;
  return (
    <li aria-label={`account ${account.username} on ${where}`}>
      <strong>{account.username}</strong> on <code>{where}</code> ({account.provider}) —{' '}
      {account.source === 'sifport'
        ? 'added here'
        : `imported from ${account.origin ?? account.source}`}
      {'; '}
      {secretState(account, Date.now())}{' '}
      <button
        type="button"
        disabled={test?.status === 'testing'}
        onClick={() => void testAccount(account.id)}
      >
        Test connection
      </button>{' '}
      <button type="button" onClick={() => void removeAccount(account.id)}>
        Remove
      </button>
      {test?.status === 'testing' ? <p role="status">Testing…</p> : null}
      {test?.status === 'ok' ? (
        <div role="status" aria-label="connection result">
          Connection OK: {capabilityLines(test).join(', ')}
        </div>
      ) : null}
      {test?.status === 'failed' ? <p role="alert">Connection failed: {test.error}</p> : null}
    </li>
  );
}

/** Every account, oldest first. */
export function AccountList() {
  const accounts = useSifportStore((s) => s.accounts);
  return (
    <>
      {accounts.length === 0 ? <p>No accounts yet.</p> : null}
      <ul aria-label="accounts">
        {accounts.map((a) => (
          <AccountRow key={a.id} account={a} />
        ))}
      </ul>
    </>
  );
}
