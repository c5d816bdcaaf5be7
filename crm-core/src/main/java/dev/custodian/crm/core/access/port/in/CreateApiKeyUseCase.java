package dev.custodian.crm.core.access.port.in;

import dev.custodian.crm.core.access.Actor;

/** Use case: make an API key of a workspace (ADMIN and up, signed in; its role never above the creator's). */
@FunctionalInterface
public interface CreateApiKeyUseCase {

  /** @throws dev.custodian.crm.core.common.error.ForbiddenException for a role above the creator's */
  CreatedApiKey create(Actor actor, CreateApiKeyCommand command);
}
