package dev.custodian.crm.core.erasure.port.out;

import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.erasure.ErasureReceipt;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/** Out-port: stores erasure receipts. Scoped to the given workspace; joins the open transaction. */
public interface ErasureReceiptRepository {

  void insert(ErasureReceipt receipt);

  /** A page of the workspace's receipts, oldest first: erasure time, then id in uuid order. */
  Page<ErasureReceipt> list(WorkspaceId workspace, PageRequest page);
}
