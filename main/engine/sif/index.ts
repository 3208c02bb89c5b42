// The SIF engine's public surface: format (spec part A), integrity (part B), inspect.

export { MemoryByteSource, readExact } from './format/byte-source.js';
export type { ByteSource, ByteTarget } from './format/byte-source.js';
export { openFileSource, openFileTarget } from './format/file-source.js';
export type { FileByteSource, FileByteTarget } from './format/file-source.js';
export { SifError, describeCause, isSifError, sifErrorToInfo } from './format/errors.js';
export type { SifErrorCode } from './format/errors.js';

export {
  DataType,
  FsType,
  HashType,
  PartType,
  archCode,
  archName,
  dataTypeName,
} from './format/codes.js';
export { isSif, readSifHeader } from './format/header.js';
export type { SifHeader } from './format/header.js';
export type {
  CryptoMessageInfo,
  DescriptorDetails,
  OciInfo,
  PartitionInfo,
  SbomInfo,
  SifDescriptor,
  SignatureInfo,
} from './format/descriptor.js';
export { DEFAULT_MAX_DESCRIPTORS, loadSif } from './format/load.js';
export type { LoadOptions, SifImage } from './format/load.js';
export { GROUP_MARKER, UNSET_TIME } from './format/layout.js';
export { readChunks, readObject } from './format/objects.js';
export type { ByteRange } from './format/objects.js';
export {
  findObject,
  groupIds,
  groupObjects,
  primaryPartition,
  signatureObjects,
} from './format/select.js';
export { formatHeader, formatInfo, formatList, typeLabel } from './inspect/siftool-format.js';

export { APPTAINER_LAUNCH_SCRIPT, createEmptySif } from './format/create.js';
export type { CreateOptions } from './format/create.js';
export { appendObject, removeObject } from './format/write.js';
export type { NewObject, RemoveOptions } from './format/write.js';

export {
  fingerprintOf,
  normalizeFingerprint,
  primaryUserId,
  readKeys,
  readPublicKeys,
  unlockPrivateKey,
} from './integrity/pgp-keys.js';
export { loadOpenpgp } from './integrity/openpgp-loader.js';
export type { KeyMaterial } from './integrity/pgp-keys.js';
export type { HashProgress } from './integrity/digest.js';
export type { SignatureHash } from './integrity/pgp-sign.js';
export { signSif } from './integrity/sign.js';
export type { AddedSignature, SignOptions } from './integrity/sign.js';
export { removeSignatures } from './integrity/remove-signatures.js';
export type { RemoveSignaturesOptions } from './integrity/remove-signatures.js';
export { verifyImage, verifySif } from './integrity/verify.js';
export type { VerifyOptions } from './integrity/verify.js';
export type {
  ObjectCheck,
  SignatureResult,
  TaskResult,
  Verdict,
  VerifyReport,
} from './integrity/verify-types.js';
export type { SignatureFormat } from './integrity/cleartext.js';

export { inspectImage, inspectSif } from './inspect/inspect.js';
export type { InspectReport, PartitionSummary, SignatureSummary } from './inspect/inspect.js';
export type { ContainerMetadata } from './inspect/inspect-metadata.js';
