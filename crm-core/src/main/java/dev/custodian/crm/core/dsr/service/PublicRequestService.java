package dev.custodian.crm.core.dsr.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.InvalidTokenException;
import dev.custodian.crm.core.common.error.InvalidValueException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.validation.Uuids;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.consent.port.out.ConsentAddressHasher;
import dev.custodian.crm.core.consent.port.out.PurposeRepository;
import dev.custodian.crm.core.dsr.DataSubjectRequest;
import dev.custodian.crm.core.dsr.DataSubjectRequestId;
import dev.custodian.crm.core.dsr.RequestEvent;
import dev.custodian.crm.core.dsr.RequestEventKind;
import dev.custodian.crm.core.dsr.RequestState;
import dev.custodian.crm.core.dsr.RequestText;
import dev.custodian.crm.core.dsr.port.in.CreateRequestCommand;
import dev.custodian.crm.core.dsr.port.in.PublicRequestUseCase;
import dev.custodian.crm.core.dsr.port.out.DataSubjectRequestRepository.StoredCode;
import dev.custodian.crm.core.dsr.port.out.DataSubjectRequestRepository;
import dev.custodian.crm.core.dsr.port.out.RequestCodeHasher;
import dev.custodian.crm.core.mail.MailTemplate;
import dev.custodian.crm.core.mail.port.out.MailOutbox;
import dev.custodian.crm.core.suppression.port.out.SuppressionList;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.throttle.ThrottleKey;
import dev.custodian.crm.core.throttle.service.Throttle;
import dev.custodian.crm.core.workspace.port.out.WorkspaceRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Service: the public intake of data-subject requests (issue 28 item 3, DSR-12). An intake records
 * the request and queues its code's mail ({@link PrivacyRequestCodeMail} mints the code when it is
 * sent), without ever looking the address up among the contacts; a code moves the request to
 * {@code IDENTITY_VERIFIED} once. Each step runs as {@code ANONYMOUS} in the workspace's
 * transaction and is audited there.
 */
final class PublicRequestService implements PublicRequestUseCase {

  /** The throttle's scope of intakes and re-sends, per email address and per client address. */
  static final String INTAKE_SCOPE = "dsr-intake";
  /** The throttle's scope of failed codes, per client address. */
  static final String CODE_SCOPE = "dsr-code";
  /** Wrong codes that void the current one. */
  static final int MAX_FAILED_TRIES = 3;

  private static final Pattern CODE = Pattern.compile("[0-9]{6}");
  /** How the request's history names the person who took a step without an account. */
  private static final String ANONYMOUS = "anonymous";
  private static final RequestText VERIFIED_BY_CODE = new RequestText("The requester entered the code mailed to the address");

  private final Transactions transactions;
  private final WorkspaceTransactions audited;
  private final DataSubjectRequestRepository requests;
  private final PurposeRepository purposes;
  private final WorkspaceRepository workspaces;
  private final SuppressionList suppression;
  private final ConsentAddressHasher addresses;
  private final RequestCodeHasher codes;
  private final MailOutbox outbox;
  private final Throttle throttle;
  private final IdGenerator ids;
  private final Clock clock;

