package dev.custodian.crm.persistence.pipeline;

import dev.custodian.crm.core.pipeline.AbstractPipelineRepositoryContractTest;
import dev.custodian.crm.core.pipeline.port.out.PipelineRepository;
import dev.custodian.crm.persistence.testing.TestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TEN-01, the first wall on its own: the pipeline contract through a role that BYPASSES row-level
 * security, so every workspace-scoping case passes only because the queries filter by themselves.
 */
@DisplayName("TEN-01: pipeline queries filter by workspace on their own (run as a BYPASSRLS role)")
class JooqPipelineRepositoryWithoutRowLevelSecurityTest extends AbstractPipelineRepositoryContractTest {

  @RegisterExtension static final TestDatabase db = TestDatabase.bypassingRowLevelSecurity();

  @Override
  protected PipelineRepository pipelines() {
    return db.persistence().pipelines();
  }
}
