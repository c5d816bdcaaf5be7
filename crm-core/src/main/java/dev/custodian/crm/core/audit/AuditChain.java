package dev.custodian.crm.core.audit;

import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.Optional;

/** Which chain an entry belongs to: one workspace's (tenant-owned), or the platform's. */
public record AuditChain(Optional<WorkspaceId> workspace) {

  private static final AuditChain PLATFORM = new AuditChain(Optional.empty());

  public AuditChain {
    Objects.requireNonNull(workspace, "workspace");
  }

  public static AuditChain platform() {
    return PLATFORM;
  }

  public static AuditChain of(WorkspaceId workspace) {
    return new AuditChain(Optional.of(workspace));
  }

  public boolean isPlatform() {
    return workspace.isEmpty();
  }

  /** How the chain is named in the canonical encoding and in reports: {@code platform} or the workspace's id. */
  public String label() {
    return workspace.map(w -> w.value().toString()).orElse("platform");
  }

  @Override
  public String toString() {
    return "AuditChain[" + label() + "]";
  }
}
