package dev.custodian.crm.core.workspace.port.in;

import java.util.Objects;

/** The workspace feature's in-ports, handed out together (to an adapter, or to an embedder). */
public record WorkspaceUseCases(CreateWorkspaceUseCase create, GetWorkspaceUseCase get, ListWorkspacesUseCase list,
    CancelWorkspaceUseCase cancel, ReactivateWorkspaceUseCase reactivate, DeleteWorkspaceNowUseCase deleteNow) {

  public WorkspaceUseCases {
    Objects.requireNonNull(cancel, "cancel");
    Objects.requireNonNull(reactivate, "reactivate");
    Objects.requireNonNull(deleteNow, "deleteNow");
    Objects.requireNonNull(create, "create");
    Objects.requireNonNull(get, "get");
    Objects.requireNonNull(list, "list");
  }
}
