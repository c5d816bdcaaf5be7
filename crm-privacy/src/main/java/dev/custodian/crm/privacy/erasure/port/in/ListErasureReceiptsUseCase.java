package dev.custodian.crm.privacy.erasure.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.tenancy.PageQuery;
import dev.custodian.crm.core.erasure.ErasureReceipt;

/** Use case: walk a workspace's erasure receipts page by page, oldest first. */
@FunctionalInterface
public interface ListErasureReceiptsUseCase {

  /** @throws dev.custodian.crm.core.common.error.NotFoundException when the workspace does not exist */
  Page<ErasureReceipt> list(Actor actor, PageQuery query);
}
