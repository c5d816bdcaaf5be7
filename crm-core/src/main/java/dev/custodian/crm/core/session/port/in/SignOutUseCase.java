package dev.custodian.crm.core.session.port.in;

/** Use case: end the session a token belongs to; nothing happens for a token that lets no one in. */
@FunctionalInterface
public interface SignOutUseCase {

  void signOut(String token);
}
