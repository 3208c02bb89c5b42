import { normalizeNamespace, type Account } from '../../engine/accounts/account.js';
import { detectProvider } from '../../engine/accounts/providers/providers.js';
import { testSavedAccount } from '../../engine/accounts/test-saved-account.js';
import { stringFlag, usageError } from '../args.js';
import type { Command, CommandContext } from '../command.js';
import { accountUseCaseDeps } from '../context.js';
import { addAccount } from './accounts-add.js';
import { exportAccount, importAccounts } from './accounts-transfer.js';
import { accountRows, capabilityLines, tokenState } from './accounts-view.js';

const SUBCOMMANDS = ['list', 'add', 'rm', 'test', 'import', 'export'] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

/**
 * The account an argument names: its id, else the one account of `REGISTRY[/NAMESPACE]`.
 * Several matches are a usage error that lists their ids.
 */
export async function resolveAccount(ctx: CommandContext, arg: string): Promise<Account> {
  const accounts = await ctx.accounts.list();
  const byId = accounts.find((a) => a.id === arg);
  if (byId) return byId;
  const { registry } = detectProvider(arg);
  const namespace = normalizeNamespace(arg.split('/').slice(1).join('/'));
  const matches = accounts.filter(
    (a) => a.registry === registry && normalizeNamespace(a.namespace) === namespace,
  );
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) {
    throw usageError(`no account "${arg}" (see \`sifport accounts list\`)`);
  }
  throw usageError(
    `several accounts match "${arg}": ${matches.map((a) => a.id).join(', ')}; name one by its id`,
  );
}

async function list(ctx: CommandContext): Promise<void> {
  const accounts = await ctx.accounts.list();
  const now = Date.now();
  ctx.out.result({
    accounts: accounts.map((a) => ({ ...a, token: tokenState(a, now) })),
  });
  if (accounts.length === 0)
    ctx.out.line('No accounts. Add one with `sifport accounts add REGISTRY`.');
  else for (const line of accountRows(accounts, now)) ctx.out.line(line);
}

async function test(ctx: CommandContext, account: Account): Promise<void> {
  const { capabilities } = await testSavedAccount(accountUseCaseDeps(ctx), {
    id: account.id,
    connection: ctx.flagSettings(),
    repository: stringFlag(ctx.args, 'repository'),
    signal: ctx.signal,
  });
  ctx.out.result({ id: account.id, registry: account.registry, capabilities });
  ctx.out.line(`${account.id}: ${account.username} on ${account.registry}`);
  for (const line of capabilityLines(capabilities)) ctx.out.line(`  ${line}`);
}

async function runImport(ctx: CommandContext): Promise<void> {
  const { imported, skipped } = await importAccounts(ctx);
  ctx.out.result({ imported, skipped });
  for (const a of imported) {
    ctx.out.line(
      `Imported ${a.id}: ${a.username} on ${a.registry}${a.namespace ? `/${a.namespace}` : ''} from ${a.origin}`,
    );
  }
  for (const s of skipped) ctx.out.line(`Skipped ${s.registry} from ${s.file}: ${s.reason}`);
  if (imported.length + skipped.length === 0) ctx.out.line('No logins found to import.');
}

/**
 * `sifport accounts list|add|rm|test|import|export` (issue #4): several accounts per registry, scoped
 * by namespace; cloud accounts mint their tokens with the provider's CLI. Secrets are read
 * from stdin only and never printed.
 */
