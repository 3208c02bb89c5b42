import type { RemotePeek } from '../../store/domain.js';
import { formatAbsolute, formatExactBytes } from '../../ui/format.js';
import { useFormatters } from '../settings/use-formatters.js';
import { DeffileView } from './deffile-view.js';
import { FactList } from './fact-list.js';

type Report = RemotePeek['report'];

function Labels({ labels }: { labels: Readonly<Record<string, string>> }) {
  const entries = Object.entries(labels);
  if (entries.length === 0) return null;
  return (
    <section aria-label="Labels" className="flex flex-col gap-1">
      <h3 className="m-0 font-medium">Labels</h3>
      <FactList
        facts={entries.map(([term, value]) => ({
          term,
          value: <span className="font-mono text-sm">{value}</span>,
        }))}
      />
    </section>
  );
}

function Objects({ report }: { report: Report }) {
  const format = useFormatters();
  return (
    <section aria-label="Objects" className="flex flex-col gap-1">
      <h3 className="m-0 font-medium">Objects</h3>
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr className="text-left text-muted">
            <th className="py-0.5 pr-2 font-medium">ID</th>
            <th className="py-0.5 pr-2 font-medium">Type</th>
            <th className="py-0.5 pr-2 font-medium">Name</th>
            <th className="py-0.5 text-right font-medium">Size</th>
          </tr>
        </thead>
        <tbody>
          {report.objects.map((o) => (
            <tr key={o.id} className="border-t border-line">
              <td className="py-0.5 pr-2 tabular-nums">{o.id}</td>
              <td className="py-0.5 pr-2">{o.typeLabel}</td>
              <td className="py-0.5 pr-2 font-mono break-all">{o.name || '—'}</td>
              <td className="py-0.5 text-right tabular-nums" title={formatExactBytes(o.size)}>
                {format.bytes(o.size)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * What the remote SIF says about itself: header, signers as claimed, definition file,
 * labels, run script, objects. A reduced report until the shared SIF report view (the local
 * inspector's, S11) can be used here.
 */
export function SifReportLite({
  report,
  onPullToVerify,
}: {
  report: Report;
  onPullToVerify: () => void;
}) {
  const signers = report.signatures.map((s) => s.fingerprint ?? 'unknown key');
  return (
    <div className="flex flex-col gap-4">
      <FactList
        label="SIF header"
        facts={[
          { term: 'Architecture', value: report.primaryArch || 'not recorded' },
          {
            term: 'Image ID',
            value: <span className="font-mono text-sm break-all">{report.id}</span>,
          },
          { term: 'Created', value: formatAbsolute(report.createdAt * 1000) },
          { term: 'Encrypted', value: report.encrypted ? 'yes' : 'no' },
          {
            term: 'Signatures',
            value: signers.length ? (
              <span className="flex flex-col gap-1">
                {signers.map((fp, i) => (
                  <span key={i} className="font-mono text-sm break-all">
                    {fp}
                  </span>
                ))}
                <span className="text-muted">
                  Checking them needs the image data.{' '}
                  <button
                    type="button"
                    onClick={onPullToVerify}
                    className="text-accent underline outline-none focus-visible:outline-2 focus-visible:outline-accent"
                  >
                    Pull and verify…
                  </button>
                </span>
              </span>
            ) : (
              'none: the image is unsigned'
            ),
          },
        ]}
      />
      {report.deffile ? (
        <DeffileView text={report.deffile} />
      ) : (
        <p className="m-0 text-muted">
          {report.metadataSource === 'squashfs'
            ? 'No definition file object: images built before Apptainer 3.7 keep it inside the squashfs, which is not read remotely.'
            : 'This image carries no definition file.'}
        </p>
      )}
      {report.metadata.labels ? <Labels labels={report.metadata.labels} /> : null}
      {report.metadata.runscript ? (
        <section aria-label="Run script" className="flex flex-col gap-1">
          <h3 className="m-0 font-medium">Run script</h3>
          <pre className="m-0 overflow-auto rounded-md border border-line bg-surface p-2 text-sm whitespace-pre-wrap">
            {report.metadata.runscript}
          </pre>
        </section>
      ) : null}
      <Objects report={report} />
    </div>
  );
}
