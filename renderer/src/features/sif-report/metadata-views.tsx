import { CodeBlock, NothingHere } from './code-block.js';
import type { SifReport } from './signers.js';

type Metadata = SifReport['metadata'];
type Sections = Omit<Metadata, 'apps'>;

/** The Labels tab: key and value, as `apptainer inspect --labels` lists them. */
export function LabelsView({
  labels,
  notes,
}: {
  labels: Metadata['labels'];
  notes: readonly string[];
}) {
  const entries = Object.entries(labels ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <NothingHere text="This image has no labels." notes={notes} />;
  return (
    <table className="w-full border-collapse">
      <caption className="sr-only">Labels</caption>
      <thead>
        <tr className="h-7 border-b border-line text-left text-muted">
          <th scope="col" className="w-2/5 px-2 font-medium">
            Label
          </th>
          <th scope="col" className="px-2 font-medium">
            Value
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([key, value]) => (
          <tr key={key} className="border-b border-line align-top last:border-b-0">
            <th scope="row" className="px-2 py-1 text-left font-mono text-sm font-normal break-all">
              {key}
            </th>
            <td className="px-2 py-1 font-mono text-sm break-all whitespace-pre-wrap">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The Environment tab: each environment script by file name (`90-environment.sh`). */
export function EnvironmentView({
  environment,
  notes,
}: {
  environment: Metadata['environment'];
  notes: readonly string[];
}) {
  const files = Object.entries(environment ?? {});
  if (files.length === 0) {
    return <NothingHere text="This image sets no environment." notes={notes} />;
  }
  return (
    <>
      {files.map(([name, text]) => (
        <CodeBlock key={name} title={name} text={text} />
      ))}
    </>
  );
}

/** The blocks of one set of sections, in the order `apptainer inspect` prints them. */
function sectionBlocks(sections: Sections, prefix = ''): { title: string; text: string }[] {
  const named: [string, string | undefined][] = [
    ['Run script', sections.runscript],
    ['Start script', sections.startscript],
    ['Test', sections.test],
    ['Help', sections.helpfile],
  ];
  return named.flatMap(([title, text]) =>
    text === undefined ? [] : [{ title: `${prefix}${title}`, text }],
  );
}

/** The Run script tab: what `apptainer run` executes, and the instance start script. */
export function RunScriptView({
  metadata,
  notes,
}: {
  metadata: Metadata;
  notes: readonly string[];
}) {
  const blocks = sectionBlocks({
    runscript: metadata.runscript,
    startscript: metadata.startscript,
  });
  if (blocks.length === 0)
    return <NothingHere text="This image has no run script." notes={notes} />;
  return (
    <>
      {blocks.map((b) => (
        <CodeBlock key={b.title} {...b} />
      ))}
    </>
  );
}

/** The Test, help, apps tab: `%test`, `%help` and every SCIF app's own sections. */
export function MoreSectionsView({
  metadata,
  notes,
}: {
  metadata: Metadata;
  notes: readonly string[];
}) {
  const blocks = [
    ...sectionBlocks({ test: metadata.test, helpfile: metadata.helpfile }),
    ...Object.entries(metadata.apps ?? {}).flatMap(([app, sections]) =>
      sectionBlocks(sections, `App ${app}: `),
    ),
  ];
  if (blocks.length === 0) {
    return <NothingHere text="This image has no test, help text or apps." notes={notes} />;
  }
  return (
    <>
      {blocks.map((b) => (
        <CodeBlock key={b.title} {...b} />
      ))}
    </>
  );
}

/** How many sections the Test, help, apps tab holds, for its label. */
export function moreSectionsCount(metadata: Metadata): number {
  return (
    sectionBlocks({ test: metadata.test, helpfile: metadata.helpfile }).length +
    Object.keys(metadata.apps ?? {}).length
  );
}
