package dev.custodian.crm.core.privacy;

import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.port.out.Transactions;
import dev.custodian.crm.core.privacy.port.out.ErasureReceiptRepository;
import dev.custodian.crm.core.privacy.port.out.KeyCheckRepository;
import dev.custodian.crm.core.privacy.port.out.SuppressionEntryRepository;
import dev.custodian.crm.core.tenant.InMemoryWorkspaceRepository;
import dev.custodian.crm.core.tenant.port.out.WorkspaceRepository;

class InMemoryErasureStoresTest extends AbstractErasureStoresContractTest {

  private final InMemoryTransactions transactions = new InMemoryTransactions();
  private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository(transactions);
  private final InMemorySuppressionEntryRepository entries = new InMemorySuppressionEntryRepository(transactions);
  private final InMemoryErasureReceiptRepository receiptStore = new InMemoryErasureReceiptRepository(transactions);
  private final InMemoryKeyCheckRepository keyCheckStore = new InMemoryKeyCheckRepository(transactions);

  @Override
  protected Transactions transactions() {
    return transactions;
  }

  @Override
  protected WorkspaceRepository workspaces() {
    return workspaces;
  }

  @Override
  protected SuppressionEntryRepository suppressionEntries() {
    return entries;
  }

  @Override
  protected ErasureReceiptRepository erasureReceipts() {
    return receiptStore;
  }

  @Override
  protected KeyCheckRepository keyChecks() {
    return keyCheckStore;
  }
}
