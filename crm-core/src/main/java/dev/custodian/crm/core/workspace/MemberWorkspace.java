package dev.custodian.crm.core.workspace;

import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.common.Timestamps;
import java.time.Instant;
import java.util.Objects;

/**
 * A workspace as one of its members sees it in their list: the workspace, their role in it, and
 * when they joined (the list's order).
 */
public record MemberWorkspace(Workspace workspace, Role role, Instant joinedAt) {

  public MemberWorkspace {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(role, "role");
    joinedAt = Timestamps.micros(Objects.requireNonNull(joinedAt, "joinedAt"));
  }
}
