package dev.custodian.crm.core.workspace;

import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.common.Timestamps;
import java.time.Instant;
import java.util.Objects;

/** Aggregate: a workspace (workspace), the platform-level owner of every CRM record. */
public final class Workspace {

  private final WorkspaceId id;
  private final WorkspaceName name;
  private final Slug slug;
  private final WorkspaceStatus status;
  private final Instant createdAt;

  private Workspace(
      WorkspaceId id, WorkspaceName name, Slug slug, WorkspaceStatus status, Instant createdAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.name = Objects.requireNonNull(name, "name");
    this.slug = Objects.requireNonNull(slug, "slug");
    this.status = Objects.requireNonNull(status, "status");
    this.createdAt = Timestamps.micros(Objects.requireNonNull(createdAt, "createdAt"));
  }

  /** A new, active workspace. */
  public static Workspace create(WorkspaceId id, WorkspaceName name, Slug slug, Instant now) {
    return new Workspace(id, name, slug, WorkspaceStatus.ACTIVE, now);
  }

  /** Rebuilds a stored workspace; for persistence adapters only. */
  public static Workspace reconstitute(
      WorkspaceId id, WorkspaceName name, Slug slug, WorkspaceStatus status, Instant createdAt) {
    return new Workspace(id, name, slug, status, createdAt);
  }

  /**
   * This workspace cancelled at {@code now} (DSR-05); an already cancelled one stays as it is.
   *
   * @throws IllegalStateException for a purged workspace
   */
  public Workspace cancel(Instant now) {
    if (status instanceof WorkspaceStatus.Cancelled) {
      return this;
    }
    requireNotPurged();
    return new Workspace(id, name, slug, WorkspaceStatus.Cancelled.at(Timestamps.micros(now)), createdAt);
  }

  /** Whether a cancelled workspace may still be reactivated at {@code now} (before its purge is due). */
  public boolean reactivatableAt(Instant now) {
    return status instanceof WorkspaceStatus.Cancelled cancelled && !cancelled.purgeDueAt(now);
  }

  /** This workspace active again; an active one stays as it is. */
  public Workspace reactivate() {
    if (status instanceof WorkspaceStatus.Active) {
      return this;
    }
    requireNotPurged();
    return new Workspace(id, name, slug, WorkspaceStatus.ACTIVE, createdAt);
  }

  private void requireNotPurged() {
    if (status instanceof WorkspaceStatus.Purged) {
      throw new IllegalStateException("a purged workspace has no lifecycle left");
    }
  }

  public WorkspaceId id() {
    return id;
  }

  public WorkspaceName name() {
    return name;
  }

  public Slug slug() {
    return slug;
  }

  public WorkspaceStatus status() {
    return status;
  }

  public Instant createdAt() {
    return createdAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Workspace other
        && id.equals(other.id)
        && name.equals(other.name)
        && slug.equals(other.slug)
        && status.equals(other.status)
        && createdAt.equals(other.createdAt);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "Workspace[" + id + "]";
  }
}
