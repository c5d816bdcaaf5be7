package dev.custodian.crm.core.privacy.port.out;

import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.privacy.ErasureReceipt;
import dev.custodian.crm.core.tenant.TenantId;

/** Out-port: stores erasure receipts. Scoped to the given workspace; joins the open transaction. */
public interface ErasureReceiptRepository {

  void insert(ErasureReceipt receipt);

  /** A page of the workspace's receipts, oldest first: erasure time, then id in uuid order. */
  Page<ErasureReceipt> list(TenantId tenant, PageRequest page);
}
