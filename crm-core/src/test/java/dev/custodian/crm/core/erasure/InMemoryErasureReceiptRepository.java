package dev.custodian.crm.core.erasure;

import dev.custodian.crm.core.common.InMemoryTenantRepository;
import dev.custodian.crm.core.common.InMemoryTenantTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.erasure.port.out.ErasureReceiptRepository;

/**
 * In-memory fake of {@link ErasureReceiptRepository}; passes the same contract as the jOOQ
 * adapter. Inserting and listing are all it does, so its table does all the work.
 */
public final class InMemoryErasureReceiptRepository
    extends InMemoryTenantRepository<ErasureReceiptId, ErasureReceipt> implements ErasureReceiptRepository {

  public InMemoryErasureReceiptRepository(InMemoryTransactions transactions) {
    super(InMemoryTenantTable.builder(transactions, ErasureReceipt::workspace, ErasureReceipt::id)
        .walkOrder(ErasureReceipt::erasedAt, r -> r.id().value())
        .build());
  }
}
