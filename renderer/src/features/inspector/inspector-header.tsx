import { ArrowUpFromLine, FileSignature, FolderOpen } from 'lucide-react';
import type { LocalInspect } from '../../store/domain.js';
import { useStoreFields } from '../../store/use-store-fields.js';
import { Button } from '../../ui/button.js';
import { CopyButton } from '../../ui/copy-button.js';
import { formatAbsolute, formatExactBytes } from '../../ui/format.js';
import { useFormatters } from '../settings/use-formatters.js';
import { baseName } from '../push/push-names.js';

/** One fact of the header ("Size 3.42 GiB"), as a term and its value. */
function Fact({
  term,
  value,
  title,
  wide = false,
}: {
  term: string;
  value: string;
  title?: string;
  wide?: boolean;
}) {
  return (
    <div className={wide ? 'col-span-2 min-w-0' : 'min-w-0'}>
      <dt className="text-sm text-muted">{term}</dt>
      <dd className="m-0 truncate font-mono text-sm" title={title ?? value}>
        {value}
      </dd>
    </div>
  );
}

/**
 * The inspector's header (UI.md S11): the file, its size, SIF version, architecture, UUID
 * and creation time, and the actions on it: Push…, Sign…, Show in folder (desktop); Verify
 * sits with the signers, below.
 */
export function InspectorHeader({
  result,
  name,
}: {
  result: LocalInspect;
  /** The name the user knows the file by (the chosen file, for a browser-mode copy). */
  name: string;
}) {
  const f = useFormatters();
  const act = useStoreFields('desktopHost', 'offerFiles', 'openDialog', 'revealPath');
  const { report, path, size } = result;
  const created = report.createdAt * 1000;
  return (
    <header className="border-b border-line px-4 pt-3 pb-3">
      <div className="flex items-start gap-3">
        <div className="min-w-0 flex-1">
          <h2 className="m-0 truncate font-mono text-lg font-semibold">{name}</h2>
          <div className="flex items-center gap-1 text-sm text-muted">
            <span className="truncate font-mono" title={path}>
              {path}
            </span>
            <CopyButton text={path} label="Copy the path" />
          </div>
        </div>
        <div className="flex shrink-0 flex-wrap justify-end gap-2">
          <Button onPress={() => act.offerFiles([{ name: baseName(path), size, path }])}>
            <ArrowUpFromLine size={14} aria-hidden />
            Push…
          </Button>
          <Button onPress={() => act.openDialog({ kind: 'sign', path })}>
            <FileSignature size={14} aria-hidden />
            Sign…
          </Button>
          {act.desktopHost ? (
            <Button onPress={() => act.revealPath(path)}>
              <FolderOpen size={14} aria-hidden />
              Show in folder
            </Button>
          ) : null}
        </div>
      </div>
      <dl className="mt-3 mb-0 grid grid-cols-[repeat(auto-fill,minmax(140px,1fr))] gap-x-6 gap-y-2">
        <Fact term="Size" value={f.bytes(size)} title={formatExactBytes(size)} />
        <Fact term="SIF version" value={report.version} />
        <Fact term="Architecture" value={report.primaryArch || 'none'} />
        <Fact term="Created" value={f.time(created)} title={formatAbsolute(created)} />
        <Fact term="UUID" value={report.id} wide />
      </dl>
    </header>
  );
}
