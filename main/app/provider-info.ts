import type { z } from 'zod';
import type { providerInfo } from '../../shared/accounts-contract.js';
import type { ProviderId, ProviderPreset } from '../engine/accounts/providers/providers.js';

/** A host to show as an example, for providers without one default registry. */
const HOST_HINTS: Readonly<Partial<Record<ProviderId, string>>> = {
  ecr: 'ACCOUNT.dkr.ecr.REGION.amazonaws.com',
  acr: 'NAME.azurecr.io',
  gcp: 'LOCATION-docker.pkg.dev',
  ocir: 'REGION.ocir.io',
  harbor: 'harbor.example.org',
  generic: 'registry.example.org[:PORT]',
};

/** A provider preset as the "Add account" form shows it (`providers:list`). */
export function providerInfoOf(preset: ProviderPreset): z.infer<typeof providerInfo> {
  return {
    id: preset.id,
    name: preset.name,
    hostHint: preset.defaultRegistry ?? HOST_HINTS[preset.id] ?? 'registry.example.org',
    defaultRegistry: preset.defaultRegistry,
    fixedUsername: preset.username,
    usernameHint: preset.usernameHint,
    secretHint: preset.secretHint,
    help: [...preset.help],
    tokenLifetimeMs: preset.tokenCommand?.lifetimeMs,
    tokenCommandNeeds: preset.tokenCommand ? [...preset.tokenCommand.needs] : undefined,
    listing: preset.listing,
    quirks: {
      maxChunkBytes: preset.quirks.maxChunkBytes,
      tagDelete: preset.quirks.tagDelete,
      repositoryMustExist: preset.quirks.repositoryMustExist,
      notes: [...preset.quirks.notes],
    },
  };
}
