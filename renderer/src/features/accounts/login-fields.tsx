import { FileKey } from 'lucide-react';
import { useState } from 'react';
import { FileTrigger } from 'react-aria-components';
import type { ProviderItem } from '../../store/domain.js';
import { Button } from '../../ui/button.js';
import { TextField } from '../../ui/field.js';
import { secretName, type AccountForm } from './add-account-model.js';
import { OcirUsernameFields } from './ocir-username-fields.js';

/** A Google service-account key chosen as a file: read here, never shown. */
function KeyFileField({
  update,
  error,
}: {
  update: (p: Partial<AccountForm>) => void;
  error?: string;
}) {
  const [chosen, setChosen] = useState<string | undefined>();
  return (
    <div className="flex flex-col gap-1">
      <span className="text-sm font-medium">Service-account key (user _json_key)</span>
      <div className="flex items-center gap-2">
        <FileTrigger
          acceptedFileTypes={['application/json', '.json']}
          onSelect={(files) => {
            const file = files?.[0];
            if (!file) return;
            void file.text().then((secret) => {
              update({ secret });
              setChosen(file.name);
            });
          }}
        >
          <Button small>
            <FileKey size={12} aria-hidden />
            Choose key file…
          </Button>
        </FileTrigger>
        <span className="text-sm text-muted">{chosen ? `${chosen} loaded` : 'No file chosen'}</span>
      </div>
      {error ? <span className="text-sm text-danger">{error}</span> : null}
    </div>
  );
}

/**
 * Who the account logs in as and with what (UI.md S2 table): the user name (OCIR's built from
 * its parts, GAR's fixed), then the secret in a password field that never echoes it.
 */
export function LoginFields({
  form,
  preset,
  update,
  problems,
}: {
  form: AccountForm;
  preset: ProviderItem;
  update: (patch: Partial<AccountForm>) => void;
  problems: Readonly<Record<string, string>>;
}) {
  if (form.mode !== 'password') return null;
  const secretLabel = secretName(preset);
  if (form.provider === 'gcp') return <KeyFileField update={update} error={problems['secret']} />;
  return (
    <>
      {form.provider === 'ocir' ? (
        <OcirUsernameFields form={form} update={update} error={problems['ocir']} />
      ) : (
        <TextField
          label="User name"
          value={form.username}
          onChange={(username) => update({ username })}
          placeholder={
            preset.fixedUsername && preset.id !== 'acr' ? preset.fixedUsername : undefined
          }
          description={preset.usernameHint}
          error={problems['username']}
          autoComplete="username"
          spellCheck="false"
        />
      )}
      <TextField
        label={secretLabel}
        type="password"
        value={form.secret}
        onChange={(secret) => update({ secret })}
        description={`${preset.secretHint}. Kept by the host, never shown again.`}
        error={problems['secret']}
        autoComplete="new-password"
      />
    </>
  );
}
