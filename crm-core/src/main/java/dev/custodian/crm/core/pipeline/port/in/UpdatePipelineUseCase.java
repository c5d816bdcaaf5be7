package dev.custodian.crm.core.pipeline.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.pipeline.Pipeline;

/** Use case: rename a pipeline or make it the default, unless someone else changed it first. */
public interface UpdatePipelineUseCase {

  /**
   * Making a pipeline the default makes the old default no longer one, in the same transaction;
   * the default stops being one only when another becomes it.
   *
   * @return the pipeline as stored after the change
   * @throws dev.custodian.crm.core.common.error.NotFoundException for no such workspace or pipeline
   * @throws dev.custodian.crm.core.common.error.PreconditionFailedException when the expected
   *     version is stale
   * @throws dev.custodian.crm.core.common.error.ValidationException ({@code isDefault}) when the
   *     default is asked to stop being one
   * @throws dev.custodian.crm.core.common.error.ConflictException {@code DUPLICATE} when the new
   *     name is taken
   */
  Pipeline update(Actor actor, UpdatePipelineCommand command);
}
