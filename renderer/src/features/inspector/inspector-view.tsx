import { useEffect } from 'react';
import { FileQuestion, FileX } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import { useSifportStore } from '../../store/store.js';
import { useStoreFields } from '../../store/use-store-fields.js';
import { Banner } from '../../ui/banner.js';
import { Button } from '../../ui/button.js';
import { EmptyState } from '../../ui/empty-state.js';
import { Spinner } from '../../ui/spinner.js';
import { SifReportView } from '../sif-report/sif-report-view.js';
import { InspectorHeader } from './inspector-header.js';
import type { Inspection } from './inspector-slice.js';
import { baseName } from '../push/push-names.js';
import { VerifyBanner } from './verify-banner.js';

/** What to tell the user when a file cannot be inspected, by error code. */
function failureText(inspection: Inspection, name: string): { title: string; next: string } {
  switch (inspection.error?.code) {
    case 'NOT_A_SIF':
      return {
        title: `${name} is not a SIF image`,
        next: 'Choose a .sif file made by apptainer build or apptainer pull. Docker and OCI archives are not SIF images.',
      };
    case 'FILE_ERROR':
    case 'NOT_FOUND':
      return {
        title: `Cannot read ${name}`,
        next: 'Check that the file still exists and that you may read it, then try again, or choose another file.',
      };
    default:
      return { title: `Could not inspect ${name}`, next: 'Try again, or choose another file.' };
  }
}

/** Loading, uploading and failed states, each saying what happens or what to do next. */
function NotReady({ inspection, name }: { inspection: Inspection | undefined; name: string }) {
  const { requestInspect, loadInspection } = useSifportStore(
    useShallow((s) => ({ requestInspect: s.requestInspect, loadInspection: s.loadInspection })),
  );
  if (inspection?.status !== 'failed') {
    const label =
      inspection?.status === 'uploading'
        ? `Uploading a copy of ${name} to inspect it…`
        : `Reading ${name}…`;
    return (
      <div className="p-6">
        <Spinner label={label} />
      </div>
    );
  }
  const { title, next } = failureText(inspection, name);
  const notSif = inspection.error?.code === 'NOT_A_SIF';
  return (
    <EmptyState
      icon={notSif ? <FileQuestion size={32} /> : <FileX size={32} />}
      title={title}
      actions={
        <>
          {inspection.path ? (
            <Button onPress={() => void loadInspection(inspection.path)}>Try again</Button>
          ) : null}
          <Button variant="primary" onPress={requestInspect}>
            Choose another file…
          </Button>
        </>
      }
    >
      <p className="m-0">{next}</p>
      <p className="m-0 mt-2 text-sm break-words">{inspection.error?.message}</p>
    </EmptyState>
  );
}

/**
 * The local SIF inspector (UI.md S11): header, signature banner with Verify, and the SIF
 * report's tabs; in the browser mode it says it works on an uploaded copy.
 */
export function InspectorView({ path, name }: { path: string; name?: string }) {
  const { inspection, keys, loadKeys, loadInspection } = useStoreFields(
    'inspection',
    'keys',
    'loadKeys',
    'loadInspection',
  );
  const current = inspection && inspection.path === path ? inspection : undefined;
  const shown = name ?? current?.uploadedFrom ?? baseName(path);
  // Read again on show: `sifport keys` may have changed the keyring since the window read it.
  useEffect(() => void loadKeys(), [loadKeys]);
  useEffect(() => {
    // Back/forward to an inspector screen whose file is no longer the one read.
    if (path && !current) void loadInspection(path);
  }, [path, current, loadInspection]);

  if (!current?.result || current.status !== 'ready') {
    return <NotReady inspection={current ?? inspection} name={shown} />;
  }
  const { result } = current;
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <InspectorHeader result={result} name={shown} />
      {current.uploadedFrom ? (
        <Banner tone="info" title="This window works on a copy" className="mx-4 mt-3">
          A browser gives the page no path to your file, so Sifport inspects a copy of{' '}
          {current.uploadedFrom} uploaded into its profile. Signing changes that copy (which you can
          then push), not the file on your disk.
        </Banner>
      ) : null}
      <VerifyBanner report={result.report} keys={keys} size={result.size} />
      <SifReportView report={result.report} keys={keys} fileName={shown} showSigners={false} />
    </div>
  );
}
