package dev.custodian.crm.core.workspace;

import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.UUID;

/** Test data for workspaces: unique by default, so tests never collide in a shared database. */
public final class WorkspaceFixtures {

  private WorkspaceFixtures() {}

  public static Workspace aWorkspace() {
    UUID id = UUID.randomUUID();
    return Workspace.create(
        WorkspaceId.of(id),
        new WorkspaceName("Acme " + id),
        new Slug("acme-" + id.toString().substring(0, 8) + "-" + id.toString().substring(9, 13)),
        Instant.parse("2026-01-02T03:04:05.123456789Z"));
  }
}