export const accountsCommand: Command = {
  name: 'accounts',
  synopsis: 'list | add REGISTRY[/NAMESPACE] | rm ID | test ID | import | export ID --file FILE',
  summary: 'manage registry accounts: several per registry, cloud tokens renewed by themselves',
  details: [
    'Subcommands:',
    '  list            accounts with provider, namespace, user, source and token age (no secrets)',
    '  add REGISTRY    detect the provider, check the login, save it; the secret comes from stdin',
    '                  (--password-stdin) or from the provider CLI: ECR (--region R), ACR',
    '                  (--name N, from NAME.azurecr.io), GCP (gcloud), or --token-command "CMD ARGS";',
    '                  --anonymous saves an account without a login (open registry, public repos)',
    '  rm ID           remove an account, its secret and every token minted for it',
    '  test ID         ping, get a token, probe catalog, referrers and chunked upload',
    '  import          import the logins of apptainer, docker and podman config files',
    '                  (--helpers also asks their docker-credential helpers for secrets)',
    '  export ID       write the account as a docker-config.json for apptainer (--file FILE)',
    'ID may also be REGISTRY[/NAMESPACE] when one account matches. A push uses the account',
    'whose namespace is the longest prefix of the repository, else a host-wide one.',
    'Examples:',
    '  printf %s "$PAT" | sifport accounts add ghcr.io/myorg -u me --password-stdin',
    '  sifport accounts add 123456789012.dkr.ecr.eu-west-1.amazonaws.com',
  ],
  flags: [
    {
      name: 'provider',
      value: 'P',
      help: 'gcp, ecr, acr, dockerhub, ocir, gitlab, ghcr, quay, harbor, generic',
    },
    { name: 'username', short: 'u', value: 'USER', help: 'account name (default: the provider’s)' },
    { name: 'password-stdin', help: 'read the password or token from stdin' },
    { name: 'password', short: 'p', value: 'PASSWORD', help: 'refused: use --password-stdin' },
    { name: 'identity-token', help: 'the secret on stdin is an OAuth2 refresh (identity) token' },
    { name: 'anonymous', help: 'no login: an open registry or public repositories (add)' },
    {
      name: 'token-command',
      value: 'CMD',
      help: 'command that prints a token (split on spaces, no shell)',
    },
    { name: 'region', value: 'R', help: 'AWS region of the ECR token command' },
    { name: 'name', value: 'NAME', help: 'ACR registry name of the az token command' },
    { name: 'profile', value: 'PROFILE', help: 'AWS CLI profile' },
    { name: 'namespace', value: 'NS', help: 'repository prefix the account is for' },
    { name: 'skip-test', help: 'save without contacting the registry (add)' },
    { name: 'repository', value: 'REPO', help: 'repository to probe (test)' },
    { name: 'helpers', help: 'run docker-credential helpers for their secrets (import)' },
    { name: 'file', value: 'FILE', help: 'docker-config.json to write, mode 0600 (export)' },
  ],
  arity: { min: 1, max: 2 },
  async run(ctx: CommandContext): Promise<void> {
    const [name, arg] = ctx.args.positionals as [string, string?];
    const sub = SUBCOMMANDS.find((s) => s === name) as Subcommand | undefined;
    if (!sub) {
      throw usageError(`accounts: unknown subcommand "${name}" (one of ${SUBCOMMANDS.join(', ')})`);
    }
    if (sub === 'list' || sub === 'import') {
      if (arg !== undefined) throw usageError(`accounts ${sub}: unexpected argument "${arg}"`);
      return sub === 'list' ? list(ctx) : runImport(ctx);
    }
    if (arg === undefined)
      throw usageError(`accounts ${sub}: missing ${sub === 'add' ? 'REGISTRY' : 'ID'}`);
    if (sub === 'add') {
      const account = await addAccount(ctx, arg);
      ctx.out.result({ account });
      ctx.out.line(
        `Added ${account.id}: ${account.username || 'anonymous'} on ${account.registry}${account.namespace ? `/${account.namespace}` : ''} (${account.provider}).`,
      );
      if (account.capabilities) {
        for (const line of capabilityLines(account.capabilities)) ctx.out.line(`  ${line}`);
      }
      return;
    }
    const account = await resolveAccount(ctx, arg);
    if (sub === 'test') return test(ctx, account);
    if (sub === 'export') {
      const file = await exportAccount(ctx, account);
      ctx.out.result({ id: account.id, file });
      ctx.out.line(`Wrote ${file} (mode 0600) with the login of ${account.id}.`);
      return;
    }
    const removed = await ctx.accounts.remove(account.id);
    ctx.out.result({ id: account.id, removed });
    ctx.out.line(
      `Removed ${account.id} (${account.username} on ${account.registry}), its secret and cached tokens.`,
    );
  },
};
