import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSifportStore } from '../../store/store.js';
import type { AccountItem, ProviderId, ProviderItem } from '../../store/domain.js';
import type { ErrorState } from '../../store/slice.js';
import { Banner } from '../../ui/banner.js';
import { Button } from '../../ui/button.js';
import { CommandBlock } from '../../ui/copy-button.js';
import { Sheet } from '../../ui/dialog.js';
import type { DialogProps } from '../shell/view-slice.js';
import { AccountFields } from './account-fields.js';
import { AccountAdded } from './account-added.js';
import type { Detected } from './accounts-slice.js';
import {
  addRequestOf,
  emptyForm,
  formProblems,
  isPersonalToken,
  loginCommand,
  type AccountForm,
} from './add-account-model.js';
import { ChecklistView } from './checklist-view.js';
import { FixActions } from './fix-actions.js';
import { ProviderHelp } from './provider-help.js';
import { ProviderStep } from './provider-step.js';
import { checklist } from './test-checklist.js';

/** Where "Test and save" is: not run, running, refused (with why) or saved. */
type Run =
  | { readonly state: 'idle' | 'running' }
  | { readonly state: 'failed'; readonly error: ErrorState }
  | { readonly state: 'saved'; readonly account: AccountItem; readonly personalToken: boolean };

/** The form for `provider`, filled from what step 1 detected. */
function formFor(provider: ProviderId, preset: ProviderItem | undefined, detected?: Detected) {
  const form = emptyForm(provider, preset);
  if (!detected) return form;
  return {
    ...form,
    registry: detected.registry || form.registry,
    parts: { ...detected.parts },
    namespace: detected.namespace ?? '',
  };
}

/**
 * "Add account" (UI.md S2, 640 px): step 1 detects or picks the provider, step 2 is the form
 * with the provider's help beside it; "Test and save" shows the checklist while the host
 * tests the login and saves only what works. The secret lives in this sheet's state until
 * the account is saved, and goes nowhere but `accounts:add`.
 */
export function AddAccountSheet({ dialog, onClose }: DialogProps<'add-account'>) {
  const { providers, addAccount, navigate } = useSifportStore(
    useShallow((s) => ({ providers: s.providers, addAccount: s.addAccount, navigate: s.navigate })),
  );
  const presetOf = (id: ProviderId) => providers.find((p) => p.id === id);
  const [form, setForm] = useState<AccountForm | undefined>(() => {
    if (!dialog.provider) return undefined;
    // "Log in again" names the provider and the account's host[/namespace].
    const [registry = '', ...path] = (dialog.input ?? '').split('/');
    const given = { provider: dialog.provider, registry, namespace: path.join('/') || undefined };
    return formFor(dialog.provider, presetOf(dialog.provider), dialog.input ? given : undefined);
  });
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const [usage, setUsage] = useState<string | undefined>();
  const [checked, setChecked] = useState(false);
  const [advanced, setAdvanced] = useState(false);
  const preset = form ? presetOf(form.provider) : undefined;
  const results = useRef<HTMLDivElement>(null);
  // The checklist sits below the form: bring it into view as a test starts and ends.
  useEffect(() => {
    if (run.state === 'running' || run.state === 'failed') {
      results.current?.scrollIntoView({ block: 'nearest' });
    }
  }, [run.state]);
  const update = (patch: Partial<AccountForm>) => setForm((f) => (f ? { ...f, ...patch } : f));

  async function submit(skipTest: boolean, patch?: Partial<AccountForm>): Promise<void> {
    if (!form || !preset || run.state === 'running') return;
    const next = { ...form, ...patch };
    setForm(next);
    setChecked(true);
    if (Object.keys(formProblems(next, preset)).length > 0) return;
    setUsage(undefined);
    setRun({ state: 'running' });
    const outcome = await addAccount(addRequestOf(next, preset, skipTest));
    if (outcome.ok) {
      setForm({ ...next, secret: '' });
      setRun({ state: 'saved', account: outcome.value, personalToken: isPersonalToken(next) });
    } else if (outcome.error.code === 'USAGE') {
      setUsage(outcome.error.message);
      setRun({ state: 'idle' });
    } else {
      setRun({ state: 'failed', error: outcome.error });
    }
  }

  if (!form || !preset) {
    return (
      <Sheet
        title="Add an account"
        width="md"
        onClose={onClose}
        footer={<Button onPress={onClose}>Cancel</Button>}
      >
        <ProviderStep
          initialInput={dialog.input ?? ''}
          onChoose={(provider, detected) =>
            setForm(formFor(provider, presetOf(provider), detected))
          }
        />
      </Sheet>
    );
  }

  const ctx = {
    registry: addRequestOf(form, preset).registry,
    anonymous: form.mode === 'anonymous',
    insecure: form.insecure,
  };
  if (run.state === 'saved') {
    return (
      <AccountAdded
        account={run.account}
        steps={
          run.account.capabilities
            ? checklist({ state: 'passed', capabilities: run.account.capabilities }, ctx)
            : undefined
        }
        revokeIn={run.personalToken ? preset.name : undefined}
        onAnother={() => {
          setForm(undefined);
          setRun({ state: 'idle' });
          setChecked(false);
        }}
        onOpen={() => {
          onClose();
          navigate({ kind: 'account', accountId: run.account.id });
        }}
        onClose={onClose}
      />
    );
  }

  const problems = checked ? formProblems(form, preset) : {};
  const running = run.state === 'running';
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit(false);
  };
  return (
    <Sheet
      title={`Add ${preset.name} account`}
      width="md"
      onClose={onClose}
      dismissable={!running}
      footer={
        <>
          <Button onPress={() => setForm(undefined)} isDisabled={running} className="mr-auto">
            Back
          </Button>
          <Button onPress={() => void submit(true)} isDisabled={running}>
            Save without testing
          </Button>
          <Button variant="primary" type="submit" form="add-account-form" isDisabled={running}>
            {running ? 'Testing…' : 'Test and save'}
          </Button>
        </>
      }
    >
      <div onKeyDown={onKeyDown} className="flex flex-col gap-4">
        <div className="grid grid-cols-[minmax(0,1fr)_200px] gap-5">
          <form
            id="add-account-form"
            aria-label={`${preset.name} account`}
            onSubmit={(event) => {
              event.preventDefault();
              void submit(false);
            }}
          >
            <AccountFields
              form={form}
              preset={preset}
              update={update}
              problems={problems}
              advanced={advanced || Boolean(form.caFile || form.insecure || form.plainHttp)}
              onAdvancedChange={setAdvanced}
            />
          </form>
          <ProviderHelp provider={preset} />
        </div>
        <CommandBlock command={loginCommand(form, preset)} label="the same login in a terminal" />
        {usage ? (
          <Banner tone="danger" title="The account is not complete">
            {usage}
          </Banner>
        ) : null}
        <div ref={results} className="flex flex-col gap-2">
          {run.state !== 'idle' ? (
            <ChecklistView
              steps={checklist(run, ctx)}
              failedRun={run.state === 'failed'}
              actions={
                run.state === 'failed' ? (
                  <FixActions
                    error={run.error}
                    form={form}
                    preset={preset}
                    update={update}
                    retry={(patch) => void submit(false, patch)}
                    showAdvanced={() => setAdvanced(true)}
                    onClose={onClose}
                  />
                ) : undefined
              }
            />
          ) : null}
          {run.state === 'failed' ? (
            <p role="alert" className="m-0 font-medium text-danger">
              Nothing was saved.<span className="sr-only"> {run.error.message}</span>
            </p>
          ) : null}
        </div>
      </div>
    </Sheet>
  );
}
