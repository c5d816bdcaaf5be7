package dev.custodian.crm.persistence.workspace;

import dev.custodian.crm.core.workspace.AbstractWorkspaceRepositoryContractTest;
import dev.custodian.crm.persistence.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The workspace contract on the jOOQ adapter; the repository under test is the fixture's own. */
class JooqWorkspaceRepositoryTest extends AbstractWorkspaceRepositoryContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();
}
