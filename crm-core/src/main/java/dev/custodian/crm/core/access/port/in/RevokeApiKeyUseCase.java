package dev.custodian.crm.core.access.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.ApiKeyId;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/** Use case: revoke an API key at once (ADMIN and up). */
@FunctionalInterface
public interface RevokeApiKeyUseCase {

  /** @throws dev.custodian.crm.core.common.error.NotFoundException for no such key that is not revoked */
  void revoke(Actor actor, WorkspaceId workspace, ApiKeyId key);
}
