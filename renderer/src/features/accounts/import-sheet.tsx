import { useEffect, useState } from 'react';
import { useSifportStore } from '../../store/store.js';
import type { ErrorState } from '../../store/slice.js';
import { Banner } from '../../ui/banner.js';
import { Button } from '../../ui/button.js';
import { Sheet } from '../../ui/dialog.js';
import { EmptyState } from '../../ui/empty-state.js';
import { Checkbox } from '../../ui/field.js';
import { Spinner } from '../../ui/spinner.js';
import type { DialogProps } from '../shell/view-slice.js';
import { shortPath } from './account-status.js';
import type { FoundLogin, ImportReport } from './accounts-slice.js';

/** "alice @ ghcr.io/lab". */
function who(login: FoundLogin): string {
  const where = login.namespace ? `${login.registry}/${login.namespace}` : login.registry;
  return `${login.username ?? 'login in a credential helper'} @ ${where}`;
}

/** The logins ticked at first: those that can be imported and were not imported before. */
function preselected(found: readonly FoundLogin[]): Set<string> {
  return new Set(found.filter((f) => !f.problem && !f.alreadyImported).map((f) => f.key));
}

/** What the import did, in the sheet once it is done. */
function ImportDone({ report }: { report: ImportReport }) {
  return (
    <div className="flex flex-col gap-3">
      <Banner
        tone={report.imported.length ? 'success' : 'info'}
        title={`Imported ${report.imported.length} login${report.imported.length === 1 ? '' : 's'}`}
      >
        <ul className="m-0 pl-4">
          {report.imported.map((i) => (
            <li key={i.id}>
              {i.username} @ {i.registry} — {shortPath(i.origin)}
            </li>
          ))}
        </ul>
      </Banner>
      {report.skipped.length ? (
        <Banner tone="warning" title={`Skipped ${report.skipped.length}`}>
          <ul className="m-0 pl-4">
            {report.skipped.map((s) => (
              <li key={`${s.file}#${s.registry}`}>
                {s.registry} ({shortPath(s.file)}): {s.reason}
              </li>
            ))}
          </ul>
        </Banner>
      ) : null}
    </div>
  );
}

/**
 * "Import existing logins" (UI.md S1): what docker, podman and apptainer files hold, as a
 * checkbox list (user, host, file) before anything is saved; credential helpers run only when
 * asked. The files are read, never written.
 */
export function ImportSheet({ onClose }: DialogProps<'import-accounts'>) {
  const previewImport = useSifportStore((s) => s.previewImport);
  const importLogins = useSifportStore((s) => s.importLogins);
  const openDialog = useSifportStore((s) => s.openDialog);
  const [helpers, setHelpers] = useState(false);
  const [found, setFound] = useState<readonly FoundLogin[] | undefined>();
  const [error, setError] = useState<ErrorState | undefined>();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [report, setReport] = useState<ImportReport | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void previewImport(helpers).then((answer) => {
      if (!live) return;
      setFound(answer.ok ? answer.value : undefined);
      setError(answer.ok ? undefined : answer.error);
      if (answer.ok) setChosen(preselected(answer.value));
    });
    return () => {
      live = false;
    };
  }, [helpers, previewImport]);

  const toggle = (key: string, on: boolean) =>
    setChosen((set) => new Set([...set].filter((k) => k !== key).concat(on ? [key] : [])));
  const run = async () => {
    setBusy(true);
    const answer = await importLogins([...chosen], helpers);
    setBusy(false);
    if (answer.ok) setReport(answer.value);
    else setError(answer.error);
  };
  const footer = report ? (
    <Button variant="primary" onPress={onClose}>
      Done
    </Button>
  ) : (
    <>
      <Button onPress={onClose}>Cancel</Button>
      <Button variant="primary" isDisabled={chosen.size === 0 || busy} onPress={() => void run()}>
        {busy ? 'Importing…' : `Import ${chosen.size} login${chosen.size === 1 ? '' : 's'}`}
      </Button>
    </>
  );
  return (
    <Sheet
      title="Import existing logins"
      description="Sifport copies the logins you tick and remembers where each came from; it never changes those files."
      width="md"
      onClose={onClose}
      footer={footer}
    >
      {report ? (
        <ImportDone report={report} />
      ) : (
        <div className="flex flex-col gap-3">
          {error ? (
            <Banner tone="danger" title="The logins could not be read">
              {error.message}
            </Banner>
          ) : null}
          {!found && !error ? (
            <Spinner label="Looking for docker, podman and apptainer logins…" />
          ) : null}
          {found && found.length === 0 ? (
            <EmptyState
              title="No logins found"
              actions={
                <Button onPress={() => openDialog({ kind: 'add-account' })}>Add an account</Button>
              }
            >
              Sifport looked in docker’s config.json, apptainer’s docker-config.json and podman’s
              auth.json.
            </EmptyState>
          ) : null}
          {found && found.length > 0 ? (
            <fieldset className="m-0 flex flex-col gap-1 border-0 p-0">
              <legend className="mb-1 font-medium">Logins found ({found.length})</legend>
              {found.map((login) => (
                <Checkbox
                  key={login.key}
                  isSelected={chosen.has(login.key)}
                  isDisabled={Boolean(login.problem)}
                  onChange={(on) => toggle(login.key, on)}
                  hint={
                    <>
                      {shortPath(login.origin)}
                      {login.problem ? ` — ${login.problem}` : ''}
                      {login.alreadyImported
                        ? ' — imported before; importing again replaces it'
                        : ''}
                    </>
                  }
                >
                  {who(login)}
                </Checkbox>
              ))}
            </fieldset>
          ) : null}
          <div className="border-t border-line pt-3">
            <Checkbox
              isSelected={helpers}
              onChange={setHelpers}
              hint="Runs the docker-credential helpers those files name (pass, secretservice, osxkeychain…) to read the logins they hold."
            >
              Also ask credential helpers
            </Checkbox>
          </div>
        </div>
      )}
    </Sheet>
  );
}
