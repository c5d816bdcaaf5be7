package dev.custodian.crm.core.pipeline.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.pipeline.Pipeline;

/** Use case: add a pipeline, with its stages, to a workspace. */
public interface CreatePipelineUseCase {

  /**
   * A workspace's first pipeline is its default whatever the command says.
   *
   * @throws dev.custodian.crm.core.common.error.NotFoundException when the workspace does not exist
   * @throws dev.custodian.crm.core.common.error.ConflictException {@code DUPLICATE} when the name
   *     is taken in the workspace (ignoring case), {@code LIMIT_REACHED} when the workspace has
   *     {@value Pipeline#MAX_PER_WORKSPACE} pipelines
   */
  Pipeline create(Actor actor, CreatePipelineCommand command);
}
