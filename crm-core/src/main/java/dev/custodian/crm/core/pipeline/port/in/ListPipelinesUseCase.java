package dev.custodian.crm.core.pipeline.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.pipeline.Pipeline;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.List;

/** Use case: every pipeline of a workspace with its stages, oldest first (a workspace has at most 50: no pages). */
@FunctionalInterface
public interface ListPipelinesUseCase {

  /** @throws dev.custodian.crm.core.common.error.NotFoundException when the workspace does not exist */
  List<Pipeline> list(Actor actor, WorkspaceId workspace);
}
