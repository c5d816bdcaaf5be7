package dev.custodian.crm.app.dsr;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.dsr.PrivacyDownloadApi;
import dev.custodian.crm.privacy.Custodian;
import dev.custodian.crm.privacy.dsr.port.in.SubjectPackageUseCases;

/**
 * Wiring: data-subject packages (issue 28, items 6 and 7), from {@link Custodian}, and the public
 * one-time download route. The expiry sweep runs in the retention job's rounds.
 */
public final class SubjectPackageModule extends AbstractModule {

  @Provides
  SubjectPackageUseCases useCases(Custodian custodian) {
    return custodian.subjectPackages();
  }

  @ProvidesIntoSet
  RouteGroup routes(SubjectPackageUseCases useCases) {
    return PrivacyDownloadApi.routes(useCases.download());
  }
}
