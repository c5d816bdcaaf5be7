package dev.custodian.crm.core.dsr;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.CrmException;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.consent.AddressHash;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Aggregate: a person's data-subject request to a workspace. Its deadline is 30 days from receipt
 * (DSR-09, California's the same; not paused while the identity is checked), extended at most once,
 * before that first deadline, to at most 45 days from receipt (DSR-10). Its steps go through its
 * {@link RequestState}; a step that does not apply is a {@link ConflictException} of kind
 * {@code INVALID_STATE}. After its subject's erasure only the address's keyed hash remains (the
 * consent ledger's), with the steps and their times.
 */
public final class DataSubjectRequest {

  /** How long a workspace has to answer (GDPR Art. 12(3); CCPA gives 45 days, the stricter applies). */
  public static final Duration RESPONSE_TIME = Duration.ofDays(30);
  /** The longest a deadline may be extended to, from receipt. */
  public static final Duration LONGEST_RESPONSE_TIME = Duration.ofDays(45);

  private final WorkspaceId workspace;
  private final DataSubjectRequestId id;
  private final RequestType type;
  private final Optional<EmailAddress> email;
  private final AddressHash address;
  private final boolean californiaRequest;
  private final Corrections corrections;
  private final List<PurposeKey> purposes;
  private final Instant receivedAt;
  private final Instant dueAt;
  private final Optional<Instant> extendedAt;
  private final Optional<RequestText> extensionReason;
  private final Optional<RequestText> note;
  private final RequestState state;
  private final Instant createdAt;
  private final Instant updatedAt;
  private final long version;

  private DataSubjectRequest(WorkspaceId workspace, DataSubjectRequestId id, RequestType type,
      Optional<EmailAddress> email, AddressHash address, boolean californiaRequest, Corrections corrections,
      List<PurposeKey> purposes, Instant receivedAt, Instant dueAt, Optional<Instant> extendedAt,
      Optional<RequestText> extensionReason, Optional<RequestText> note, RequestState state, Instant createdAt,
      Instant updatedAt, long version) {
    this.workspace = Objects.requireNonNull(workspace, "workspace");
    this.id = Objects.requireNonNull(id, "id");
    this.type = Objects.requireNonNull(type, "type");
    this.email = Objects.requireNonNull(email, "email");
    this.address = Objects.requireNonNull(address, "address");
    this.californiaRequest = californiaRequest;
    this.corrections = Objects.requireNonNull(corrections, "corrections");
    this.purposes = List.copyOf(purposes);
    this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
    this.dueAt = Objects.requireNonNull(dueAt, "dueAt");
    this.extendedAt = Objects.requireNonNull(extendedAt, "extendedAt");
    this.extensionReason = Objects.requireNonNull(extensionReason, "extensionReason");
    this.note = Objects.requireNonNull(note, "note");
    this.state = Objects.requireNonNull(state, "state");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    this.version = version;
    if (version < 1) {
      throw new IllegalArgumentException("version starts at 1");
    }
    if (dueAt.isAfter(receivedAt.plus(LONGEST_RESPONSE_TIME))) {
      throw new IllegalArgumentException("a request is due at most 45 days after its receipt");
    }
    if (type != RequestType.RECTIFICATION && !corrections.isEmpty()) {
      throw new IllegalArgumentException("only a rectification holds corrections");
    }
    if (!type.namesPurposes() && !this.purposes.isEmpty()) {
      throw new IllegalArgumentException("only an objection or a withdrawal names purposes");
    }
  }

  /** A new request, received at {@code receivedAt} (the clock starts then), due 30 days later. */
  public static DataSubjectRequest create(WorkspaceId workspace, DataSubjectRequestId id, RequestType type,
      EmailAddress email, AddressHash address, boolean californiaRequest, Corrections corrections,
      List<PurposeKey> purposes, Instant receivedAt, Instant now) {
    return new DataSubjectRequest(workspace, id, type, Optional.of(email), address, californiaRequest, corrections,
        purposes, receivedAt, receivedAt.plus(RESPONSE_TIME), Optional.empty(), Optional.empty(), Optional.empty(),
        new RequestState.Received(), now, now, 1);
  }

  /** For persistence adapters only: rebuilds a stored request without re-running creation rules. */
  public static DataSubjectRequest reconstitute(WorkspaceId workspace, DataSubjectRequestId id, RequestType type,
      Optional<EmailAddress> email, AddressHash address, boolean californiaRequest, Corrections corrections,
      List<PurposeKey> purposes, Instant receivedAt, Instant dueAt, Optional<Instant> extendedAt,
      Optional<RequestText> extensionReason, Optional<RequestText> note, RequestState state, Instant createdAt,
      Instant updatedAt, long version) {
    return new DataSubjectRequest(workspace, id, type, email, address, californiaRequest, corrections, purposes,
        receivedAt, dueAt, extendedAt, extensionReason, note, state, createdAt, updatedAt, version);
  }

  private DataSubjectRequest with(RequestState next, Instant dueAt, Optional<Instant> extendedAt,
      Optional<RequestText> extensionReason, Optional<RequestText> note, Instant now) {
    return new DataSubjectRequest(workspace, id, type, email, address, californiaRequest, corrections, purposes,
        receivedAt, dueAt, extendedAt, extensionReason, note, next, createdAt, now, version + 1);
  }

  private DataSubjectRequest inState(RequestState next, Instant now) {
    return with(next, dueAt, extendedAt, extensionReason, note, now);
  }

  private static ConflictException invalid(String step) {
    return new ConflictException(CrmException.Kind.INVALID_STATE, "this request cannot be " + step + " in its state");
  }

  /** The requester's identity was checked ({@code note}: how, for the record). */
  public DataSubjectRequest verified(Optional<RequestText> note, Instant now) {
    if (!(state instanceof RequestState.Received received)) {
      throw invalid("verified");
    }
    return with(received.verify(now), dueAt, extendedAt, extensionReason, note.or(() -> this.note), now);
  }

  public DataSubjectRequest started(Instant now) {
    if (!(state instanceof RequestState.IdentityVerified verified)) {
      throw invalid("started");
    }
    return inState(verified.start(now), now);
  }

  /** Executed: only a verified request (DSR-12). */
  public DataSubjectRequest completed(Instant now) {
    if (!(state instanceof RequestState.Verified verified)) {
      throw invalid("executed");
    }
    return inState(verified.complete(now), now);
  }

  public DataSubjectRequest rejected(RequestText reason, Instant now) {
    if (!(state instanceof RequestState.Open open)) {
      throw invalid("rejected");
    }
    return inState(open.reject(reason, now), now);
  }

  public DataSubjectRequest cancelled(Instant now) {
    if (!(state instanceof RequestState.Open open)) {
      throw invalid("cancelled");
    }
    return inState(open.cancel(now), now);
  }

  /**
   * The deadline extended to {@code until} (at most 45 days from receipt), once, before the first
   * deadline, while open (DSR-10).
   *
   * @throws ConflictException {@code INVALID_STATE} when closed, extended already, or at or past its first deadline
   * @throws ValidationException naming {@code until} when it is not after the due time or past 45 days from receipt
   */
  public DataSubjectRequest extended(RequestText reason, Instant until, Instant now) {
    if (!(state instanceof RequestState.Open) || extendedAt.isPresent() || !now.isBefore(firstDueAt())) {
      throw invalid("extended");
    }
    if (!until.isAfter(dueAt) || until.isAfter(receivedAt.plus(LONGEST_RESPONSE_TIME))) {
      throw new ValidationException(List.of(FieldError.field("until",
          "must be after the due time and at most 45 days after the receipt")));
    }
    return with(state, until, Optional.of(now), Optional.of(reason), note, now);
  }

  /** Only the address's keyed hash stays, with the steps and times (its subject was erased). */
  public DataSubjectRequest scrubbed(Instant now) {
    RequestState next = state instanceof RequestState.Rejected rejected
        ? new RequestState.Rejected(new RequestText("(erased)"), rejected.rejectedAt()) : state;
    return new DataSubjectRequest(workspace, id, type, Optional.empty(), address, californiaRequest,
        Corrections.none(), purposes, receivedAt, dueAt, extendedAt, extendedAt.map(at -> new RequestText("(erased)")),
        Optional.empty(), next, createdAt, now, version + 1);
  }

  /** The first deadline: 30 days from receipt. */
  public Instant firstDueAt() {
    return receivedAt.plus(RESPONSE_TIME);
  }

  /** Whether it is still open at {@code now} with its due time reached (DSR-11). */
  public boolean overdueAt(Instant now) {
    return state instanceof RequestState.Open && !now.isBefore(dueAt);
  }

  /** Whole days until it is due, rounded up (0 on the due time, negative after it). */
  public long daysLeftAt(Instant now) {
    long seconds = Duration.between(now, dueAt).getSeconds();
    return Math.floorDiv(seconds + 86_399, 86_400);
  }

  public WorkspaceId workspace() {
    return workspace;
  }

  public DataSubjectRequestId id() {
    return id;
  }

  public RequestType type() {
    return type;
  }

  /** The requester's address; empty once its subject was erased. */
  public Optional<EmailAddress> email() {
    return email;
  }

  /** The address's keyed hash (the consent ledger's), which stays. */
  public AddressHash address() {
    return address;
  }

  public boolean californiaRequest() {
    return californiaRequest;
  }

  public Corrections corrections() {
    return corrections;
  }

  public List<PurposeKey> purposes() {
    return purposes;
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  public Instant dueAt() {
    return dueAt;
  }

  public Optional<Instant> extendedAt() {
    return extendedAt;
  }

  public Optional<RequestText> extensionReason() {
    return extensionReason;
  }

  /** How the identity was checked, if an ADMIN said. */
  public Optional<RequestText> note() {
    return note;
  }

  public RequestState state() {
    return state;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DataSubjectRequest other)) {
      return false;
    }
    return workspace.equals(other.workspace) && id.equals(other.id) && type == other.type
        && email.equals(other.email) && address.equals(other.address) && californiaRequest == other.californiaRequest
        && corrections.equals(other.corrections) && purposes.equals(other.purposes)
        && receivedAt.equals(other.receivedAt) && dueAt.equals(other.dueAt) && extendedAt.equals(other.extendedAt)
        && extensionReason.equals(other.extensionReason) && note.equals(other.note) && state.equals(other.state)
        && createdAt.equals(other.createdAt) && updatedAt.equals(other.updatedAt) && version == other.version;
  }

  @Override
  public int hashCode() {
    return Objects.hash(workspace, id, version);
  }

  @Override
  public String toString() {
    return "DataSubjectRequest[" + id + ", " + type + ", " + state.name() + ", v" + version + "]";
  }
}
