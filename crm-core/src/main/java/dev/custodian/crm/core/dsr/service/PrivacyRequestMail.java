package dev.custodian.crm.core.dsr.service;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.dsr.DataSubjectRequest;
import dev.custodian.crm.core.dsr.DataSubjectRequestId;
import dev.custodian.crm.core.dsr.RequestState;
import dev.custodian.crm.core.dsr.RequestText;
import dev.custodian.crm.core.dsr.port.out.DataSubjectRequestRepository;
import dev.custodian.crm.core.mail.MailTemplate;
import dev.custodian.crm.core.mail.OutgoingMail;
import dev.custodian.crm.core.mail.QueuedMail;
import dev.custodian.crm.core.mail.port.out.SubjectMailResolver;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The resolvers of data-subject requests' mails: each reads the request (its subject) in the
 * workspace's transaction when the mail is sent, so the outbox row never holds an address; a
 * request scrubbed meanwhile (its subject erased) is mailed nothing, except the erasure's own
 * confirmation, whose address the request holds only until this mail takes it (DSR-15).
 */
final class PrivacyRequestMail implements SubjectMailResolver {

  private final MailTemplate template;
  private final DataSubjectRequestRepository requests;

  private PrivacyRequestMail(MailTemplate template, DataSubjectRequestRepository requests) {
    this.template = template;
    this.requests = Objects.requireNonNull(requests, "requests");
  }

  static List<SubjectMailResolver> all(DataSubjectRequestRepository requests) {
    return List.of(new PrivacyRequestMail(MailTemplate.PRIVACY_REQUEST_EXTENDED, requests),
        new PrivacyRequestMail(MailTemplate.PRIVACY_REQUEST_REJECTED, requests),
        new PrivacyRequestMail(MailTemplate.PRIVACY_REQUEST_ERASED, requests));
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
    if (request.state() instanceof RequestState.Rejected rejected) {
      RequestText reason = rejected.reason();
      return Optional.of(template.renderWithDetail(to, publicUrl, reason.value()));
    }
    return Optional.empty();
  }
}
