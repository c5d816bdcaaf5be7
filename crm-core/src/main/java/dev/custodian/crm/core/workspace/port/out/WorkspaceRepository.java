package dev.custodian.crm.core.workspace.port.out;

import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.tenancy.WorkspaceDirectory;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.workspace.Slug;
import dev.custodian.crm.core.workspace.Workspace;
import java.util.Optional;

/**
 * Out-port: stores workspaces, platform-level records. Every method joins the caller's open
 * transaction and fails with {@link IllegalStateException} when none is open.
 */
public interface WorkspaceRepository extends WorkspaceDirectory {

  /**
   * Stores a new workspace.
   *
   * @throws ConflictException of kind {@code DUPLICATE} when its slug is taken
   */
  void insert(Workspace workspace);

  Optional<Workspace> findById(WorkspaceId id);

  boolean existsBySlug(Slug slug);

  @Override
  default boolean exists(WorkspaceId workspace) {
    return findById(workspace).isPresent();
  }
}
