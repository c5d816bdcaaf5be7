package dev.custodian.crm.privacy.dsr.service;

import dev.custodian.crm.core.Persistence;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.port.out.TokenGenerator;
import dev.custodian.crm.core.dsr.port.out.PackageStore;
import dev.custodian.crm.core.erasure.SubjectDataParticipant;
import dev.custodian.crm.privacy.dsr.port.in.SubjectPackageUseCases;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Factory: the data-subject packages' services over the persistence's stores. */
public final class SubjectPackageServices {

  private SubjectPackageServices() {}

  /**
   * @param ttl how long a package waits for its download ({@code CRM_DSR_DOWNLOAD_TTL}, 7 days by default)
   */
  public static SubjectPackageUseCases create(Persistence p, PackageStore store, WorkspaceTransactions audited,
      IdGenerator ids, TokenGenerator tokens, Clock clock, Duration ttl) {
    List<SubjectDataParticipant> participants = SubjectDataParticipants.standard(p.companies(), p.deals(),
        p.timelines(), p.activities(), p.tasks(), p.customValues(), p.consentLedger());
    return new SubjectPackageUseCases(
        new SubjectPackagerService(p.contacts(), p.purposes(), participants, store, ids, tokens, clock, ttl,
            SubjectPackagerService.DEFAULT_CHUNK_SIZE),
        new PackageDownloadService(p.transactions(), audited, store, clock),
        new ExpiredPackageSweep(p.transactions(), audited, store, clock),
        participants);
  }
}
