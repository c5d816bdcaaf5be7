package dev.custodian.crm.http.imports;

import dev.custodian.crm.core.imports.port.in.ImportUseCases;
import dev.custodian.crm.http.RouteGroup;

/** HTTP adapter, the import feature's entry: its routes over its use cases. */
public final class ImportApi {

  private ImportApi() {}

  /**
   * @param maxBytes the largest file an upload may send ({@code CRM_IMPORT_MAX_BYTES}); past it, 413
   */
  public static RouteGroup routes(ImportUseCases useCases, long maxBytes) {
    return new ImportRoutes(useCases, maxBytes);
  }
}
