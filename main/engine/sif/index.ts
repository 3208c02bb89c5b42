// The SIF engine's public surface: format (spec part A), integrity (part B), inspect.

export { MemoryByteSource, readExact } from './byte-source.js';
export type { ByteSource, ByteTarget } from './byte-source.js';
export { openFileSource, openFileTarget } from './file-source.js';
export type { FileByteSource, FileByteTarget } from './file-source.js';
export { SifError, isSifError, sifErrorToInfo } from './errors.js';
export type { SifErrorCode } from './errors.js';

export { DataType, FsType, HashType, PartType, archCode, archName, dataTypeName } from './codes.js';
export { isSif, readSifHeader } from './header.js';
export type { SifHeader } from './header.js';
export type {
  CryptoMessageInfo,
  DescriptorDetails,
  OciInfo,
  PartitionInfo,
  SbomInfo,
  SifDescriptor,
  SignatureInfo,
} from './descriptor.js';
export { DEFAULT_MAX_DESCRIPTORS, loadSif } from './load.js';
export type { LoadOptions, SifImage } from './load.js';
export { GROUP_MARKER, UNSET_TIME } from './layout.js';
export { readChunks, readObject } from './objects.js';
export type { ByteRange } from './objects.js';
export {
  findObject,
  groupIds,
  groupObjects,
  primaryPartition,
  signatureObjects,
} from './select.js';
export { formatHeader, formatInfo, formatList, typeLabel } from './siftool-format.js';

export { APPTAINER_LAUNCH_SCRIPT, createEmptySif } from './create.js';
export type { CreateOptions } from './create.js';
export { appendObject, removeObject } from './write.js';
export type { NewObject, RemoveOptions } from './write.js';

export {
  fingerprintOf,
  normalizeFingerprint,
  readPublicKeys,
  unlockPrivateKey,
} from './pgp-keys.js';
export type { KeyMaterial } from './pgp-keys.js';
export type { HashProgress } from './digest.js';
export type { SignatureHash } from './pgp-sign.js';
export { signSif } from './sign.js';
export type { AddedSignature, SignOptions } from './sign.js';
export { removeSignatures } from './remove-signatures.js';
export type { RemoveSignaturesOptions } from './remove-signatures.js';
export { verifyImage, verifySif } from './verify.js';
export type { VerifyOptions } from './verify.js';
export type {
  ObjectCheck,
  SignatureResult,
  TaskResult,
  Verdict,
  VerifyReport,
} from './verify-types.js';
export type { SignatureFormat } from './cleartext.js';

export { inspectImage, inspectSif } from './inspect.js';
export type { InspectReport, PartitionSummary, SignatureSummary } from './inspect.js';
export type { ContainerMetadata } from './inspect-metadata.js';
