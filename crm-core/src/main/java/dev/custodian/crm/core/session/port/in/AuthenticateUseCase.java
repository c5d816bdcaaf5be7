package dev.custodian.crm.core.session.port.in;

/**
 * Use case: who holds a session token. A token older than the rotation age is replaced (its
 * replacement comes back in the answer); a replaced one still works for a short grace period,
 * minting nothing, and after it, its use revokes the whole session (ACC-07).
 */
@FunctionalInterface
public interface AuthenticateUseCase {

  /**
   * @throws dev.custodian.crm.core.common.error.UnauthenticatedException for a token that is not
   *     one, unknown, of an expired or revoked session, or replaced longer ago than the grace period
   */
  Authentication authenticate(String token);
}
