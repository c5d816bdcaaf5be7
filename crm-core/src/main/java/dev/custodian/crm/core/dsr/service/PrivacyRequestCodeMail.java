package dev.custodian.crm.core.dsr.service;

import dev.custodian.crm.core.dsr.DataSubjectRequest;
import dev.custodian.crm.core.dsr.DataSubjectRequestId;
import dev.custodian.crm.core.dsr.RequestState;
import dev.custodian.crm.core.dsr.port.out.DataSubjectRequestRepository;
import dev.custodian.crm.core.dsr.port.out.RequestCodeHasher;
import dev.custodian.crm.core.mail.MailTemplate;
import dev.custodian.crm.core.mail.OutgoingMail;
import dev.custodian.crm.core.mail.QueuedMail;
import dev.custodian.crm.core.mail.port.out.SubjectMailResolver;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Mail resolver of {@link MailTemplate#PRIVACY_REQUEST_CODE}: in the workspace's transaction, when
 * the mail is sent, draws a fresh 6-digit code, stores only its keyed hash with the request (valid
 * 10 minutes, replacing an older code) and renders it into the mail; so the code is never in the
 * outbox, nor in any table. Nothing for a request that is gone, no longer waits for its code, or
 * holds no address.
 */
final class PrivacyRequestCodeMail implements SubjectMailResolver {

  /** How long a mailed code works. */
  static final Duration VALIDITY = Duration.ofMinutes(10);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final DataSubjectRequestRepository requests;
  private final RequestCodeHasher codes;

  PrivacyRequestCodeMail(DataSubjectRequestRepository requests, RequestCodeHasher codes) {
    this.requests = Objects.requireNonNull(requests, "requests");
    this.codes = Objects.requireNonNull(codes, "codes");
  }

  @Override
  public MailTemplate template() {
    return MailTemplate.PRIVACY_REQUEST_CODE;
  }

  @Override
  public Optional<OutgoingMail> resolve(WorkspaceId workspace, QueuedMail mail, URI publicUrl, Instant now) {
    DataSubjectRequestId id = DataSubjectRequestId.of(mail.subject().orElseThrow());
    Optional<DataSubjectRequest> request = requests.findForUpdate(workspace, id)
        .filter(r -> r.state() instanceof RequestState.Received);
    if (request.isEmpty() || request.get().email().isEmpty()) {
      return Optional.empty();
    }
    String code = String.format("%06d", RANDOM.nextInt(1_000_000));
    requests.putCode(workspace, id, codes.hash(workspace, id, code), now.plus(VALIDITY));
    return Optional.of(template().renderWithDetail(request.get().email().get(), publicUrl, code));
  }

  @Override
  public void unsent(WorkspaceId workspace, QueuedMail mail, Instant now) {
    mail.subject().ifPresent(id -> requests.removeCode(workspace, DataSubjectRequestId.of(id)));
  }
}
