import type { ReactNode } from 'react';
import { CircleCheck, CircleHelp, CircleX, KeyRound, ShieldOff } from 'lucide-react';
import { useSifportStore } from '../../store/store.js';
import type { KeyItem } from '../../store/domain.js';
import { Button } from '../../ui/button.js';
import {
  keyIdOf,
  keyName,
  signersOf,
  signerVerdict,
  VERDICT_WORDS,
  type SignatureCheck,
  type SifReport,
  type Signer,
} from './signers.js';

/** One signer: its name (or key ID), where the key is, and its verdict once verified. */
function SignerChip({
  signer,
  checks,
  onImport,
}: {
  signer: Signer;
  checks: readonly SignatureCheck[] | undefined;
  onImport: (fingerprint: string) => void;
}) {
  const verdict = checks ? signerVerdict(signer, checks) : undefined;
  const words = verdict ? VERDICT_WORDS[verdict] : undefined;
  const icon = words ? (
    words.ok ? (
      <CircleCheck size={14} aria-hidden className="text-success" />
    ) : (
      <CircleX size={14} aria-hidden className="text-danger" />
    )
  ) : signer.key ? (
    <KeyRound size={14} aria-hidden className="text-muted" />
  ) : (
    <CircleHelp size={14} aria-hidden className="text-warning" />
  );
  const id = signer.fingerprint ? keyIdOf(signer.fingerprint) : 'no fingerprint';
  return (
    <span className="inline-flex flex-wrap items-center gap-1" title={signer.fingerprint}>
      {icon}
      {signer.key ? (
        <>
          <span className="font-medium">{keyName(signer.key)}</span>
          <span className="text-muted">(in your keyring)</span>
        </>
      ) : (
        <>
          <span className="font-mono">{id}</span>
          <span className="text-muted">
            {signer.format === 'pgp' ? '(unknown key)' : `(${signer.format} signature)`}
          </span>
        </>
      )}
      {words ? (
        <span className={words.ok ? 'text-success' : 'text-danger'}>— {words.text}</span>
      ) : null}
      {!signer.key && signer.fingerprint ? (
        <Button small variant="ghost" onPress={() => onImport(signer.fingerprint!)}>
          Import key…
        </Button>
      ) : null}
    </span>
  );
}

/**
 * "Signed by 2 — Alice (in your keyring) · 0x9F3A… (unknown key) [Import key…]" (UI.md S6,
 * S11): who the signature objects name, matched to the keyring. Before a verify these are
 * claims; `checks` (from `sif:verify`) adds each signer's verdict in words.
 */
export function SignersSummary({
  report,
  keys,
  checks,
  actions,
}: {
  report: SifReport;
  keys: readonly KeyItem[];
  checks?: readonly SignatureCheck[];
  actions?: ReactNode;
}) {
  const openKeyImport = useSifportStore((s) => s.openKeyImport);
  const signers = signersOf(report, keys);
  return (
    <div role="group" aria-label="Signers" className="flex flex-wrap items-center gap-x-2 gap-y-1">
      {signers.length === 0 ? (
        <span className="inline-flex items-center gap-1.5 font-medium">
          <ShieldOff size={14} aria-hidden className="text-muted" />
          Unsigned
        </span>
      ) : (
        <>
          <span className="font-medium">
            {`Signed by ${signers.length}${checks ? '' : ' (not verified yet)'} —`}
          </span>
          {signers.map((signer, i) => (
            <span key={signer.fingerprint ?? `#${i}`} className="inline-flex items-center gap-2">
              {i > 0 ? (
                <span aria-hidden className="text-muted">
                  ·
                </span>
              ) : null}
              <SignerChip signer={signer} checks={checks} onImport={openKeyImport} />
            </span>
          ))}
        </>
      )}
      {actions ? <span className="ml-auto flex gap-2">{actions}</span> : null}
    </div>
  );
}
