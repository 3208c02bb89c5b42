/** Media types of SIF artifacts and the manifests that carry them (oras.md §1.1). */
export const MEDIA_TYPES = {
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  sifConfig: 'application/vnd.sylabs.sif.config.v1+json',
  sifLayer: 'application/vnd.sylabs.sif.layer.v1.sif',
  /** Singularity ≤ 3.6 pushed this misspelt type; apptainer still accepts it. */
  sifLayerLegacy: 'appliciation/vnd.sylabs.sif.layer.tar',
} as const;

/** Every manifest type a pull understands, for the `Accept` header (oras.md §3.5). */
export const MANIFEST_ACCEPT = [
  MEDIA_TYPES.ociManifest,
  MEDIA_TYPES.ociIndex,
  MEDIA_TYPES.dockerManifest,
  MEDIA_TYPES.dockerManifestList,
].join(', ');

/** The two layer media types apptainer accepts as a SIF. */
export const SIF_LAYER_TYPES: ReadonlySet<string> = new Set([
  MEDIA_TYPES.sifLayer,
  MEDIA_TYPES.sifLayerLegacy,
]);

/** The two-byte config blob `{}` every apptainer push uploads. */
export const EMPTY_CONFIG = Buffer.from('{}');
/** sha256 of {@link EMPTY_CONFIG}. */
export const EMPTY_CONFIG_DIGEST =
  'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a';

/** Annotation holding the pushed file's base name. */
export const TITLE_ANNOTATION = 'org.opencontainers.image.title';
/** Annotation holding the creation time (apptainer main / `oci16` style). */
export const CREATED_ANNOTATION = 'org.opencontainers.image.created';
