import { useEffect } from 'react';
import { useSifportStore } from '../../store/store.js';
import { Banner } from '../../ui/banner.js';
import { Button } from '../../ui/button.js';
import { formatAbsolute, formatCount } from '../../ui/format.js';
import { Spinner } from '../../ui/spinner.js';
import { tagReference } from '../explorer/tag-reference.js';
import { SifReportView } from '../sif-report/sif-report-view.js';
import { useFormatters } from '../settings/use-formatters.js';
import type { PaneTarget } from '../shell/view-slice.js';
import { DocumentError } from './document-state.js';
import { FactList } from './fact-list.js';

/** The keyring's keys, loaded once, to name the signers the SIF claims. */
function useKeys() {
  const keys = useSifportStore((s) => s.keys);
  const loaded = useSifportStore((s) => s.keysLoaded);
  const loadKeys = useSifportStore((s) => s.loadKeys);
  useEffect(() => {
    if (!loaded) void loadKeys();
  }, [loaded, loadKeys]);
  return keys;
}

/**
 * SIF (UI.md S6, remote peek): reads the header, descriptors and small objects by HTTP
 * Range, says how little it read, and shows what the image says about itself in the SIF
 * report the local inspector uses. A registry that ignores Range gets [Pull to inspect].
 */
export function SifTab({
  target,
  tag,
  digest,
  title,
}: {
  target: PaneTarget;
  tag: string;
  digest: string;
  /** The pushed file's name, for Save as… of the definition file. */
  title?: string;
}) {
  const entry = useSifportStore((s) => s.peeks[digest]);
  const loadPeek = useSifportStore((s) => s.loadPeek);
  const openDialog = useSifportStore((s) => s.openDialog);
  const keys = useKeys();
  const format = useFormatters();
  useEffect(() => void loadPeek(target, digest), [target, digest, loadPeek]);
  const pull = () => openDialog({ kind: 'pull', references: [tagReference(target, tag)] });
  if (!entry || entry.status === 'loading') {
    return <Spinner label="Reading the SIF header and small objects by Range…" />;
  }
  if (entry.status === 'failed') {
    if (entry.error.code === 'UNSUPPORTED') {
      return (
        <Banner
          tone="warning"
          title="This registry ignores Range requests"
          actions={
            <Button small onPress={pull}>
              Pull to inspect…
            </Button>
          }
        >
          Reading the SIF remotely would mean downloading all of it. Pull it once, then inspect the
          file.
        </Banner>
      );
    }
    if (entry.error.code === 'NOT_A_SIF') {
      return (
        <Banner tone="info" title="Not a SIF image">
          {entry.error.message}
        </Banner>
      );
    }
    return (
      <DocumentError
        error={entry.error}
        target={target}
        onRetry={() => void loadPeek(target, digest)}
      />
    );
  }
  const { report, ...peek } = entry.value;
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-3">
      {peek.wholeBlob ? (
        <Banner
          tone="warning"
          title={`The registry ignored Range: the whole image (${format.bytes(peek.totalBytes)}) was read`}
        >
          It was small enough to read at once; a large image would need a pull.
        </Banner>
      ) : (
        <p role="status" className="m-0 text-muted">
          Read {format.bytes(peek.bytesRead)} of {format.bytes(peek.totalBytes)} by Range (
          {formatCount(peek.requests)} {peek.requests === 1 ? 'request' : 'requests'}), without
          downloading the image.
        </p>
      )}
      <FactList
        label="SIF header"
        facts={[
          { term: 'Architecture', value: report.primaryArch || 'not recorded' },
          {
            term: 'Image ID',
            value: <span className="font-mono text-sm break-all">{report.id}</span>,
          },
          { term: 'Built', value: formatAbsolute(report.createdAt * 1000) },
          { term: 'Encrypted', value: report.encrypted ? 'yes' : 'no' },
        ]}
      />
      <div className="-mx-3 flex min-h-0 flex-1 flex-col border-t border-line">
        <SifReportView
          report={report}
          keys={keys}
          fileName={title ?? `${tag}.sif`}
          defaultTab="definition"
          signerActions={
            report.signatures.length ? (
              <Button small onPress={pull}>
                Pull and verify…
              </Button>
            ) : undefined
          }
        />
      </div>
    </div>
  );
}
