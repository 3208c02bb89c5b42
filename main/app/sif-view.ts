import type { z } from 'zod';
import type { inspectReport } from '../../shared/sif-contract.js';
import { asSifportError } from '../engine/sif-error.js';
import type { InspectReport } from '../engine/sif/index.js';

/** An inspect report as it crosses to the window. */
export type InspectReportView = z.infer<typeof inspectReport>;

/** The report without the objects' raw descriptor bytes (as `sifport inspect --json`). */
export function inspectReportView(report: InspectReport): InspectReportView {
  return {
    ...report,
    objects: report.objects.map(({ raw: _raw, ...object }) => object),
  } as InspectReportView;
}

/**
 * Runs `fn`, turning a SIF engine or key store error into the envelope's error (the shared
 * code, the fine one in `detail.sifCode`), as the CLI's `withSifErrors` does for its output.
 */
export async function withSifErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw asSifportError(err);
  }
}
