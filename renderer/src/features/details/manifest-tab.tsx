import { useEffect, type ReactNode } from 'react';
import type { ManifestDocument } from '../../store/domain.js';
import { useSifportStore } from '../../store/store.js';
import { formatExactBytes } from '../../ui/format.js';
import { JsonView } from '../../ui/json-view.js';
import type { PaneTarget } from '../shell/view-slice.js';
import { DocumentState } from './document-state.js';
import { FactList } from './fact-list.js';

/** A digest or media type: monospace, and free to break anywhere. */
const mono = (text: string) => <span className="font-mono text-sm break-all">{text}</span>;

/** The manifest of `digest`, fetched once (cached by digest), its states, then `done`. */
function ManifestState({
  target,
  digest,
  loading,
  done,
}: {
  target: PaneTarget;
  digest: string;
  loading: string;
  done: (doc: ManifestDocument) => ReactNode;
}) {
  const entry = useSifportStore((s) => s.manifests[digest]);
  const loadManifest = useSifportStore((s) => s.loadManifest);
  useEffect(() => void loadManifest(target, digest), [target, digest, loadManifest]);
  return (
    <DocumentState
      entry={entry}
      target={target}
      loading={loading}
      onRetry={() => void loadManifest(target, digest)}
      done={done}
    />
  );
}

/** Manifest (UI.md S6): the document Pretty, or Raw as the exact bytes its digest covers. */
export function ManifestTab({ target, digest }: { target: PaneTarget; digest: string }) {
  return (
    <ManifestState
      target={target}
      digest={digest}
      loading="Reading the manifest…"
      done={(doc) => (
        <div className="flex flex-col gap-3">
          <FactList
            facts={[
              {
                term: 'Media type',
                value: mono(doc.mediaType),
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
  return (
    <ManifestState
      target={target}
      digest={digest}
      loading="Reading the manifest and its config…"
      done={(doc) =>
        doc.config ? (
          <div className="flex flex-col gap-3">
            <FactList
              facts={[
                {
                  term: 'Digest',
                  value: mono(doc.config.digest),
                },
                {
                  term: 'Media type',
                  value: mono(doc.config.mediaType),
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
