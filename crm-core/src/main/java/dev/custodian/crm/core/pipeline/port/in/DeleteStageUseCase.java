package dev.custodian.crm.core.pipeline.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.pipeline.Pipeline;

/** Use case: delete a stage (a change of its pipeline: its version, its If-Match); the stages after it move up. */
public interface DeleteStageUseCase {

  /**
   * @return the pipeline as stored after the change
   * @throws dev.custodian.crm.core.common.error.NotFoundException for no such workspace, pipeline
   *     or stage of it
   * @throws dev.custodian.crm.core.common.error.PreconditionFailedException when the expected
   *     version is stale
   * @throws dev.custodian.crm.core.common.error.ConflictException {@code IN_USE} for the WON and
   *     the LOST stage and the last OPEN one
   */
  Pipeline delete(Actor actor, DeleteStageCommand command);
}
