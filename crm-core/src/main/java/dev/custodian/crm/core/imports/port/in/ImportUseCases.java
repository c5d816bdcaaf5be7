package dev.custodian.crm.core.imports.port.in;

import java.util.Objects;

/** The import use cases of a workspace's members, together. */
public record ImportUseCases(StartImportUseCase start, GetImportUseCase get, ListImportsUseCase list,
    CancelImportUseCase cancel, ImportErrorsUseCase errors) {

  public ImportUseCases {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(get, "get");
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(cancel, "cancel");
    Objects.requireNonNull(errors, "errors");
  }
}
