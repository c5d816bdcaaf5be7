package dev.custodian.crm.core.pipeline;

import dev.custodian.crm.core.pipeline.port.out.PipelineRepository;
import dev.custodian.crm.core.testing.InMemoryPorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class InMemoryPipelineRepositoryTest extends AbstractPipelineRepositoryContractTest {

  @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();

  @Override
  protected PipelineRepository pipelines() {
    return new InMemoryPipelineRepository(ports.transactions());
  }
}
