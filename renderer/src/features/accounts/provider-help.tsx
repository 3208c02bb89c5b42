import type { ProviderItem } from '../../store/domain.js';
import { durationWords } from './account-status.js';

/**
 * The right column of "Add account" step 2 (UI.md S2): the provider's login ritual, the user
 * name convention, token lifetime and known quirks.
 */
export function ProviderHelp({ provider }: { provider: ProviderItem }) {
  return (
    <aside aria-label={`How to log in to ${provider.name}`} className="flex flex-col gap-3 text-sm">
      <section>
        <h3 className="m-0 mb-1 text-sm font-semibold">How to log in</h3>
        <ol className="m-0 list-decimal space-y-1 pl-4 text-muted">
          {provider.help.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </section>
      <dl className="m-0 grid gap-1 text-muted">
        <dt className="font-medium text-text">User name</dt>
        <dd className="m-0">{provider.usernameHint}</dd>
        <dt className="font-medium text-text">Secret</dt>
        <dd className="m-0">
          {provider.secretHint}
          {provider.tokenLifetimeMs
            ? `; CLI tokens last ${durationWords(provider.tokenLifetimeMs)} and are renewed by themselves.`
            : '.'}
        </dd>
      </dl>
      {provider.quirks.notes.length > 0 ? (
        <section>
          <h3 className="m-0 mb-1 text-sm font-semibold">Good to know</h3>
          <ul className="m-0 list-disc space-y-1 pl-4 text-muted">
            {provider.quirks.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </aside>
  );
}
