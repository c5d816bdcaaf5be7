package dev.custodian.crm.core.access.port.in;

import dev.custodian.crm.core.access.Actor;

/**
 * Use case: who an API key is. A key works while it is not revoked and its creator is still a
 * member of its workspace; each use is recorded, at most once a minute.
 */
@FunctionalInterface
public interface AuthenticateApiKeyUseCase {

  /** @throws dev.custodian.crm.core.common.error.UnauthenticatedException for any key that does not work */
  Actor.ApiKey authenticate(String token);
}
