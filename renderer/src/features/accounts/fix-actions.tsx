import { useSifportStore } from '../../store/store.js';
import type { ProviderItem } from '../../store/domain.js';
import type { ErrorState } from '../../store/slice.js';
import { Button } from '../../ui/button.js';
import type { AccountForm } from './add-account-model.js';
import { failingStep } from './test-checklist.js';

/**
 * What answers a failed test (UI.md S2 "Failures"): TLS → choose the CA file (tested at
 * once) or connect insecurely (ticks the box beside its warning; the user tests again); a
 * refused login → the provider's user name convention; an unreachable host → the host and
 * proxy hint with the network settings.
 */
export function FixActions({
  error,
  form,
  preset,
  update,
  retry,
  showAdvanced,
  onClose,
}: {
  error: ErrorState;
  form: AccountForm;
  preset: ProviderItem;
  update: (patch: Partial<AccountForm>) => void;
  retry: (patch?: Partial<AccountForm>) => void;
  showAdvanced: () => void;
  onClose: () => void;
}) {
  const desktop = useSifportStore((s) => s.desktopHost);
  const navigate = useSifportStore((s) => s.navigate);
  const chooseFile = useSifportStore((s) => s.chooseCaFile);
  switch (failingStep(error.code)) {
    case 'tls':
      return (
        <>
          <Button
            small
            onPress={() => {
              showAdvanced();
              if (desktop) void chooseFile().then((caFile) => caFile && retry({ caFile }));
            }}
          >
            Choose CA file…
          </Button>
          <Button
            small
            variant="danger"
            onPress={() => {
              update({ insecure: true });
              showAdvanced();
            }}
          >
            Connect insecurely…
          </Button>
        </>
      );
    case 'login':
      if (form.mode === 'anonymous') {
        return (
          <>
            <span className="text-sm">This registry wants a login.</span>
            <Button small onPress={() => update({ mode: 'password' })}>
              Log in with a user name
            </Button>
          </>
        );
      }
      return (
        <>
          <span className="text-sm">User name: {preset.usernameHint}.</span>
          {preset.fixedUsername && form.username && form.username !== preset.fixedUsername ? (
            <Button small onPress={() => retry({ username: preset.fixedUsername })}>
              Use {preset.fixedUsername}
            </Button>
          ) : null}
        </>
      );
    case 'host':
      return (
        <>
          <span className="text-sm">
            Check the host and port. Behind a proxy, Sifport follows HTTPS_PROXY and NO_PROXY, or
            the system proxy.
          </span>
          <Button small onPress={() => retry()}>
            Test again
          </Button>
          <Button
            small
            onPress={() => {
              onClose();
              navigate({ kind: 'settings', section: 'network' });
            }}
          >
            Network settings
          </Button>
        </>
      );
    default:
      return null;
  }
}
