package dev.custodian.crm.core.tenancy;

import java.util.Objects;
import java.util.UUID;

/** Identity of a workspace, the workspace that owns every CRM record. */
public record WorkspaceId(UUID value) {

  public WorkspaceId {
    Objects.requireNonNull(value, "value");
  }

  public static WorkspaceId of(UUID value) {
    return new WorkspaceId(value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
