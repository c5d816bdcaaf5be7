package dev.custodian.crm.core.session.port.in;

import dev.custodian.crm.core.audit.ClientInfo;

/** Use case: end the session a token belongs to; nothing happens for a token that lets no one in. */
@FunctionalInterface
public interface SignOutUseCase {

  void signOut(String token);

  /** As {@link #signOut(String)}, recording where the request came from in the sign-out's audit entry. */
  default void signOut(String token, ClientInfo client) {
    signOut(token);
  }
}
