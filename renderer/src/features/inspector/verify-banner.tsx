import { useShallow } from 'zustand/react/shallow';
import type { KeyItem } from '../../store/domain.js';
import { useSifportStore } from '../../store/store.js';
import { Banner } from '../../ui/banner.js';
import { Button } from '../../ui/button.js';
import { formatAbsolute } from '../../ui/format.js';
import { ProgressBar } from '../../ui/progress-bar.js';
import { SignersSummary } from '../sif-report/signers-summary.js';
import { keyIdOf, VERDICT_WORDS, type SifReport } from '../sif-report/signers.js';
import { useFormatters } from '../settings/use-formatters.js';

/** What `sif:verify` said, one line per signature with its verdict in words. */
function VerifyResult() {
  const verification = useSifportStore((s) => s.verification);
  const openKeyImport = useSifportStore((s) => s.openKeyImport);
  if (!verification || verification.status === 'running') return null;
  if (verification.status === 'failed') {
    const noKeys = verification.error?.code === 'NOT_FOUND';
    return (
      <Banner
        tone={noKeys ? 'warning' : 'danger'}
        title={noKeys ? 'Nothing to verify with' : 'Could not verify'}
        actions={
          noKeys ? (
            <Button small onPress={() => openKeyImport()}>
              Import key…
            </Button>
          ) : undefined
        }
      >
        {verification.error?.message}
      </Banner>
    );
  }
  const result = verification.result!;
  return (
    <Banner
      tone={result.ok ? 'success' : 'danger'}
      title={result.ok ? 'Verified' : 'Does not verify'}
    >
      <p className="m-0">{result.message}</p>
      <ul className="m-0 mt-1 list-none p-0">
        {result.report.signatures.map((sig) => {
          const words = VERDICT_WORDS[sig.verdict];
          const by = sig.signer?.userId ?? (sig.fingerprint ? keyIdOf(sig.fingerprint) : 'no key');
          return (
            <li key={sig.id}>
              {`Signature ${sig.id} (${sig.linkedIsGroup ? 'group' : 'object'} ${sig.linkedId}) by ${by}: `}
              <strong className={words.ok ? 'text-success' : 'text-danger'}>{words.text}</strong>
              {sig.signedAt ? `, signed ${formatAbsolute(sig.signedAt * 1000)}` : ''}
            </li>
          );
        })}
      </ul>
    </Banner>
  );
}

/**
 * The inspector's signature banner (UI.md S11): "Unsigned" or "Signed by N — …" with
 * Verify, which reads the whole image (shown while it runs), then each signature's verdict.
 */
export function VerifyBanner({
  report,
  keys,
  size,
}: {
  report: SifReport;
  keys: readonly KeyItem[];
  size: number;
}) {
  const f = useFormatters();
  const { verification, verify } = useSifportStore(
    useShallow((s) => ({ verification: s.verification, verify: s.verifyInspected })),
  );
  const running = verification?.status === 'running';
  const checks =
    verification?.status === 'done' ? verification.result?.report.signatures : undefined;
  return (
    <div className="flex flex-col gap-2 border-b border-line px-4 py-3">
      <SignersSummary
        report={report}
        keys={keys}
        checks={checks}
        actions={
          report.signatures.length > 0 ? (
            <Button small variant="primary" onPress={() => void verify()} isDisabled={running}>
              {running ? 'Verifying…' : verification?.status === 'done' ? 'Verify again' : 'Verify'}
            </Button>
          ) : null
        }
      />
      {running ? (
        <div className="flex flex-col gap-1">
          <span className="text-sm text-muted">
            Verifying: reading all {f.bytes(size)} of the image to check every signed object…
          </span>
          <ProgressBar label="Verifying the signatures" />
        </div>
      ) : null}
      <VerifyResult />
    </div>
  );
}
