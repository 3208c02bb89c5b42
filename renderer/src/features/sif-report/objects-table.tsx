import { formatExactBytes } from '../../ui/format.js';
import { useFormatters } from '../settings/use-formatters.js';
import { keyIdOf, type SifReport } from './signers.js';

type SifObject = SifReport['objects'][number];

/** "group 1" / "object 2" for a descriptor's link, or an em dash when it has none. */
function linkOf(object: SifObject): string {
  if (object.linkedId === 0) return '—';
  return object.linkedIsGroup ? `group ${object.linkedId}` : `object ${object.linkedId}`;
}

/** The partition's architecture, or what marks a signature's signer. */
function extraOf(object: SifObject): string {
  const d = object.details;
  if (d.kind === 'partition') return d.encrypted ? `${d.arch}, encrypted` : d.arch;
  if (d.kind === 'signature' && d.fingerprint) return keyIdOf(d.fingerprint);
  if (d.kind === 'oci') return d.digest;
  return '';
}

const HEAD = 'sticky top-0 bg-surface px-2 text-left font-medium text-muted';
const CELL = 'h-7 px-2 comfortable:h-9';

/**
 * The Objects tab: the SIF's descriptor table as `siftool list` prints it (id, group, link,
 * type, size, name) plus each partition's architecture and each signature's signer.
 */
export function ObjectsTable({ objects }: { objects: SifReport['objects'] }) {
  const f = useFormatters();
  return (
    <table className="w-full border-collapse text-base">
      <caption className="sr-only">Objects in the image</caption>
      <thead>
        <tr className="h-7 border-b border-line">
          <th scope="col" className={`${HEAD} w-12 text-right`}>
            ID
          </th>
          <th scope="col" className={`${HEAD} w-16`}>
            Group
          </th>
          <th scope="col" className={`${HEAD} w-24`}>
            Link
          </th>
          <th scope="col" className={HEAD}>
            Type
          </th>
          <th scope="col" className={`${HEAD} w-24 text-right`}>
            Size
          </th>
          <th scope="col" className={HEAD}>
            Name
          </th>
          <th scope="col" className={HEAD}>
            Arch / signer
          </th>
        </tr>
      </thead>
      <tbody>
        {objects.map((o) => (
          <tr key={o.id} className="border-b border-line last:border-b-0 hover:bg-hover">
            <th scope="row" className={`${CELL} text-right font-mono font-normal tabular-nums`}>
              {o.id}
            </th>
            <td className={`${CELL} tabular-nums`}>{o.groupId === 0 ? '—' : o.groupId}</td>
            <td className={CELL}>{linkOf(o)}</td>
            <td className={CELL}>{o.typeLabel}</td>
            <td className={`${CELL} text-right tabular-nums`} title={formatExactBytes(o.size)}>
              {f.bytes(o.size)}
            </td>
            <td className={`${CELL} font-mono text-sm break-all`}>{o.name || '—'}</td>
            <td className={`${CELL} font-mono text-sm break-all`}>{extraOf(o) || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
