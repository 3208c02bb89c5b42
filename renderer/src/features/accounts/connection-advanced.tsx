import { ChevronRight } from 'lucide-react';
import { Button, Disclosure, DisclosurePanel, Heading } from 'react-aria-components';
import { Checkbox, TextField } from '../../ui/field.js';
import { cx } from '../../ui/cx.js';
import type { AccountForm } from './add-account-model.js';

/**
 * "Advanced" of the add-account form (UI.md S2): the registry's CA file, skipping TLS
 * verification and plain HTTP, saved with the account. Opens by itself when one is set.
 */
export function ConnectionAdvanced({
  form,
  update,
  expanded,
  onExpandedChange,
}: {
  form: AccountForm;
  update: (patch: Partial<AccountForm>) => void;
  expanded: boolean;
  onExpandedChange: (expanded: boolean) => void;
}) {
  return (
    <Disclosure isExpanded={expanded} onExpandedChange={onExpandedChange} className="flex flex-col">
      <Heading className="m-0">
        <Button
          slot="trigger"
          className="flex items-center gap-1 rounded text-sm font-medium text-text outline-none focus-visible:outline-2 focus-visible:outline-accent"
        >
          <ChevronRight
            size={14}
            aria-hidden
            className={cx('text-muted transition-transform', expanded && 'rotate-90')}
          />
          Advanced: certificates and HTTP
        </Button>
      </Heading>
      <DisclosurePanel className="flex flex-col gap-2 pt-2 pl-5">
        <TextField
          label="CA certificate file (PEM)"
          value={form.caFile}
          onChange={(caFile) => update({ caFile })}
          placeholder="/etc/pki/lab-ca.pem"
          description="For a registry whose certificate a private CA signed."
          mono
        />
        <Checkbox
          isSelected={form.insecure}
          onChange={(insecure) => update({ insecure })}
          hint="Anyone on the network path could read and change what is sent, logins included."
        >
          Skip TLS verification
        </Checkbox>
        <Checkbox
          isSelected={form.plainHttp}
          onChange={(plainHttp) => update({ plainHttp })}
          hint="Nothing is encrypted. Registries on this machine use it by themselves."
        >
          Plain HTTP
        </Checkbox>
      </DisclosurePanel>
    </Disclosure>
  );
}
