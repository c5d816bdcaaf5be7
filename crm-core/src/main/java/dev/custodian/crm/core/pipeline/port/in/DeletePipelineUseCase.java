package dev.custodian.crm.core.pipeline.port.in;

import dev.custodian.crm.core.access.Actor;

/** Use case: delete a pipeline and its stages. */
public interface DeletePipelineUseCase {

  /**
   * @throws dev.custodian.crm.core.common.error.NotFoundException for no such workspace or pipeline
   * @throws dev.custodian.crm.core.common.error.PreconditionFailedException when the expected
   *     version is stale
   * @throws dev.custodian.crm.core.common.error.ConflictException {@code IN_USE} for the default
   *     pipeline and the workspace's last one
   */
  void delete(Actor actor, DeletePipelineCommand command);
}
