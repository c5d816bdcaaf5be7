package dev.custodian.crm.core.access.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.InvitationId;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/** Use case: revoke a pending invitation, so its token no longer works (ADMIN and up). */
@FunctionalInterface
public interface RevokeInvitationUseCase {

  /** @throws dev.custodian.crm.core.common.error.NotFoundException for no such pending invitation */
  void revoke(Actor actor, WorkspaceId workspace, InvitationId invitation);
}
