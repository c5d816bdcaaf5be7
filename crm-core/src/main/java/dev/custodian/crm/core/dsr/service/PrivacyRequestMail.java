package dev.custodian.crm.core.dsr.service;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.dsr.DataSubjectRequest;
import dev.custodian.crm.core.dsr.DataSubjectRequestId;
import dev.custodian.crm.core.dsr.RequestState;
import dev.custodian.crm.core.dsr.RequestText;
import dev.custodian.crm.core.dsr.port.out.DataSubjectRequestRepository;
import dev.custodian.crm.core.dsr.port.out.SubjectPackager;
import dev.custodian.crm.core.mail.MailTemplate;
import dev.custodian.crm.core.mail.OutgoingMail;
import dev.custodian.crm.core.mail.QueuedMail;
import dev.custodian.crm.core.mail.port.out.SubjectMailResolver;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The resolvers of data-subject requests' mails: each reads the request (its subject) in the
 * workspace's transaction when the mail is sent, so the outbox row never holds an address; a
 * request scrubbed meanwhile (its subject erased) is mailed nothing, except the erasure's own
 * confirmation, whose address the request holds only until this mail takes it (DSR-15).
 */
final class PrivacyRequestMail implements SubjectMailResolver {

  private final MailTemplate template;
  private final DataSubjectRequestRepository requests;
  private final Optional<SubjectPackager> packager;

  private PrivacyRequestMail(MailTemplate template, DataSubjectRequestRepository requests,
      Optional<SubjectPackager> packager) {
    this.template = template;
    this.requests = Objects.requireNonNull(requests, "requests");
    this.packager = Objects.requireNonNull(packager, "packager");
  }

  /** The requests' mails; the completion mail's only with a packager, which mints its download token. */
  static List<SubjectMailResolver> all(DataSubjectRequestRepository requests, Optional<SubjectPackager> packager) {
    List<SubjectMailResolver> all = new ArrayList<>(List.of(
        new PrivacyRequestMail(MailTemplate.PRIVACY_REQUEST_EXTENDED, requests, Optional.empty()),
        new PrivacyRequestMail(MailTemplate.PRIVACY_REQUEST_REJECTED, requests, Optional.empty()),
        new PrivacyRequestMail(MailTemplate.PRIVACY_REQUEST_ERASED, requests, Optional.empty())));
    packager.ifPresent(p -> all.add(new PrivacyRequestMail(MailTemplate.PRIVACY_REQUEST_COMPLETED, requests,
        Optional.of(p))));
    return List.copyOf(all);
  }

  @Override
  public MailTemplate template() {
    return template;
  }

  @Override
  public Optional<OutgoingMail> resolve(WorkspaceId workspace, QueuedMail mail, URI publicUrl, Instant now) {
    DataSubjectRequestId id = DataSubjectRequestId.of(mail.subject().orElseThrow());
    if (template == MailTemplate.PRIVACY_REQUEST_ERASED) {
      return requests.takeConfirmationAddress(workspace, id).map(to -> template.render(to, publicUrl, Optional.empty()));
    }
    Optional<DataSubjectRequest> found = requests.find(workspace, id);
    if (found.isEmpty() || found.get().email().isEmpty()) {
      return Optional.empty();
    }
    DataSubjectRequest request = found.get();
    EmailAddress to = request.email().get();
    if (template == MailTemplate.PRIVACY_REQUEST_EXTENDED) {
      return request.extensionReason().map(reason -> template.renderWithDetail(to, publicUrl,
          "It will answer by " + request.dueAt() + ". The reason:\n\n" + reason.value()));
    }
    if (template == MailTemplate.PRIVACY_REQUEST_COMPLETED) {
      // A fresh token replaces any earlier one; none when the package is gone (downloaded, expired).
      UUID packageId = mail.about().orElseThrow();
      return packager.orElseThrow().issueDownloadToken(workspace, packageId)
          .map(token -> template.render(to, publicUrl, Optional.of(token)));
    }
    if (request.state() instanceof RequestState.Rejected rejected) {
      RequestText reason = rejected.reason();
      return Optional.of(template.renderWithDetail(to, publicUrl, reason.value()));
    }
    return Optional.empty();
  }

  /** A completion mail not delivered: its token is replaced by one nobody has, so no working link is lost. */
  @Override
  public void unsent(WorkspaceId workspace, QueuedMail mail, Instant now) {
    if (template == MailTemplate.PRIVACY_REQUEST_COMPLETED) {
      packager.orElseThrow().issueDownloadToken(workspace, mail.about().orElseThrow());
    }
  }
}
