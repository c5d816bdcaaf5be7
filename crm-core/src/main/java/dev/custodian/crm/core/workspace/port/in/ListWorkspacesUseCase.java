package dev.custodian.crm.core.workspace.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.workspace.MemberWorkspace;

/** Use case: walk the workspaces the actor is a member of, with their role, in the order they joined. */
@FunctionalInterface
public interface ListWorkspacesUseCase {

  Page<MemberWorkspace> list(Actor actor, PageRequest page);
}
