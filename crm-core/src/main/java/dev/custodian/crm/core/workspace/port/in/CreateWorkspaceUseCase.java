package dev.custodian.crm.core.workspace.port.in;

import dev.custodian.crm.core.workspace.Workspace;

/** Use case: open a new workspace. */
public interface CreateWorkspaceUseCase {

  /**
   * Creates an active workspace. An explicit slug that is taken is a conflict; a derived slug
   * gets a short suffix when taken or too short.
   *
   * @throws dev.custodian.crm.core.common.error.ConflictException of kind {@code DUPLICATE}
   */
  Workspace create(CreateWorkspaceCommand command);
}
