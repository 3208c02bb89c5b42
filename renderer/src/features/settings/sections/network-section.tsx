import type { ReactNode } from 'react';
import { ShieldAlert } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import type { AccountItem } from '../../../store/domain.js';
import { useSifportStore } from '../../../store/store.js';
import { Button } from '../../../ui/button.js';
import { accountLabel } from '../account-label.js';
import type { AppInfo } from '../settings-slice.js';
import { Facts, SettingGroup, SettingsSection } from '../settings-layout.js';

const SOURCE: Readonly<Record<AppInfo['proxy']['source'], string>> = {
  environment:
    'From the environment (HTTPS_PROXY, HTTP_PROXY and NO_PROXY), read as apptainer reads them.',
  system:
    'From your desktop’s proxy settings (PAC and WPAD included), asked once per registry. Set HTTPS_PROXY before starting Sifport to choose one yourself.',
  none: 'None: registries are reached directly. Set HTTPS_PROXY (and NO_PROXY) before starting Sifport to use a proxy.',
};

const mono = (text: string) => <span className="font-mono text-sm break-all">{text}</span>;

/** The proxy the engine uses, as `app:info` reports it (never with credentials). */
function Proxy({ proxy }: { proxy: AppInfo['proxy'] }) {
  const rows: [string, ReactNode][] = [];
  if (proxy.httpsProxy) rows.push(['For https://', mono(proxy.httpsProxy)]);
  if (proxy.httpProxy) rows.push(['For http://', mono(proxy.httpProxy)]);
  if (proxy.noProxy) rows.push(['Not for', mono(proxy.noProxy)]);
  rows.push(['Loopback', proxy.bypassLoopback ? 'Always direct' : 'Through the proxy']);
  return (
    <>
      <p className="m-0">{SOURCE[proxy.source]}</p>
      <Facts rows={rows} />
      <p className="m-0 text-sm text-muted">
        User names and passwords in proxy settings are used, never shown.
      </p>
    </>
  );
}

/** What makes an account's connection weaker than a verified TLS one, in words. */
function weakness(account: AccountItem): string | undefined {
  if (account.plainHttp)
    return 'Plain HTTP: its password and images cross the network unencrypted.';
  if (account.insecure) return 'TLS without verification: anyone on the path could pose as it.';
  return undefined;
}

/** S13 Network: proxy, trusted certificates, and the accounts that skip TLS checks. */
export function NetworkSection({ info }: { info: AppInfo }) {
  const { accounts, navigate } = useSifportStore(
    useShallow((s) => ({ accounts: s.accounts, navigate: s.navigate })),
  );
  const withCa = accounts.filter((a) => a.caFile);
  const weak = accounts.filter((a) => weakness(a));
  return (
    <SettingsSection
      title="Network"
      description="How the engine reaches registries. These come from how Sifport was started and from each account."
    >
      <SettingGroup title="Proxy">
        <Proxy proxy={info.proxy} />
      </SettingGroup>
      <SettingGroup
        title="Trusted certificates"
        description="Registries must present a certificate from an authority Sifport ships with (Mozilla’s list), or from a file named here. An authority installed only in your system’s store is not used."
      >
        <Facts
          rows={[
            [
              'All accounts',
              info.extraCaFile
                ? mono(info.extraCaFile)
                : 'No extra file (NODE_EXTRA_CA_CERTS is not set)',
            ],
            ...withCa.map((a): [string, ReactNode] => [accountLabel(a), mono(a.caFile!)]),
          ]}
        />
        {withCa.length === 0 ? (
          <p className="m-0 text-sm text-muted">
            No account has a CA file of its own. Add one with “Choose CA file…” when a registry’s
            certificate is refused.
          </p>
        ) : null}
      </SettingGroup>
      <SettingGroup title="Insecure connections">
        {weak.length === 0 ? (
          <p className="m-0">No account uses plain HTTP or skips TLS verification.</p>
        ) : (
          <ul aria-label="Insecure accounts" className="m-0 flex list-none flex-col gap-2 p-0">
            {weak.map((account) => (
              <li key={account.id} className="flex items-start gap-2">
                <ShieldAlert size={16} aria-hidden className="mt-0.5 shrink-0 text-warning" />
                <div className="min-w-0 flex-1">
                  <div className="font-medium">{accountLabel(account)}</div>
                  <div className="text-sm text-muted">{weakness(account)}</div>
                </div>
                <Button small onPress={() => navigate({ kind: 'account', accountId: account.id })}>
                  Open account
                </Button>
              </li>
            ))}
          </ul>
        )}
      </SettingGroup>
    </SettingsSection>
  );
}
