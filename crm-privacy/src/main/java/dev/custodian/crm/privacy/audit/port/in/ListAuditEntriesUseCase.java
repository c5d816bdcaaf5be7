package dev.custodian.crm.privacy.audit.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.audit.AuditFilter;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.OptionalLong;

/** Use case: a page of a workspace's audit chain, newest first (ADMIN). */
@FunctionalInterface
public interface ListAuditEntriesUseCase {

  /** @param below where the page starts: below this sequence (from the previous page); empty for the newest */
  AuditPage list(Actor actor, WorkspaceId workspace, AuditFilter filter, OptionalLong below, int limit);
}