  PublicRequestService(Transactions transactions, WorkspaceTransactions audited, DataSubjectRequestRepository requests,
      PurposeRepository purposes, WorkspaceRepository workspaces, SuppressionList suppression,
      ConsentAddressHasher addresses, RequestCodeHasher codes, MailOutbox outbox, Throttle throttle, IdGenerator ids,
      Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.audited = Objects.requireNonNull(audited, "audited");
    this.requests = Objects.requireNonNull(requests, "requests");
    this.purposes = Objects.requireNonNull(purposes, "purposes");
    this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
    this.suppression = Objects.requireNonNull(suppression, "suppression");
    this.addresses = Objects.requireNonNull(addresses, "addresses");
    this.codes = Objects.requireNonNull(codes, "codes");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.throttle = Objects.requireNonNull(throttle, "throttle");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public DataSubjectRequestId submit(CreateRequestCommand command, String clientIp) {
    Objects.requireNonNull(command, "command");
    throttle.check(ThrottleKey.email(INTAKE_SCOPE, command.email().normalised()),
        ThrottleKey.clientIp(INTAKE_SCOPE, clientIp));
    WorkspaceId workspace = command.workspace();
    return transactions.inWorkspace(workspace, () -> {
      // An unknown workspace declared no purpose: its answer to a purpose is a real one's to an unknown purpose.
      List<FieldError> errors = new ArrayList<>();
      for (int i = 0; i < command.purposes().size(); i++) {
        PurposeKey key = command.purposes().get(i);
        if (purposes.find(workspace, key).isEmpty()) {
          errors.add(FieldError.field(FieldError.path("purposes", i), "is no purpose the workspace declared"));
        }
      }
      if (!errors.isEmpty()) {
        throw new ValidationException(errors);
      }
      DataSubjectRequestId id = DataSubjectRequestId.of(ids.newId());
      if (workspaces.findById(workspace).isEmpty()) {
        return id; // nothing stored, nothing mailed: the id never verifies
      }
      if (suppression.suppressed(workspace, Optional.of(command.email()), Optional.empty())
          .contains(SuppressionList.Identifier.EMAIL)) {
        throw new ConflictException(ConflictException.Kind.SUPPRESSED,
            "the email was erased at the person's request and is suppressed");
      }
      Instant now = Timestamps.now(clock);
      DataSubjectRequest request = DataSubjectRequest.create(workspace, id, command.type(), command.email(),
          addresses.hash(workspace, command.email()), command.californiaRequest(), command.corrections(),
          command.purposes(), now, now);
      requests.insert(request, event(request, RequestEventKind.RECEIVED, now));
      outbox.enqueueToSubject(MailTemplate.PRIVACY_REQUEST_CODE, workspace.value(), id.value(), Optional.empty(), now);
      audit(request, AuditAction.PRIVACY_REQUEST_RECEIVED);
      audit(request, AuditAction.PRIVACY_REQUEST_CODE_SENT);
      return id;
    });
  }

  @Override
  public void verify(WorkspaceId workspace, String requestId, String code, String clientIp) {
    Objects.requireNonNull(workspace, "workspace");
    // Every try counts per client address until it succeeds: guessing is slowed, people are not.
    ThrottleKey ip = ThrottleKey.clientIp(CODE_SCOPE, clientIp);
    throttle.check(ip);
    Optional<DataSubjectRequestId> id = parse(requestId);
    boolean verified = id.isPresent() && transactions.inWorkspace(workspace, () -> verifyIn(workspace, id.get(),
        code == null ? "" : code));
    if (!verified) {
      throw new InvalidTokenException(); // after the commit: a wrong try stays counted
    }
    throttle.release(ip);
  }

  /** In the workspace's transaction: the request locked first (as every step), then its code. */
  private boolean verifyIn(WorkspaceId workspace, DataSubjectRequestId id, String code) {
    Optional<DataSubjectRequest> current = requests.findForUpdate(workspace, id);
    Optional<StoredCode> stored = current.isEmpty() ? Optional.empty() : requests.findCodeForUpdate(workspace, id);
    if (stored.isEmpty()) {
      return false;
    }
    Instant now = Timestamps.now(clock);
    if (!now.isBefore(stored.get().expiresAt()) || !(current.get().state() instanceof RequestState.Received)) {
      requests.removeCode(workspace, id);
      return false;
    }
    String given = CODE.matcher(code).matches() ? codes.hash(workspace, id, code) : "";
    if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.US_ASCII),
        stored.get().codeHash().getBytes(StandardCharsets.US_ASCII))) {
      if (requests.failCode(workspace, id) >= MAX_FAILED_TRIES) {
        requests.removeCode(workspace, id);
      }
      return false;
    }
    requests.removeCode(workspace, id); // single use
    DataSubjectRequest request = current.get();
    DataSubjectRequest changed = request.verified(Optional.of(VERIFIED_BY_CODE), now);
    if (!requests.update(changed, request.version(), event(changed, RequestEventKind.VERIFIED, now))) {
      return false; // locked: cannot happen but for a broken adapter
    }
    audit(changed, AuditAction.PRIVACY_REQUEST_VERIFIED);
    return true;
  }

  @Override
  public void resend(WorkspaceId workspace, String requestId, String clientIp) {
    Objects.requireNonNull(workspace, "workspace");
    Optional<DataSubjectRequestId> parsed = parse(requestId);
    ThrottleKey ip = ThrottleKey.clientIp(INTAKE_SCOPE, clientIp);
    if (parsed.isEmpty()) {
      throttle.check(ip);
      throw new InvalidTokenException();
    }
    DataSubjectRequestId id = parsed.get();
    // A re-sent code counts as an intake of its address too: no address gets more mail by re-sends.
    Optional<String> address = transactions.inWorkspace(workspace, () -> requests.find(workspace, id)
        .flatMap(DataSubjectRequest::email).map(EmailAddress::normalised));
    throttle.check(address.map(email -> new ThrottleKey[] {ip, ThrottleKey.email(INTAKE_SCOPE, email)})
        .orElseGet(() -> new ThrottleKey[] {ip}));
    transactions.inWorkspace(workspace, () -> {
      Optional<DataSubjectRequest> found = requests.findForUpdate(workspace, id)
          .filter(r -> r.state() instanceof RequestState.Received && r.email().isPresent());
      if (found.isPresent()) {
        requests.removeCode(workspace, id);
        outbox.enqueueToSubject(MailTemplate.PRIVACY_REQUEST_CODE, workspace.value(), id.value(), Optional.empty(),
            Timestamps.now(clock));
        audit(found.get(), AuditAction.PRIVACY_REQUEST_CODE_SENT);
      }
      return null;
    });
  }

  private static Optional<DataSubjectRequestId> parse(String requestId) {
    if (requestId == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(DataSubjectRequestId.of(Uuids.parse(requestId)));
    } catch (InvalidValueException e) {
      return Optional.empty();
    }
  }

  private RequestEvent event(DataSubjectRequest request, RequestEventKind kind, Instant now) {
    return new RequestEvent(request.workspace(), ids.newId(), request.id(), kind, now, ANONYMOUS);
  }

  private void audit(DataSubjectRequest request, AuditAction action) {
    audited.audit(request.workspace(), Actor.ANONYMOUS, action, AuditTargetType.PRIVACY_REQUEST, request.id().value(),
        AuditDetails.none().withName(AuditDetails.Key.TYPE, request.type()));
  }
}
