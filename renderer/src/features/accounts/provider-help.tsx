import type { ProviderItem } from './accounts-slice.js';
import { shortDuration } from '../../../../shared/account-text.js';

/** A provider's login ritual: the steps, the user name convention, token lifetime, quirks. */
export function ProviderHelp({ provider }: { readonly provider: ProviderItem }) {
  return (
    <div aria-label="provider help">
      <p>
        Host: <code>{provider.hostHint}</code>. User name: {provider.usernameHint}. Secret:{' '}
        {provider.secretHint}.
        {provider.tokenLifetimeMs
          ? ` Tokens from its CLI last ${shortDuration(provider.tokenLifetimeMs)} and are renewed automatically.`
          : null}
      </p>
      <ol>
        {provider.help.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {provider.quirks.notes.length > 0 ? (
        <ul aria-label="quirks">
          {provider.quirks.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
