import { useState, type FormEvent } from 'react';
import type { RequestOf } from '../../../../shared/contract.js';
import { api } from '../../api.js';
import { useSifportStore } from '../../store/store.js';
import { OcirUsernameFields } from './ocir-username-fields.js';
import { ProviderHelp } from './provider-help.js';

type ProviderId = RequestOf<'accounts:add'>['provider'];

/**
 * "Add account": pick a provider or paste a host/reference to detect it, follow its login
 * ritual, type the secret (a password field, kept in this form only and cleared after each
 * try), and add: the host tests the login before it saves anything.
 */
export function AddAccountForm() {
  const providers = useSifportStore((s) => s.providers);
  const addAccount = useSifportStore((s) => s.addAccount);
  const [provider, setProvider] = useState<ProviderId>('generic');
  const [registry, setRegistry] = useState('');
  const [namespace, setNamespace] = useState('');
  const [username, setUsername] = useState('');
  const [secret, setSecret] = useState('');
  const [useCli, setUseCli] = useState(false);
  const [cliOptions, setCliOptions] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const preset = providers.find((p) => p.id === provider);
  const needs = useCli ? preset?.tokenCommandNeeds : undefined;
  const cli = needs !== undefined;

  async function detect(): Promise<void> {
    const input = registry.trim();
    const host = api();
    if (!input || !host) return;
    try {
      const found = await host.invoke('providers:detect', { input });
      setProvider(found.provider);
      setRegistry(found.registry);
      if (found.namespace) setNamespace(found.namespace);
      setError(undefined);
    } catch (err) {
      setError((err as Error).message);
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    const failure = await addAccount({
      provider,
      registry: registry.trim() || preset?.defaultRegistry || '',
      namespace: namespace.trim() || undefined,
      username: username.trim() || undefined,
      secret: cli || secret === '' ? undefined : secret,
      tokenCommand: cli ? cliOptions : undefined,
    });
    setSecret('');
    setBusy(false);
    setError(failure);
    if (failure === undefined) {
      setRegistry('');
      setNamespace('');
      setUsername('');
    }
  }

  return (
    <form aria-label="Add account" onSubmit={(e) => void onSubmit(e)}>
      <h3>Add account</h3>
      <label>
        Provider{' '}
        <select value={provider} onChange={(e) => setProvider(e.target.value as ProviderId)}>
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        Registry{' '}
        <input
          value={registry}
          onChange={(e) => setRegistry(e.target.value)}
          placeholder={preset?.hostHint ?? 'host or pasted reference'}
        />
      </label>{' '}
      <button type="button" onClick={() => void detect()}>
        Detect
      </button>
      {preset ? <ProviderHelp provider={preset} /> : null}
      <label>
        Namespace (optional){' '}
        <input
          value={namespace}
          onChange={(e) => setNamespace(e.target.value)}
          placeholder="team/project"
        />
      </label>
      {provider === 'ocir' ? <OcirUsernameFields onChange={setUsername} /> : null}
      <label>
        Username{' '}
        <input
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          placeholder={preset?.fixedUsername ?? preset?.usernameHint ?? ''}
          autoComplete="off"
        />
      </label>{' '}
      {preset?.tokenCommandNeeds ? (
        <label>
          <input type="checkbox" checked={useCli} onChange={(e) => setUseCli(e.target.checked)} />{' '}
          Mint tokens with the provider&apos;s CLI
        </label>
      ) : null}
      {needs ? (
        needs.map((need) => (
          <label key={need}>
            {need}{' '}
            <input
              value={cliOptions[need] ?? ''}
              onChange={(e) => setCliOptions({ ...cliOptions, [need]: e.target.value })}
            />
          </label>
        ))
      ) : (
        <label>
          Password or token{' '}
          <input
            type="password"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            autoComplete="new-password"
          />
        </label>
      )}{' '}
      <button type="submit" disabled={busy}>
        {busy ? 'Testing the login…' : 'Add account'}
      </button>
      {error ? <p role="alert">{error}</p> : null}
    </form>
  );
}
