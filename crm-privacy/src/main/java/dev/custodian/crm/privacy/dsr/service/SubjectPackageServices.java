package dev.custodian.crm.privacy.dsr.service;

import dev.custodian.crm.core.Persistence;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.port.out.TokenGenerator;
import dev.custodian.crm.core.dsr.port.out.PackageStore;
import dev.custodian.crm.core.erasure.SubjectDataParticipant;
import dev.custodian.crm.core.throttle.service.Throttle;
import dev.custodian.crm.privacy.dsr.port.in.SubjectPackageUseCases;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Factory: the data-subject packages' services over the persistence's stores. */
public final class SubjectPackageServices {

  private SubjectPackageServices() {}

  /**
   * @param others participants of further stores, after the library's own (the data-subject
   *     requests' own store, {@code requests}, joins here with that feature)
   * @param ttl how long a package waits for its download ({@code CRM_DSR_DOWNLOAD_TTL}, 7 days by default)
   * @param throttle counts failed downloads per client IP
   */
  public static SubjectPackageUseCases create(Persistence p, PackageStore store, WorkspaceTransactions audited,
      List<SubjectDataParticipant> others, IdGenerator ids, TokenGenerator tokens, Clock clock, Duration ttl,
      Throttle throttle) {
    List<SubjectDataParticipant> participants = new ArrayList<>(SubjectDataParticipants.standard(p.companies(),
        p.deals(), p.timelines(), p.activities(), p.tasks(), p.customValues(), p.consentLedger()));
    participants.addAll(others);
    return new SubjectPackageUseCases(
        new SubjectPackagerService(p.contacts(), p.purposes(), participants, store, ids, tokens, clock, ttl,
            SubjectPackagerService.DEFAULT_CHUNK_SIZE),
        new PackageDownloadService(p.transactions(), audited, store, clock, throttle),
        participants);
  }
}
