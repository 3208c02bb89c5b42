import { useEffect, type Key } from 'react';
import { useSifportStore } from '../../store/store.js';
import { Banner } from '../../ui/banner.js';
import { Spinner } from '../../ui/spinner.js';
import { Tab, TabList, TabPanel, Tabs } from '../../ui/tabs.js';
import { repoKeyOf } from '../explorer/tag-reference.js';
import type { PaneTarget } from '../shell/view-slice.js';
import { ConfigTab, ManifestTab } from './manifest-tab.js';
import { SifTab } from './sif-tab.js';
import { SummaryTab } from './summary-tab.js';

/** The Details tabs; the choice outlives the tag, so stepping through tags keeps the tab. */
export type DetailsTab = 'summary' | 'sif' | 'manifest' | 'config';

/** One tag in Details (UI.md S6): its name, then Summary, SIF, Manifest and Config. */
export function TagDetailsView({
  target,
  tag,
  tab,
  onTab,
}: {
  target: PaneTarget;
  tag: string;
  tab: DetailsTab;
  onTab: (tab: DetailsTab) => void;
}) {
  const details = useSifportStore((s) => s.tagDetails[repoKeyOf(target)]?.[tag]);
  const ensure = useSifportStore((s) => s.ensureTagDetails);
  useEffect(() => ensure(target, tag), [target, tag, ensure]);
  const notSif = details?.ok === true && !details.isSif;
  const noSifReason = notSif
    ? `Not a SIF: the manifest's layers are not ${'application/vnd.sylabs.sif.layer.v1.sif'}`
    : undefined;
  const current = notSif && tab === 'sif' ? 'summary' : tab;
  const body = (panel: DetailsTab) => {
    if (!details) return <Spinner label="Reading the manifest…" />;
    if (!details.ok)
      return (
        <Banner tone="danger" title={`Cannot describe ${tag}`}>
          {details.error.message}
        </Banner>
      );
    switch (panel) {
      case 'summary':
        return <SummaryTab target={target} details={details} />;
      case 'sif':
        return <SifTab target={target} tag={tag} digest={details.digest} title={details.title} />;
      case 'manifest':
        return <ManifestTab target={target} digest={details.digest} />;
      case 'config':
        return <ConfigTab target={target} digest={details.digest} />;
    }
  };
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="shrink-0 px-3 pt-3 pb-1">
        <h2 className="m-0 truncate font-mono text-lg font-semibold" title={tag}>
          {tag}
        </h2>
        <p className="m-0 truncate text-sm text-muted">{repoKeyOf(target)}</p>
      </div>
      <Tabs
        selectedKey={current}
        onSelectionChange={(key: Key) => onTab(key as DetailsTab)}
        disabledKeys={notSif ? ['sif'] : []}
        className="flex min-h-0 flex-1 flex-col"
      >
        <TabList label="Details of the tag">
          <Tab id="summary">Summary</Tab>
          <Tab id="sif">
            <span title={noSifReason}>SIF</span>
          </Tab>
          <Tab id="manifest">Manifest</Tab>
          <Tab id="config">Config</Tab>
        </TabList>
        {notSif ? (
          <p className="m-0 px-3 pt-2 text-sm text-muted">{noSifReason}; the SIF tab is off.</p>
        ) : null}
        {(['summary', 'sif', 'manifest', 'config'] as const).map((panel) => (
          <TabPanel key={panel} id={panel} className="overflow-auto p-3">
            {body(panel)}
          </TabPanel>
        ))}
      </Tabs>
    </div>
  );
}
