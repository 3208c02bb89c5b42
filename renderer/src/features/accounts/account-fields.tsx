import type { ProviderItem } from '../../store/domain.js';
import { TextField } from '../../ui/field.js';
import { RadioGroup } from '../../ui/radio-group.js';
import {
  HOST_PARTS,
  hostOf,
  PART_LABELS,
  secretModes,
  type AccountForm,
  type PartName,
} from './add-account-model.js';
import { ConnectionAdvanced } from './connection-advanced.js';
import { LoginFields } from './login-fields.js';

/** Where the registry is: its host, or the parts a cloud host is built from. */
function HostFields({
  form,
  update,
  problems,
}: {
  form: AccountForm;
  update: (patch: Partial<AccountForm>) => void;
  problems: Readonly<Record<string, string>>;
}) {
  const parts = HOST_PARTS[form.provider];
  if (!parts) {
    return (
      <TextField
        label="Registry host"
        value={form.registry}
        onChange={(registry) => update({ registry })}
        placeholder="registry.example.org:5000"
        error={problems['registry']}
        mono
        autoFocus
      />
    );
  }
  const part = (name: PartName, value: string) =>
    update({ parts: { ...form.parts, [name]: value } });
  return (
    <div className="flex flex-col gap-1">
      <div className="grid grid-cols-2 gap-2">
        {parts.map((name, i) => (
          <TextField
            key={name}
            label={PART_LABELS[name].label}
            value={form.parts[name] ?? ''}
            onChange={(v) => part(name, v.trim())}
            placeholder={PART_LABELS[name].placeholder}
            error={problems[name]}
            autoFocus={i === 0}
          />
        ))}
      </div>
      <p className="m-0 text-sm text-muted">
        Host: <code className="text-text">{hostOf(form) || '…'}</code>
      </p>
    </div>
  );
}

/**
 * Step 2's form (UI.md S2): the host, how the account logs in, its user and secret, the
 * namespace it is scoped to, and the connection's advanced settings.
 */
export function AccountFields({
  form,
  preset,
  update,
  problems,
  advanced,
  onAdvancedChange,
}: {
  form: AccountForm;
  preset: ProviderItem;
  update: (patch: Partial<AccountForm>) => void;
  problems: Readonly<Record<string, string>>;
  advanced: boolean;
  onAdvancedChange: (expanded: boolean) => void;
}) {
  const modes = secretModes(preset);
  return (
    <div className="flex flex-col gap-3">
      <HostFields form={form} update={update} problems={problems} />
      {modes.length > 1 ? (
        <RadioGroup
          label="Log in with"
          value={form.mode}
          onChange={(mode) => update({ mode })}
          options={modes.map((m) => ({
            value: m.value,
            label: m.label,
            hint: m.value === 'anonymous' ? m.hint : undefined,
          }))}
        />
      ) : null}
      {form.mode === 'cli' && form.provider === 'ecr' ? (
        <TextField
          label={PART_LABELS.profile.label}
          value={form.parts.profile ?? ''}
          onChange={(profile) => update({ parts: { ...form.parts, profile } })}
          placeholder={PART_LABELS.profile.placeholder}
        />
      ) : null}
      <LoginFields form={form} preset={preset} update={update} problems={problems} />
      <TextField
        label="Scope to namespace (optional)"
        value={form.namespace}
        onChange={(namespace) => update({ namespace })}
        placeholder="team/project"
        description="Use this account only for repositories under this path; another account may cover the rest of the host."
        mono
      />
      <ConnectionAdvanced
        form={form}
        update={update}
        expanded={advanced}
        onExpandedChange={onAdvancedChange}
      />
    </div>
  );
}
