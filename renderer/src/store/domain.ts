import type { EventOf, ResponseOf } from '../../../shared/contract.js';

/**
 * The contract's types under the names the window uses, in one place so features agree on
 * them without importing each other's slices.
 */

/** An account as listed (no secret ever reaches the renderer). */
export type AccountItem = ResponseOf<'accounts:list'>['accounts'][number];
/** How the host keeps secrets, stated honestly (S1 banner, S10 badge, S13). */
export type SecretStorageInfo = ResponseOf<'accounts:list'>['storage'];
/** A provider and its login ritual. */
export type ProviderItem = ResponseOf<'providers:list'>['providers'][number];
/** One of the providers Sifport knows. */
export type ProviderId = ProviderItem['id'];
/** One transfer as the drawer shows it: the queue's job view. */
export type TransferView = EventOf<'transfer:changed'>['job'];
/** A transfer's progress. */
export type TransferProgress = EventOf<'transfer:progress'>['progress'];
/** One row of the tag grid's details, or why it has none. */
export type TagDetails = ResponseOf<'registry:details'>['details'][number];
/** A manifest with its exact bytes. */
export type ManifestDocument = ResponseOf<'registry:manifest'>;
/** The remote SIF read by Range. */
export type RemotePeek = ResponseOf<'registry:peek'>;
/** A local SIF's inspect report. */
export type LocalInspect = ResponseOf<'sif:inspect'>;
/** A key of the keyring. */
export type KeyItem = ResponseOf<'keys:list'>['keys'][number];
