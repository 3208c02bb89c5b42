import { MoreHorizontal } from 'lucide-react';
import { Button as AriaButton } from 'react-aria-components';
import type { KeyItem } from '../../store/domain.js';
import { CopyButton } from '../../ui/copy-button.js';
import { cx } from '../../ui/cx.js';
import { formatAbsolute } from '../../ui/format.js';
import { MenuButton } from '../../ui/menu.js';
import { Tip } from '../../ui/tooltip.js';
import { groupFingerprint, keyName } from '../sif-report/signers.js';
import { useFormatters } from '../settings/use-formatters.js';
import { algorithmLabel, expiryOf, keyEmail } from './key-format.js';
import type { KeySheet } from './keys-slice.js';

const HEAD = 'sticky top-0 z-10 h-7 bg-surface px-3 text-left font-medium text-muted';
const CELL = 'px-3 py-1.5 align-middle';

/** The Expires cell: a date, "never", or why the key no longer works, in words and colour. */
function Expires({ keyItem }: { keyItem: KeyItem }) {
  const f = useFormatters();
  const expiry = expiryOf(keyItem);
  if (expiry.state === 'revoked') return <span className="text-danger">revoked</span>;
  if (expiry.ms === undefined) return <span className="text-muted">never</span>;
  const when = f.time(expiry.ms);
  return (
    <span
      title={formatAbsolute(expiry.ms)}
      className={cx(
        expiry.state === 'expired' && 'text-danger',
        expiry.state === 'soon' && 'text-warning',
      )}
    >
      {expiry.state === 'expired' ? `expired ${when}` : when}
    </span>
  );
}

/**
 * The keyring as a table (UI.md S12): name and e-mail, fingerprint in groups of four with
 * Copy, algorithm, whether the secret half is here, created, expires, and each key's actions.
 */
export function KeysTable({
  keys,
  onExportPublic,
  onSheet,
}: {
  keys: readonly KeyItem[];
  onExportPublic: (key: KeyItem) => void;
  onSheet: (sheet: KeySheet) => void;
}) {
  const f = useFormatters();
  return (
    <table className="w-full border-collapse">
      <caption className="sr-only">Keys in your keyring</caption>
      <thead>
        <tr className="border-b border-line">
          <th scope="col" className={HEAD}>
            Name
          </th>
          <th scope="col" className={HEAD}>
            Fingerprint
          </th>
          <th scope="col" className={HEAD}>
            Algorithm
          </th>
          <th scope="col" className={HEAD}>
            Secret key
          </th>
          <th scope="col" className={HEAD}>
            Created
          </th>
          <th scope="col" className={HEAD}>
            Expires
          </th>
          <th scope="col" className={HEAD}>
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => {
          const name = keyName(key);
          const email = keyEmail(key);
          const created = key.createdAt * 1000;
          return (
            <tr key={key.fingerprint} className="border-b border-line hover:bg-hover">
              <th scope="row" className={`${CELL} text-left font-normal`}>
                <span className="block font-medium">{name}</span>
                {email ? <span className="block text-sm text-muted">{email}</span> : null}
              </th>
              <td className={CELL}>
                <span className="inline-flex items-center gap-1">
                  <span className="font-mono text-sm whitespace-nowrap">
                    {groupFingerprint(key.fingerprint)}
                  </span>
                  <CopyButton text={key.fingerprint} label={`Copy the fingerprint of ${name}`} />
                </span>
              </td>
              <td className={`${CELL} whitespace-nowrap`}>{algorithmLabel(key)}</td>
              <td className={`${CELL} whitespace-nowrap`}>
                {key.hasPrivate ? (
                  <span className="font-medium">Yes, signs as you</span>
                ) : (
                  <span className="text-muted">No, verifies only</span>
                )}
              </td>
              <td className={`${CELL} whitespace-nowrap`} title={formatAbsolute(created)}>
                {f.time(created)}
              </td>
              <td className={`${CELL} whitespace-nowrap`}>
                <Expires keyItem={key} />
              </td>
              <td className={`${CELL} w-10 text-right`}>
                <MenuButton
                  label={`Actions for ${name}`}
                  trigger={
                    <Tip text={`Actions for ${name}`}>
                      <AriaButton
                        aria-label={`Actions for ${name}`}
                        className="inline-flex size-7 items-center justify-center rounded-md text-muted outline-none hover:bg-hover hover:text-text focus-visible:outline-2 focus-visible:outline-accent"
                      >
                        <MoreHorizontal size={16} aria-hidden />
                      </AriaButton>
                    </Tip>
                  }
                  entries={[
                    {
                      id: 'public',
                      label: 'Export public key',
                      onAction: () => onExportPublic(key),
                    },
                    {
                      id: 'secret',
                      label: 'Export secret key…',
                      disabled: !key.hasPrivate,
                      onAction: () => onSheet({ kind: 'export', fingerprint: key.fingerprint }),
                    },
                    { id: 'sep', separator: true },
                    {
                      id: 'remove',
                      label: 'Remove…',
                      danger: true,
                      onAction: () => onSheet({ kind: 'remove', fingerprint: key.fingerprint }),
                    },
                  ]}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
