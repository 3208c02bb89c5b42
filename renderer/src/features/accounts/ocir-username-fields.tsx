import { ocirUsername } from '../../../../shared/account-text.js';
import { Checkbox, TextField } from '../../ui/field.js';
import type { AccountForm } from './add-account-model.js';

/**
 * OCIR's user name built from its parts (oras.md §6): `TENANCY/USER`, or
 * `TENANCY/oracleidentitycloudservice/USER` for federated users; shown as it will be sent.
 */
export function OcirUsernameFields({
  form,
  update,
  error,
}: {
  form: AccountForm;
  update: (patch: Partial<AccountForm>) => void;
  error?: string;
}) {
  const name = ocirUsername(form.parts.tenancy ?? '', form.parts.user ?? '', form.federated);
  const part = (key: 'tenancy' | 'user', value: string) =>
    update({ parts: { ...form.parts, [key]: value } });
  return (
    <fieldset className="m-0 flex flex-col gap-2 border-0 p-0">
      <legend className="mb-1 text-sm font-medium">User name</legend>
      <div className="grid grid-cols-2 gap-2">
        <TextField
          label="Tenancy namespace"
          value={form.parts.tenancy ?? ''}
          onChange={(v) => part('tenancy', v)}
          placeholder="axaxnpcrorw5"
          description="Object Storage namespace, not the tenancy name"
          error={error}
        />
        <TextField
          label="User or email"
          value={form.parts.user ?? ''}
          onChange={(v) => part('user', v)}
          placeholder="alice@example.org"
        />
      </div>
      <Checkbox isSelected={form.federated} onChange={(federated) => update({ federated })}>
        Federated user (Oracle Identity Cloud Service)
      </Checkbox>
      <p className="m-0 text-sm text-muted">
        Sent as <code className="text-text">{name || 'TENANCY/USER'}</code>
      </p>
    </fieldset>
  );
}
