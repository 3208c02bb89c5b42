import type { ReactNode } from 'react';
import type { KeyItem } from '../../store/domain.js';
import { Tab, TabList, TabPanel, Tabs } from '../../ui/tabs.js';
import { DeffileView } from './deffile-view.js';
import {
  EnvironmentView,
  LabelsView,
  moreSectionsCount,
  MoreSectionsView,
  RunScriptView,
} from './metadata-views.js';
import { ObjectsTable } from './objects-table.js';
import { SignersSummary } from './signers-summary.js';
import type { SignatureCheck, SifReport } from './signers.js';

/** The tabs of {@link SifReportView}, by id. */
export type SifReportTab =
  'objects' | 'definition' | 'labels' | 'environment' | 'runscript' | 'more';

/** " (3)" after a tab's name when it holds something, so empty tabs show before a click. */
const count = (n: number): string => (n > 0 ? ` (${n})` : '');

/**
 * What is inside a SIF (UI.md S6 "SIF", S11): its signers, then tabs for the objects, the
 * definition file, labels, environment, run script, and test/help/apps. One view for a local
 * file (`sif:inspect`) and a remote one (`registry:peek`): both answer the same report.
 */
export function SifReportView({
  report,
  keys,
  fileName,
  checks,
  signerActions,
  showSigners = true,
  defaultTab = 'objects',
}: {
  report: SifReport;
  /** The keyring's keys, to name known signers. */
  keys: readonly KeyItem[];
  /** The image's file name, for Save as… of the definition file. */
  fileName: string;
  /** Per-signature results once verified. */
  checks?: readonly SignatureCheck[];
  /** Beside the signers ("Verify", "Pull and verify"). */
  signerActions?: ReactNode;
  /** False when the caller shows the signers itself (the inspector's banner). */
  showSigners?: boolean;
  defaultTab?: SifReportTab;
}) {
  const notes = report.unavailable;
  const { metadata } = report;
  const defName = `${fileName.replace(/\.sif$/i, '')}.def`;
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      {showSigners ? (
        <div className="border-b border-line px-4 py-2">
          <SignersSummary report={report} keys={keys} checks={checks} actions={signerActions} />
        </div>
      ) : null}
      <Tabs defaultSelectedKey={defaultTab} className="flex min-h-0 flex-1 flex-col">
        <TabList label="What is inside the image">
          <Tab id="objects">{`Objects${count(report.objects.length)}`}</Tab>
          <Tab id="definition">Definition</Tab>
          <Tab id="labels">{`Labels${count(Object.keys(metadata.labels ?? {}).length)}`}</Tab>
          <Tab id="environment">Environment</Tab>
          <Tab id="runscript">Run script</Tab>
          <Tab id="more">{`Test, help, apps${count(moreSectionsCount(metadata))}`}</Tab>
        </TabList>
        <TabPanel id="objects" className="overflow-auto p-4">
          <ObjectsTable objects={report.objects} />
        </TabPanel>
        <TabPanel id="definition" className="overflow-auto p-4">
          <DeffileView text={report.deffile} fileName={defName} notes={notes} />
        </TabPanel>
        <TabPanel id="labels" className="overflow-auto p-4">
          <LabelsView labels={metadata.labels} notes={notes} />
        </TabPanel>
        <TabPanel id="environment" className="overflow-auto p-4">
          <EnvironmentView environment={metadata.environment} notes={notes} />
        </TabPanel>
        <TabPanel id="runscript" className="overflow-auto p-4">
          <RunScriptView metadata={metadata} notes={notes} />
        </TabPanel>
        <TabPanel id="more" className="overflow-auto p-4">
          <MoreSectionsView metadata={metadata} notes={notes} />
        </TabPanel>
      </Tabs>
    </div>
  );
}
