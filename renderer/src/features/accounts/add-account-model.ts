import type { RequestOf } from '../../../../shared/contract.js';
import { ocirUsername } from '../../../../shared/account-text.js';
import type { ProviderId, ProviderItem } from '../../store/domain.js';

/** How an account logs in (UI.md S2's "secret modes"). */
export type SecretMode = 'password' | 'cli' | 'anonymous';

/** Host parts the form asks for instead of a host (ECR account + region, ACR name…). */
export type PartName = 'account' | 'region' | 'name' | 'location' | 'tenancy' | 'user' | 'profile';

/** What the "Add account" form holds. The secret stays here, and only goes to `accounts:add`. */
export interface AccountForm {
  readonly provider: ProviderId;
  /** The host typed or detected (generic, GitLab, Harbor…). */
  readonly registry: string;
  readonly parts: Readonly<Partial<Record<PartName, string>>>;
  readonly federated: boolean;
  /** "Scope to namespace": the repository prefix this account is for. */
  readonly namespace: string;
  readonly username: string;
  readonly secret: string;
  readonly mode: SecretMode;
  readonly caFile: string;
  readonly insecure: boolean;
  readonly plainHttp: boolean;
}

/** A fresh form for a provider. */
export function emptyForm(provider: ProviderId, preset?: ProviderItem): AccountForm {
  return {
    provider,
    registry: preset?.defaultRegistry ?? '',
    parts: {},
    federated: false,
    namespace: '',
    username: '',
    secret: '',
    mode: preset?.tokenCommandNeeds ? 'cli' : 'password',
    caFile: '',
    insecure: false,
    plainHttp: false,
  };
}

/** The host fields each provider asks for, building the host (UI.md S2 table). */
export const HOST_PARTS: Readonly<Partial<Record<ProviderId, readonly PartName[]>>> = {
  ecr: ['account', 'region'],
  acr: ['name'],
  gcp: ['location'],
  ocir: ['region'],
};

/** Labels and placeholders of the host parts. */
export const PART_LABELS: Readonly<Record<PartName, { label: string; placeholder: string }>> = {
  account: { label: 'AWS account ID', placeholder: '123456789012' },
  region: { label: 'Region', placeholder: 'eu-west-1' },
  name: { label: 'Registry name', placeholder: 'myregistry' },
  location: { label: 'Location', placeholder: 'europe-west4' },
  tenancy: { label: 'Tenancy namespace', placeholder: 'axaxnpcrorw5' },
  user: { label: 'User or email', placeholder: 'alice@example.org' },
  profile: { label: 'AWS CLI profile (optional)', placeholder: 'default' },
};

/** The registry host the form stands for, built from its parts where the provider has them. */
export function hostOf(form: AccountForm): string {
  const p = form.parts;
  const built = ((): string | undefined => {
    switch (form.provider) {
      case 'ecr':
        return p.account && p.region ? `${p.account}.dkr.ecr.${p.region}.amazonaws.com` : undefined;
      case 'acr':
        return p.name ? `${p.name}.azurecr.io` : undefined;
      case 'gcp':
        return p.location ? `${p.location}-docker.pkg.dev` : undefined;
      case 'ocir':
        return p.region ? `${p.region}.ocir.io` : undefined;
      default:
        return undefined;
    }
  })();
  return (built ?? form.registry).trim();
}

/** The CLI each token-minting provider runs, for the mode's label. */
const CLIS: Readonly<Partial<Record<ProviderId, string>>> = {
  ecr: 'AWS CLI',
  acr: 'Azure CLI',
  gcp: 'gcloud',
};

/** What to call the stored secret of a provider (the secret field's label). */
export function secretName(preset: ProviderItem): string {
  switch (preset.id) {
    case 'ecr':
      return 'Pasted token (12 h, not renewed)';
    case 'acr':
      return 'Repository token or service principal';
    case 'gcp':
      return 'Service-account key (_json_key)';
    case 'ocir':
      return 'Auth token';
    case 'dockerhub':
    case 'ghcr':
    case 'gitlab':
      return 'Personal access token';
    default:
      return 'Password or token';
  }
}

/** Providers whose registries serve public repositories without a login. */
const ANONYMOUS: ReadonlySet<ProviderId> = new Set([
  'generic',
  'dockerhub',
  'ghcr',
  'quay',
  'gitlab',
  'harbor',
]);

