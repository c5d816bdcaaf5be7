package dev.custodian.crm.core.access.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.WorkspaceApiKey;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.tenancy.PageQuery;

/** Use case: walk a workspace's API keys that are not revoked (ADMIN and up), never the keys themselves. */
@FunctionalInterface
public interface ListApiKeysUseCase {

  Page<WorkspaceApiKey> list(Actor actor, PageQuery query);
}
