package dev.custodian.crm.persistence.pipeline;

import dev.custodian.crm.core.pipeline.AbstractPipelineRepositoryContractTest;
import dev.custodian.crm.core.pipeline.port.out.PipelineRepository;
import dev.custodian.crm.persistence.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pipeline contract through the application role: queries and row-level security together. */
class JooqPipelineRepositoryTest extends AbstractPipelineRepositoryContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Override
  protected PipelineRepository pipelines() {
    return db.persistence().pipelines();
  }
}
