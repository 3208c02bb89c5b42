import type { RequestOf } from '../../shared/contract.js';

/** Registry connection settings a request may carry (CA file, insecure TLS, plain HTTP). */
export type ConnectionOptions = Pick<
  RequestOf<'transfer:push'>,
  'caFile' | 'insecure' | 'plainHttp'
>;
