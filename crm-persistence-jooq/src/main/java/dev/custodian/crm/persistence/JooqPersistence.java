package dev.custodian.crm.persistence;

import dev.custodian.crm.core.common.port.out.Transactions;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.tenant.port.out.WorkspaceRepository;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.contact.JooqContactRepository;
import dev.custodian.crm.persistence.tenant.JooqWorkspaceRepository;
import javax.sql.DataSource;

/**
 * Persistence adapter, the entry point: every out-port of crm-core that lives in PostgreSQL, over
 * one data source that connects as the application role ({@code crm_app}).
 */
public final class JooqPersistence {

  private final JooqTransactions transactions;
  private final WorkspaceRepository workspaces;
  private final ContactRepository contacts;

  private JooqPersistence(DataSource appDataSource) {
    this.transactions = new JooqTransactions(appDataSource);
    this.workspaces = new JooqWorkspaceRepository(transactions);
    this.contacts = new JooqContactRepository(transactions);
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
}