/** The ways a provider's account can log in, first the usual one (UI.md S2). */
export function secretModes(
  preset: ProviderItem,
): readonly { value: SecretMode; label: string; hint?: string }[] {
  const modes: { value: SecretMode; label: string; hint?: string }[] = [];
  if (preset.tokenCommandNeeds && preset.tokenLifetimeMs) {
    const hours = Math.round(preset.tokenLifetimeMs / 3_600_000);
    modes.push({
      value: 'cli',
      label: `${CLIS[preset.id] ?? 'Provider CLI'} (tokens last ${hours} h, renewed by themselves)`,
    });
  }
  // Named apart from the secret field it shows ("Password or token"): one name, one control.
  const withUser = !preset.fixedUsername || preset.id === 'acr';
  const name = secretName(preset);
  modes.push({
    value: 'password',
    label: withUser ? `User name and ${name[0]!.toLowerCase()}${name.slice(1)}` : name,
    hint: preset.secretHint,
  });
  if (ANONYMOUS.has(preset.id)) {
    modes.push({
      value: 'anonymous',
      label: 'No login (anonymous)',
      hint: 'An open registry or public repositories: pulls and browsing only, as far as the registry allows.',
    });
  }
  return modes;
}

/** The user name the account will use, or undefined where the provider fixes it. */
export function usernameOf(form: AccountForm, preset: ProviderItem): string | undefined {
  if (form.mode === 'anonymous' || form.mode === 'cli') return undefined;
  if (form.provider === 'ocir') {
    return ocirUsername(form.parts.tenancy ?? '', form.parts.user ?? '', form.federated);
  }
  if (form.provider === 'gcp') return '_json_key';
  // ACR's fixed user goes with CLI tokens only; a stored secret has a user of its own.
  return form.username.trim() || (preset.id === 'acr' ? undefined : preset.fixedUsername);
}

/** What is missing before "Test and save", by field label; empty when the form is complete. */
export function formProblems(form: AccountForm, preset: ProviderItem): Record<string, string> {
  const problems: Record<string, string> = {};
  const parts = HOST_PARTS[form.provider];
  if (!hostOf(form)) {
    if (parts) for (const part of parts) problems[part] ??= `${PART_LABELS[part].label} is needed.`;
    else problems['registry'] = 'Type the registry host, for example registry.example.org.';
  }
  if (form.mode === 'cli' && form.provider === 'ecr' && !form.parts.region) {
    problems['region'] = 'The AWS CLI needs the region.';
  }
  if (form.mode === 'password') {
    if (form.provider === 'ocir' && !usernameOf(form, preset)) {
      problems['ocir'] = 'The tenancy namespace and the user are both needed.';
    } else if (!usernameOf(form, preset)) {
      problems['username'] = `The user name is needed: ${preset.usernameHint}.`;
    }
    if (form.secret === '') problems['secret'] = `The secret is needed: ${preset.secretHint}.`;
  }
  return problems;
}

/** The `accounts:add` request of a complete form. */
export function addRequestOf(
  form: AccountForm,
  preset: ProviderItem,
  skipTest = false,
): RequestOf<'accounts:add'> {
  const cli = form.mode === 'cli';
  return {
    provider: form.provider,
    registry: hostOf(form),
    namespace: form.namespace.trim() || undefined,
    username: usernameOf(form, preset),
    secret: form.mode === 'password' ? form.secret : undefined,
    secretKind: form.mode === 'anonymous' ? 'none' : undefined,
    tokenCommand: cli
      ? {
          region: form.parts.region || undefined,
          name: form.parts.name || undefined,
          profile: form.parts.profile || undefined,
        }
      : undefined,
    caFile: form.caFile.trim() || undefined,
    insecure: form.insecure || undefined,
    plainHttp: form.plainHttp || undefined,
    skipTest: skipTest || undefined,
  };
}

/**
 * The same login in a terminal (UI.md S2 "copyable CLI"): the provider's token command piped
 * into `apptainer registry login`, or the plain login; anonymous accounts need none.
 */
export function loginCommand(form: AccountForm, preset: ProviderItem): string {
  const host = hostOf(form) || preset.hostHint;
  if (form.mode === 'anonymous') return `apptainer pull oras://${host}/REPOSITORY:TAG`;
  const user = usernameOf(form, preset) ?? preset.fixedUsername ?? 'USER';
  const login = `apptainer registry login -u ${user} --password-stdin oras://${host}`;
  if (form.mode !== 'cli') return `apptainer registry login -u ${user} oras://${host}`;
  switch (form.provider) {
    case 'ecr':
      return `aws ecr get-login-password --region ${form.parts.region || 'REGION'} | ${login}`;
    case 'acr':
      return `az acr login --name ${form.parts.name || 'NAME'} --expose-token --output tsv --query accessToken | ${login}`;
    case 'gcp':
      return `gcloud auth print-access-token | ${login}`;
    default:
      return login;
  }
}

/** True when the secret is a personal access token worth revoking once unused. */
export function isPersonalToken(form: AccountForm): boolean {
  return form.mode === 'password' && ['dockerhub', 'ghcr', 'gitlab'].includes(form.provider);
}
