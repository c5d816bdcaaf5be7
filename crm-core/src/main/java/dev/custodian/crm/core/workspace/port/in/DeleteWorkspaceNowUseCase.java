package dev.custodian.crm.core.workspace.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.account.Password;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Map;

/** In-port: an OWNER deletes a workspace now, active or cancelled, confirming with their password (DSR-05). */
public interface DeleteWorkspaceNowUseCase {

  /**
   * Re-authenticates the OWNER, sets the workspace's {@code purgeAt} to now and purges it: its data
   * is gone, it is a PURGED tombstone and every route of it answers 404.
   *
   * @return the rows deleted, per table
   * @throws dev.custodian.crm.core.common.error.ForbiddenException for anyone but an OWNER, an API
   *     key, and (kind {@code REAUTHENTICATION_FAILED}) a wrong password, which changes nothing
   */
  Map<String, Long> deleteNow(Actor actor, WorkspaceId id, Password password, String clientIp);
}
