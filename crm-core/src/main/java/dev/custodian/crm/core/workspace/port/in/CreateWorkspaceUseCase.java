package dev.custodian.crm.core.workspace.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.workspace.Workspace;

/** Use case: open a new workspace. */
public interface CreateWorkspaceUseCase {

  /**
   * Creates an active workspace whose one member is the actor, as its OWNER, with what its
   * {@link dev.custodian.crm.core.workspace.WorkspaceInitializer}s store (the library's: the default
   * pipeline), all in one transaction. An explicit slug that is taken is a conflict; a derived slug
   * gets a short suffix when taken or too short.
   *
   * @throws dev.custodian.crm.core.common.error.ConflictException of kind {@code DUPLICATE}
   */
  Workspace create(Actor actor, CreateWorkspaceCommand command);
}
