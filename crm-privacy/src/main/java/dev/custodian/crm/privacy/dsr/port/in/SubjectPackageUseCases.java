package dev.custodian.crm.privacy.dsr.port.in;

import dev.custodian.crm.core.dsr.port.out.SubjectPackager;
import dev.custodian.crm.core.erasure.SubjectDataParticipant;
import java.util.List;
import java.util.Objects;

/**
 * The data-subject packages, together: the packager an ACCESS or PORTABILITY request's execution
 * calls, the one-time download, and the participants that fill a package. A package not
 * downloaded goes at its expiry, as a step of the retention engine.
 */
public record SubjectPackageUseCases(SubjectPackager packager, DownloadPackageUseCase download,
    List<SubjectDataParticipant> participants) {

  public SubjectPackageUseCases {
    Objects.requireNonNull(packager, "packager");
    Objects.requireNonNull(download, "download");
    participants = List.copyOf(participants);
  }
}
