package dev.custodian.crm.persistence.tenant;

import dev.custodian.crm.core.common.port.out.Transactions;
import dev.custodian.crm.core.tenant.AbstractWorkspaceRepositoryContractTest;
import dev.custodian.crm.core.tenant.port.out.WorkspaceRepository;
import dev.custodian.crm.persistence.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class JooqWorkspaceRepositoryTest extends AbstractWorkspaceRepositoryContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Override
  protected Transactions transactions() {
    return db.persistence().transactions();
  }

  @Override
  protected WorkspaceRepository workspaces() {
    return db.persistence().workspaces();
  }
}
