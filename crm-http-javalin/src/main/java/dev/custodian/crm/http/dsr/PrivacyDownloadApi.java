package dev.custodian.crm.http.dsr;

import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.privacy.dsr.port.in.DownloadPackageUseCase;

/** HTTP adapter, the data-subject packages' entry: the public download route over its use case. */
public final class PrivacyDownloadApi {

  private PrivacyDownloadApi() {}

  public static RouteGroup routes(DownloadPackageUseCase downloads) {
    return new PrivacyDownloadRoutes(downloads);
  }
}
