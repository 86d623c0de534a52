/** Node's codes for a connection that never carried an answer. */
const NETWORK_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'REQUEST_SEND_ERROR']);

/**
 * An ARM action (`Microsoft.Network/virtualNetworks/subnets/read`, which Reader grants), or, for another service
 * (the account's Batch service API), the access it needs said in words and the service's name.
 */
export type Permission = string | { access: string; service: string };

/** Why a live request failed, in words a user can act on; never the request's token or headers. */
export function describeFailure(error: unknown, permission: Permission): string {
  const failure = error as { name?: string; statusCode?: number; code?: string; message?: string };
  if (failure.name === 'AbortError' || failure.name === 'TimeoutError') return 'Azure did not answer in time';
  const service = typeof permission === 'string' ? 'Azure Resource Manager' : permission.service;
  if (failure.statusCode === 401 && typeof permission !== 'string') return `401: ${service} did not accept the sign-in (${failure.code ?? 'Unauthorized'})`;
  if (failure.statusCode === 401 || failure.name === 'CredentialUnavailableError' || failure.name === 'AuthenticationRequiredError') {
    return 'no Azure credentials (sign in with az login, or run azure/login in CI)';
  }
  if (failure.statusCode === 403) {
    const lacking = typeof permission === 'string' ? `${permission} (Reader on the resource is enough)` : permission.access;
    return `403 ${failure.code ?? 'Forbidden'}: the identity lacks ${lacking}`;
  }
  if (failure.statusCode === 404) return `404 ${failure.code ?? 'NotFound'}: the resource does not exist, or the identity cannot see it`;
  if (failure.statusCode === 429) return '429 throttled by Azure, still after retries';
  if (failure.code === 'PARSE_ERROR') return `Azure's answer (${failure.statusCode ?? 'no status'}) was not valid JSON`;
  if (failure.statusCode !== undefined) return `${failure.statusCode} ${failure.code ?? ''}`.trim();
  if (failure.code && NETWORK_ERROR_CODES.has(failure.code)) return `could not reach ${service} (${failure.message ?? failure.code})`;
  return failure.message ?? String(error);
}
