package dev.custodian.crm.core.pipeline.port.in;

import dev.custodian.crm.core.access.Actor;

/** Use case: add an OPEN stage to a pipeline (a change of the pipeline: its version, its If-Match). */
public interface AddStageUseCase {

  /**
   * @return the pipeline as stored after the change, and the new stage
   * @throws dev.custodian.crm.core.common.error.NotFoundException for no such workspace or pipeline
   * @throws dev.custodian.crm.core.common.error.PreconditionFailedException when the expected
   *     version is stale
   * @throws dev.custodian.crm.core.common.error.ValidationException ({@code name}, {@code position})
   *     for a name another stage of the pipeline has, or a position past the OPEN stages' end
   * @throws dev.custodian.crm.core.common.error.ConflictException {@code LIMIT_REACHED} when the
   *     pipeline has {@value dev.custodian.crm.core.pipeline.Pipeline#MAX_STAGES} stages
   */
  StageAdded add(Actor actor, AddStageCommand command);
}
