package dev.custodian.crm.core.erasure.port.out;

import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.erasure.ErasureReceipt;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/** Out-port: stores erasure receipts. Scoped to the given workspace; joins the open transaction. */
public interface ErasureReceiptRepository {

  void insert(ErasureReceipt receipt);

  /**
   * A page of the workspace's receipts, oldest first: erasure time, then id in PostgreSQL's uuid order
   * ({@link dev.custodian.crm.core.common.paging.UuidOrder#UNSIGNED}, not {@code UUID.compareTo}),
   * after the request's cursor; the contract walks it with ids on both sides of the sign bit.
   */
  Page<ErasureReceipt> list(WorkspaceId workspace, PageRequest page);
}
