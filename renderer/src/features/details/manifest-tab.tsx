import { useEffect } from 'react';
import { useSifportStore } from '../../store/store.js';
import { formatExactBytes } from '../../ui/format.js';
import { JsonView } from '../../ui/json-view.js';
import type { PaneTarget } from '../shell/view-slice.js';
import { DocumentState } from './document-state.js';
import { FactList } from './fact-list.js';

/** The manifest of `digest`, fetched once (cached by digest) and retried on demand. */
function useManifest(target: PaneTarget, digest: string) {
  const entry = useSifportStore((s) => s.manifests[digest]);
  const loadManifest = useSifportStore((s) => s.loadManifest);
  useEffect(() => void loadManifest(target, digest), [target, digest, loadManifest]);
  return { entry, retry: () => void loadManifest(target, digest) };
}

/** Manifest (UI.md S6): the document Pretty, or Raw as the exact bytes its digest covers. */
export function ManifestTab({ target, digest }: { target: PaneTarget; digest: string }) {
  const { entry, retry } = useManifest(target, digest);
  return (
    <DocumentState
      entry={entry}
      target={target}
      loading="Reading the manifest…"
      onRetry={retry}
      done={(doc) => (
        <div className="flex flex-col gap-3">
          <FactList
            facts={[
              {
                term: 'Media type',
                value: <span className="font-mono text-sm break-all">{doc.mediaType}</span>,
              },
              { term: 'Size', value: formatExactBytes(doc.size) },
            ]}
          />
          <JsonView
            label="Manifest"
            value={doc.manifest}
            raw={doc.raw}
            rawEncoding={doc.rawEncoding}
          />
        </div>
      )}
    />
  );
}

/** Config (UI.md S6): the config blob the manifest points to, when small JSON; else why not. */
export function ConfigTab({ target, digest }: { target: PaneTarget; digest: string }) {
  const { entry, retry } = useManifest(target, digest);
  return (
    <DocumentState
      entry={entry}
      target={target}
      loading="Reading the manifest and its config…"
      onRetry={retry}
      done={(doc) =>
        doc.config ? (
          <div className="flex flex-col gap-3">
            <FactList
              facts={[
                {
                  term: 'Digest',
                  value: <span className="font-mono text-sm break-all">{doc.config.digest}</span>,
                },
                {
                  term: 'Media type',
                  value: (
                    <span className="font-mono text-sm break-all">{doc.config.mediaType}</span>
                  ),
                },
                { term: 'Size', value: formatExactBytes(doc.config.size) },
              ]}
            />
            {doc.config.json !== undefined ? (
              <JsonView label="Config" value={doc.config.json} />
            ) : (
              <p className="m-0 text-muted">{doc.config.note ?? 'The config is not shown.'}</p>
            )}
          </div>
        ) : (
          <p className="m-0 text-muted">
            This manifest is an index: its entries have their own configs.
          </p>
        )
      }
    />
  );
}
