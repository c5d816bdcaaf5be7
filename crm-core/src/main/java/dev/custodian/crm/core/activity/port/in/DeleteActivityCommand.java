package dev.custodian.crm.core.activity.port.in;

import dev.custodian.crm.core.activity.ActivityId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Input of {@link ActivityUseCases#delete()}.
 *
 * @param expectedVersion when given, the delete happens only if the activity is still at it
 */
public record DeleteActivityCommand(WorkspaceId workspace, ActivityId id, OptionalLong expectedVersion) {

  public DeleteActivityCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(expectedVersion, "expectedVersion");
  }
}
