import { ErrorCode } from '../../../shared/error-codes';
import { AppError } from '../errors/app-error';
import { describeNetworkCode, isTlsCode, networkFailureOf, type NetworkFailure } from './network-failure';

/** Shown when the host is unknown: the two hosts every Microsoft call goes to. */
const MICROSOFT_HOSTS = 'login.microsoftonline.com / graph.microsoft.com';

/**
 * A request that got no answer as an error the admin can act on: which host, why in words, and the
 * cause code (ECONNREFUSED...) as the reference, never a JavaScript class name such as "TypeError".
 */
export function explainNetworkFailure(failure: NetworkFailure): { cause: string; fix: string } {
  const microsoft = failure.microsoft !== false;
  const where = microsoft ? `Microsoft (${failure.host ?? MICROSOFT_HOSTS})` : (failure.host ?? 'the server');
  const fix = isTlsCode(failure.code)
    ? 'A proxy or security product may be inspecting HTTPS on this network: allow the host, or try another network. Your cached data is still shown.'
    : microsoft
      ? 'Check the network or VPN, then try again. Your cached data is still shown, with its age.'
      : 'Check the network or VPN and that the address is right, then try again.';
  return { cause: `Can't reach ${where}: ${describeNetworkCode(failure.code)} (${failure.code}).`, fix };
}

export function networkUnreachable(failure: NetworkFailure, cause?: unknown): AppError {
  const { cause: message, fix } = explainNetworkFailure(failure);
  return new AppError(ErrorCode.NetworkUnreachable, message, {
    fix,
    cause,
    details: { networkCode: failure.code, ...(failure.host ? { host: failure.host } : {}) },
  });
}

/** The AppError for `error` when it is a network failure, else undefined. */
export function asNetworkError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error.code === ErrorCode.NetworkUnreachable ? error : undefined;
  const failure = networkFailureOf(error);
  return failure ? networkUnreachable(failure, error) : undefined;
}
