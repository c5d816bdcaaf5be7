package dev.custodian.crm.core.pipeline.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.pipeline.Pipeline;
import dev.custodian.crm.core.pipeline.PipelineId;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/** Use case: read one pipeline of a workspace, with its stages. */
public interface GetPipelineUseCase {

  /** @throws dev.custodian.crm.core.common.error.NotFoundException for no such workspace or pipeline */
  Pipeline get(Actor actor, WorkspaceId workspace, PipelineId id);
}
