package dev.custodian.crm.core.workspace.port.in;

import java.util.Objects;

/** The workspace feature's in-ports, handed out together (to an adapter, or to an embedder). */
public record WorkspaceUseCases(CreateWorkspaceUseCase create, GetWorkspaceUseCase get, ListWorkspacesUseCase list) {

  public WorkspaceUseCases {
    Objects.requireNonNull(create, "create");
    Objects.requireNonNull(get, "get");
    Objects.requireNonNull(list, "list");
  }
}
