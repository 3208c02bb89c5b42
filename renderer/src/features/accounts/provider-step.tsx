import { ArrowRight } from 'lucide-react';
import { useEffect, useState } from 'react';
import { ListBox, ListBoxItem } from 'react-aria-components';
import { useSifportStore } from '../../store/store.js';
import type { ProviderId } from '../../store/domain.js';
import { Button } from '../../ui/button.js';
import { cx } from '../../ui/cx.js';
import { TextField } from '../../ui/field.js';
import { Monogram } from '../../ui/monogram.js';
import type { Detected } from './accounts-slice.js';

/** "AWS Elastic Container Registry, eu-west-1": the provider and what the host told. */
export function detectedText(name: string, detected: Detected): string {
  const parts = detected.parts ?? {};
  const detail = parts['region'] ?? parts['location'] ?? parts['name'];
  return detail ? `${name}, ${detail}` : `${name} at ${detected.registry}`;
}

/**
 * Step 1 of "Add account" (UI.md S2): paste a host or a reference and the provider is
 * detected as you type, or pick one of the ten provider tiles (arrow keys move between them).
 */
export function ProviderStep({
  initialInput,
  onChoose,
}: {
  initialInput: string;
  onChoose: (provider: ProviderId, detected?: Detected) => void;
}) {
  const providers = useSifportStore((s) => s.providers);
  const detectProvider = useSifportStore((s) => s.detectProvider);
  const [input, setInput] = useState(initialInput);
  const [detected, setDetected] = useState<Detected | undefined>();
  const text = input.trim();

  useEffect(() => {
    if (!text) return undefined;
    let live = true;
    const timer = setTimeout(() => {
      void detectProvider(text).then((answer) => {
        if (live) setDetected(answer.ok ? answer.value : undefined);
      });
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, detectProvider]);

  const found = text && detected ? detected : undefined;
  const foundName = providers.find((p) => p.id === found?.provider)?.name ?? '';
  return (
    <div className="flex flex-col gap-4">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (found) onChoose(found.provider, found);
        }}
        className="flex flex-col gap-2"
      >
        <TextField
          label="Paste host or reference"
          value={input}
          onChange={setInput}
          placeholder="ghcr.io/lab/app:1.0 or 123456789012.dkr.ecr.eu-west-1.amazonaws.com"
          mono
          autoFocus
        />
        <div className="flex min-h-7 items-center gap-2">
          <span role="status" className="min-w-0 flex-1 truncate">
            {found ? (
              <>
                Detected: <strong>{detectedText(foundName, found)}</strong>
                {found.namespace ? (
                  <span className="text-muted"> · namespace {found.namespace}</span>
                ) : null}
              </>
            ) : (
              <span className="text-sm text-muted">
                The provider, region and namespace are read from what you paste.
              </span>
            )}
          </span>
          {found ? (
            <Button type="submit" variant="primary" small>
              Continue
              <ArrowRight size={12} aria-hidden />
            </Button>
          ) : null}
        </div>
      </form>
      <div className="flex flex-col gap-2">
        <h3 id="provider-tiles" className="m-0 text-sm font-medium">
          Or choose a provider
        </h3>
        <ListBox
          aria-labelledby="provider-tiles"
          layout="grid"
          items={providers}
          onAction={(key) => onChoose(String(key) as ProviderId)}
          className="grid grid-cols-5 gap-2 outline-none"
        >
          {(provider) => (
            <ListBoxItem
              id={provider.id}
              textValue={provider.name}
              className={({ isFocusVisible }) =>
                cx(
                  'flex h-24 cursor-default flex-col items-center justify-center gap-2 rounded-lg border border-line bg-surface px-2 text-center text-sm outline-none hover:border-control hover:bg-hover',
                  isFocusVisible && 'outline-2 outline-accent',
                  found?.provider === provider.id && 'border-accent bg-accent-soft',
                )
              }
            >
              <Monogram provider={provider.id} large />
              <span className="leading-tight">{provider.name}</span>
            </ListBoxItem>
          )}
        </ListBox>
      </div>
    </div>
  );
}
