package dev.custodian.crm.privacy.erasure.service;

import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.erasure.ErasureReceipt;
import dev.custodian.crm.core.erasure.port.out.ErasureReceiptRepository;
import dev.custodian.crm.core.tenancy.WorkspaceTransactions;
import dev.custodian.crm.privacy.erasure.port.in.ListErasureReceiptsQuery;
import dev.custodian.crm.privacy.erasure.port.in.ListErasureReceiptsUseCase;
import java.util.Objects;

/** Service: one page of a workspace's erasure receipts, oldest first. */
public final class ListErasureReceiptsService implements ListErasureReceiptsUseCase {

  private final WorkspaceTransactions transactions;
  private final ErasureReceiptRepository receipts;

  public ListErasureReceiptsService(WorkspaceTransactions transactions, ErasureReceiptRepository receipts) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.receipts = Objects.requireNonNull(receipts, "receipts");
  }

  @Override
  public Page<ErasureReceipt> list(ListErasureReceiptsQuery query) {
    return transactions.inWorkspace(query.tenant(), () -> receipts.list(query.tenant(), query.page()));
  }
}
