package dev.custodian.crm.persistence;

import dev.custodian.crm.core.common.port.out.Transactions;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.privacy.port.out.ErasureReceiptRepository;
import dev.custodian.crm.core.privacy.port.out.KeyCheckRepository;
import dev.custodian.crm.core.privacy.port.out.SuppressionEntryRepository;
import dev.custodian.crm.core.tenant.port.out.WorkspaceRepository;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.contact.JooqContactRepository;
import dev.custodian.crm.persistence.privacy.JooqErasureReceiptRepository;
import dev.custodian.crm.persistence.privacy.JooqKeyCheckRepository;
import dev.custodian.crm.persistence.privacy.JooqSuppressionEntryRepository;
import dev.custodian.crm.persistence.tenant.JooqWorkspaceRepository;
import javax.sql.DataSource;

/**
 * Persistence adapter, the entry point: every out-port of crm-core that lives in PostgreSQL, over
 * one data source that connects as the application role ({@code crm_app}). All of them share one
 * {@link Transactions}, so a use case that touches several is still one transaction.
 */
public final class JooqPersistence {

  private final JooqTransactions transactions;
  private final WorkspaceRepository workspaces;
  private final ContactRepository contacts;
  private final SuppressionEntryRepository suppressionEntries;
  private final ErasureReceiptRepository erasureReceipts;
  private final KeyCheckRepository keyChecks;

  private JooqPersistence(DataSource appDataSource) {
    this.transactions = new JooqTransactions(appDataSource);
    this.workspaces = new JooqWorkspaceRepository(transactions);
    this.contacts = new JooqContactRepository(transactions);
    this.suppressionEntries = new JooqSuppressionEntryRepository(transactions);
    this.erasureReceipts = new JooqErasureReceiptRepository(transactions);
    this.keyChecks = new JooqKeyCheckRepository(transactions);
  }

  public static JooqPersistence create(DataSource appDataSource) {
    return new JooqPersistence(appDataSource);
  }

  public Transactions transactions() {
    return transactions;
  }

  public WorkspaceRepository workspaces() {
    return workspaces;
  }

  public ContactRepository contacts() {
    return contacts;
  }

  public SuppressionEntryRepository suppressionEntries() {
    return suppressionEntries;
  }

  public ErasureReceiptRepository erasureReceipts() {
    return erasureReceipts;
  }

  public KeyCheckRepository keyChecks() {
    return keyChecks;
  }
}
