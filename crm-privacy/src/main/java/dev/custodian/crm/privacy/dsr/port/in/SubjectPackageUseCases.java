package dev.custodian.crm.privacy.dsr.port.in;

import dev.custodian.crm.core.dsr.port.out.SubjectPackager;
import dev.custodian.crm.core.erasure.SubjectDataParticipant;
import java.util.List;
import java.util.Objects;

/**
 * The data-subject packages, together: the packager an ACCESS or PORTABILITY request's execution
 * calls, the one-time download, the expiry sweep, and the participants that fill a package.
 */
public record SubjectPackageUseCases(SubjectPackager packager, DownloadPackageUseCase download,
    SweepExpiredPackagesUseCase sweep, List<SubjectDataParticipant> participants) {

  public SubjectPackageUseCases {
    Objects.requireNonNull(packager, "packager");
    Objects.requireNonNull(download, "download");
    Objects.requireNonNull(sweep, "sweep");
    participants = List.copyOf(participants);
  }
}
