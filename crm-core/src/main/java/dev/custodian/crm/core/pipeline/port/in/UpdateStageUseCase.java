package dev.custodian.crm.core.pipeline.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.pipeline.Pipeline;

/** Use case: rename, re-weight or move a stage (a change of its pipeline: its version, its If-Match). */
public interface UpdateStageUseCase {

  /**
   * @return the pipeline as stored after the change
   * @throws dev.custodian.crm.core.common.error.NotFoundException for no such workspace, pipeline
   *     or stage of it
   * @throws dev.custodian.crm.core.common.error.PreconditionFailedException when the expected
   *     version is stale
   * @throws dev.custodian.crm.core.common.error.ValidationException ({@code name},
   *     {@code probability}, {@code position}) for a name another stage has, a WON stage's
   *     probability other than 100 or a LOST one's other than 0, a WON or LOST stage moved, or an
   *     OPEN stage moved past the OPEN stages' end
   */
  Pipeline update(Actor actor, UpdateStageCommand command);
}
