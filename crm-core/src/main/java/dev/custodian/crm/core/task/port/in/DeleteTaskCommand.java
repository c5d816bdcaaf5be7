package dev.custodian.crm.core.task.port.in;

import dev.custodian.crm.core.task.TaskId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Input of {@link TaskUseCases#delete()}.
 *
 * @param expectedVersion when given, the delete happens only if the task is still at it
 */
public record DeleteTaskCommand(WorkspaceId workspace, TaskId id, OptionalLong expectedVersion) {

  public DeleteTaskCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(expectedVersion, "expectedVersion");
  }
}
