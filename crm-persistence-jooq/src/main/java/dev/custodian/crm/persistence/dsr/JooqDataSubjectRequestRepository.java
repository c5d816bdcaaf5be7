package dev.custodian.crm.persistence.dsr;

import static dev.custodian.crm.persistence.generated.Tables.CONTACTS;
import static dev.custodian.crm.persistence.generated.Tables.DSR_CODES;
import static dev.custodian.crm.persistence.generated.Tables.DSR_EVENTS;
import static dev.custodian.crm.persistence.generated.Tables.DSR_REQUESTS;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.consent.AddressHash;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.dsr.Corrections;
import dev.custodian.crm.core.dsr.DataSubjectRequest;
import dev.custodian.crm.core.dsr.DataSubjectRequestId;
import dev.custodian.crm.core.dsr.DataSubjectRequestListing;
import dev.custodian.crm.core.dsr.RequestEvent;
import dev.custodian.crm.core.dsr.RequestEventKind;
import dev.custodian.crm.core.dsr.RequestState;
import dev.custodian.crm.core.dsr.RequestText;
import dev.custodian.crm.core.dsr.RequestType;
import dev.custodian.crm.core.dsr.port.out.DataSubjectRequestRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.DatabaseErrors;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.KeysetPaging;
import dev.custodian.crm.persistence.common.ListColumns;
import dev.custodian.crm.persistence.common.SqlTime;
import dev.custodian.crm.persistence.generated.tables.records.DsrEventsRecord;
import dev.custodian.crm.persistence.generated.tables.records.DsrRequestsRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Result;
import org.jooq.impl.DSL;

/**
 * Persistence adapter: {@link DataSubjectRequestRepository} on {@code dsr_requests} and
 * {@code dsr_events}. A request is written with its history's entry in one statement (the entry
 * inserted from what the request's insert or update returned: a stale update appends nothing); it
 * is read with its history in one (a nested set). Every statement filters by the workspace itself;
 * row-level security is the second, independent wall.
 */
final class JooqDataSubjectRequestRepository implements DataSubjectRequestRepository {

  private static final Field<Result<DsrEventsRecord>> HISTORY = DSL.multiset(
      DSL.selectFrom(DSR_EVENTS)
          .where(DSR_EVENTS.TENANT_ID.eq(DSR_REQUESTS.TENANT_ID))
          .and(DSR_EVENTS.REQUEST_ID.eq(DSR_REQUESTS.ID))
          .orderBy(DSR_EVENTS.SEQ)).as("history");

  private final JooqTransactions transactions;

  JooqDataSubjectRequestRepository(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  /** The list's columns; {@code overdue} computed at {@code now}, as the list grammar's text of a boolean. */
  private static ListColumns listColumns(Instant now) {
    Condition open = DSR_REQUESTS.STATE.in("RECEIVED", "IDENTITY_VERIFIED", "IN_PROGRESS");
    Field<String> overdue = DSL.when(open.and(DSR_REQUESTS.DUE_AT.le(SqlTime.utc(now))), DSL.inline("true"))
        .otherwise(DSL.inline("false"));
    return ListColumns.of(DSR_REQUESTS.ID)
        .field(DataSubjectRequestListing.STATE, DSL.lower(DSR_REQUESTS.STATE))
        .field(DataSubjectRequestListing.TYPE, DSL.lower(DSR_REQUESTS.TYPE))
        .field(DataSubjectRequestListing.CALIFORNIA_REQUEST, DSR_REQUESTS.CALIFORNIA_REQUEST.cast(String.class))
        .field(DataSubjectRequestListing.OVERDUE, overdue)
        .field(DataSubjectRequestListing.DUE_AT, DSR_REQUESTS.DUE_AT)
        .field(DataSubjectRequestListing.RECEIVED_AT, DSR_REQUESTS.RECEIVED_AT);
  }

  @Override
  public void insert(DataSubjectRequest request, RequestEvent received) {
    DSLContext dsl = transactions.dsl(request.workspace());
    CommonTableExpression<Record1<UUID>> inserted = DSL.name("inserted").fields("id")
        .as(dsl.insertInto(DSR_REQUESTS).set(toRecord(request)).returningResult(DSR_REQUESTS.ID));
    try {
      appendFrom(dsl, inserted, received);
    } catch (org.jooq.exception.DataAccessException e) {
      if (DatabaseErrors.isViolation(e, DatabaseErrors.UNIQUE_VIOLATION, "dsr_requests_pk")) {
        throw new ConflictException(ConflictException.Kind.DUPLICATE, "privacy request already exists");
      }
      if (DatabaseErrors.isViolation(e, DatabaseErrors.FOREIGN_KEY_VIOLATION, "dsr_requests_workspace_fk")) {
        throw new NotFoundException("workspace");
      }
      throw e;
    }
  }

  /** Appends {@code event} for the request the CTE wrote, if it wrote one: one statement. */
  private static int appendFrom(DSLContext dsl, CommonTableExpression<Record1<UUID>> written, RequestEvent event) {
    return dsl.with(written)
        .insertInto(DSR_EVENTS, DSR_EVENTS.TENANT_ID, DSR_EVENTS.ID, DSR_EVENTS.REQUEST_ID, DSR_EVENTS.KIND,
            DSR_EVENTS.OCCURRED_AT, DSR_EVENTS.ACTOR)
        .select(DSL.select(DSL.val(event.workspace().value()), DSL.val(event.id()),
                written.field("id", UUID.class), DSL.val(event.kind().name()),
                DSL.val(SqlTime.utc(event.occurredAt())), DSL.val(event.actor()))
            .from(written))
        .execute();
  }

  @Override
  public Optional<DataSubjectRequest> find(WorkspaceId workspace, DataSubjectRequestId id) {
    return transactions.dsl(workspace).selectFrom(DSR_REQUESTS).where(key(workspace, id))
        .fetchOptional().map(JooqDataSubjectRequestRepository::toRequest);
  }

  @Override
  public Optional<WithHistory> findWithHistory(WorkspaceId workspace, DataSubjectRequestId id) {
    return transactions.dsl(workspace).select(DSR_REQUESTS.fields()).select(HISTORY)
        .from(DSR_REQUESTS).where(key(workspace, id))
        .fetchOptional()
        .map(r -> new WithHistory(toRequest(r.into(DSR_REQUESTS)),
            r.get(HISTORY).map(JooqDataSubjectRequestRepository::toEvent)));
  }

  @Override
  public Optional<DataSubjectRequest> findForUpdate(WorkspaceId workspace, DataSubjectRequestId id) {
    return transactions.dsl(workspace).selectFrom(DSR_REQUESTS).where(key(workspace, id)).forUpdate()
        .fetchOptional().map(JooqDataSubjectRequestRepository::toRequest);
  }

  @Override
  public boolean update(DataSubjectRequest changed, long expectedVersion, RequestEvent step) {
    DSLContext dsl = transactions.dsl(changed.workspace());
    DsrRequestsRecord values = toRecord(changed);
    CommonTableExpression<Record1<UUID>> updated = DSL.name("updated").fields("id").as(dsl.update(DSR_REQUESTS)
        .set(changes(values))
        .where(key(changed.workspace(), changed.id()))
        .and(DSR_REQUESTS.VERSION.eq(expectedVersion))
        .returningResult(DSR_REQUESTS.ID));
    return appendFrom(dsl, updated, step) == 1;
  }

  /** Every column a step may change (identity, type, address hash, receipt and creation stay). */
  private static Map<Field<?>, Object> changes(DsrRequestsRecord values) {
    Map<Field<?>, Object> set = new LinkedHashMap<>();
    for (Field<?> field : List.of(DSR_REQUESTS.EMAIL, DSR_REQUESTS.FIX_FIRST_NAME, DSR_REQUESTS.FIX_LAST_NAME,
        DSR_REQUESTS.FIX_EMAIL, DSR_REQUESTS.FIX_PHONE, DSR_REQUESTS.FIX_JOB_TITLE, DSR_REQUESTS.FIX_COMPANY_ID,
        DSR_REQUESTS.FIX_CLEARED, DSR_REQUESTS.DUE_AT, DSR_REQUESTS.EXTENDED_AT, DSR_REQUESTS.EXTENSION_REASON,
        DSR_REQUESTS.NOTE, DSR_REQUESTS.STATE, DSR_REQUESTS.VERIFIED_AT, DSR_REQUESTS.STARTED_AT,
        DSR_REQUESTS.CLOSED_AT, DSR_REQUESTS.REJECT_REASON, DSR_REQUESTS.UPDATED_AT, DSR_REQUESTS.VERSION)) {
      set.put(field, values.get(field));
    }
    return set;
  }

  @Override
  public List<RequestEvent> history(WorkspaceId workspace, DataSubjectRequestId id) {
    return transactions.dsl(workspace).selectFrom(DSR_EVENTS)
        .where(DSR_EVENTS.TENANT_ID.eq(workspace.value())).and(DSR_EVENTS.REQUEST_ID.eq(id.value()))
        .orderBy(DSR_EVENTS.SEQ)
        .fetch(JooqDataSubjectRequestRepository::toEvent);
  }

  @Override
  public Page<DataSubjectRequest> list(WorkspaceId workspace, ListQuery query, Instant now) {
    return KeysetPaging.page(transactions.dsl(workspace).select(DSR_REQUESTS.fields()).from(DSR_REQUESTS)
            .where(DSR_REQUESTS.TENANT_ID.eq(workspace.value())),
        query.requireOffer(DataSubjectRequestListing.OFFER), listColumns(now))
        .map(r -> toRequest(r.into(DSR_REQUESTS)));
  }

  /** One statement: the address's requests lose their address, corrections, note and reasons, each at its next version. */
  @Override
  public int scrub(WorkspaceId workspace, AddressHash address, Instant now) {
    DSLContext dsl = transactions.dsl(workspace);
    int scrubbed = dsl.update(DSR_REQUESTS)
        .setNull(DSR_REQUESTS.EMAIL)
        .setNull(DSR_REQUESTS.FIX_FIRST_NAME)
        .setNull(DSR_REQUESTS.FIX_LAST_NAME)
        .setNull(DSR_REQUESTS.FIX_EMAIL)
        .setNull(DSR_REQUESTS.FIX_PHONE)
        .setNull(DSR_REQUESTS.FIX_JOB_TITLE)
        .setNull(DSR_REQUESTS.FIX_COMPANY_ID)
        .setNull(DSR_REQUESTS.FIX_CLEARED)
        .setNull(DSR_REQUESTS.NOTE)
        .set(DSR_REQUESTS.EXTENSION_REASON, DSL.when(DSR_REQUESTS.EXTENSION_REASON.isNotNull(), ERASED))
        .set(DSR_REQUESTS.REJECT_REASON, DSL.when(DSR_REQUESTS.REJECT_REASON.isNotNull(), ERASED))
        .set(DSR_REQUESTS.UPDATED_AT, SqlTime.utc(now))
        .set(DSR_REQUESTS.VERSION, DSR_REQUESTS.VERSION.plus(1))
        .where(DSR_REQUESTS.TENANT_ID.eq(workspace.value()))
        .and(DSR_REQUESTS.ADDRESS_HASH.eq(address.hex()))
        .execute();
    // Their codes go too (after the requests, locked in the order a code's check takes them).
    dsl.deleteFrom(DSR_CODES)
        .where(DSR_CODES.TENANT_ID.eq(workspace.value()))
        .and(DSR_CODES.REQUEST_ID.in(DSL.select(DSR_REQUESTS.ID).from(DSR_REQUESTS)
            .where(DSR_REQUESTS.TENANT_ID.eq(workspace.value()))
            .and(DSR_REQUESTS.ADDRESS_HASH.eq(address.hex()))))
        .execute();
    return scrubbed;
  }

  @Override
  public void streamOf(WorkspaceId workspace, AddressHash address,
      Consumer<DataSubjectRequest> sink) {
    try (var cursor = transactions.dsl(workspace).selectFrom(DSR_REQUESTS)
        .where(DSR_REQUESTS.TENANT_ID.eq(workspace.value()))
        .and(DSR_REQUESTS.ADDRESS_HASH.eq(address.hex()))
        .orderBy(DSR_REQUESTS.RECEIVED_AT, DSR_REQUESTS.ID)
        .fetchSize(200).fetchLazy()) {
      cursor.forEach(r -> sink.accept(toRequest(r)));
    }
  }

  /** What a scrubbed reason reads (as {@link DataSubjectRequest#scrubbed}). */
  private static final Field<String> ERASED = DSL.inline("(erased)");

  @Override
  public void holdForConfirmation(WorkspaceId workspace, DataSubjectRequestId id, EmailAddress email) {
    transactions.dsl(workspace).update(DSR_REQUESTS).set(DSR_REQUESTS.CONFIRM_TO, email.value())
        .where(key(workspace, id)).execute();
  }

  /** One statement: the held address, read under the row's lock and cleared. */
  @Override
  public Optional<EmailAddress> takeConfirmationAddress(WorkspaceId workspace, DataSubjectRequestId id) {
    var old = DSR_REQUESTS.as("old");
    return transactions.dsl(workspace).update(DSR_REQUESTS).setNull(DSR_REQUESTS.CONFIRM_TO)
        .from(old)
        .where(key(workspace, id))
        .and(old.TENANT_ID.eq(DSR_REQUESTS.TENANT_ID)).and(old.ID.eq(DSR_REQUESTS.ID))
        .and(old.CONFIRM_TO.isNotNull())
        .returningResult(old.CONFIRM_TO)
        .fetchOptional(r -> new EmailAddress(r.value1()));
  }

  @Override
  public Optional<ContactId> contactOf(WorkspaceId workspace, EmailAddress email) {
    return transactions.dsl(workspace).select(CONTACTS.ID).from(CONTACTS)
        .where(CONTACTS.TENANT_ID.eq(workspace.value()))
        .and(CONTACTS.EMAIL_NORMALISED.eq(email.normalised()))
        .fetchOptional(r -> ContactId.of(r.value1()));
  }

  private static Condition key(WorkspaceId workspace, DataSubjectRequestId id) {
    return DSR_REQUESTS.TENANT_ID.eq(workspace.value()).and(DSR_REQUESTS.ID.eq(id.value()));
  }

  private static DsrRequestsRecord toRecord(DataSubjectRequest request) {
    DsrRequestsRecord row = new DsrRequestsRecord();
    row.setTenantId(request.workspace().value());
    row.setId(request.id().value());
    row.setType(request.type().name());
    row.setEmail(request.email().map(EmailAddress::value).orElse(null));
    row.setAddressHash(request.address().hex());
    row.setCaliforniaRequest(request.californiaRequest());
    Map<String, Optional<String>> fix = request.corrections().values();
    Function<String, String> value = field -> fix.containsKey(field) ? fix.get(field).orElse(null) : null;
    row.setFixFirstName(value.apply("firstName"));
    row.setFixLastName(value.apply("lastName"));
    row.setFixEmail(value.apply("email"));
    row.setFixPhone(value.apply("phone"));
    row.setFixJobTitle(value.apply("jobTitle"));
    row.setFixCompanyId(Optional.ofNullable(value.apply("companyId")).map(UUID::fromString).orElse(null));
    List<String> cleared = fix.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
    row.setFixCleared(cleared.isEmpty() ? null : String.join(",", cleared));
    row.setPurposeKeys(request.purposes().isEmpty() ? null
        : String.join(",", request.purposes().stream().map(PurposeKey::value).toList()));
    row.setReceivedAt(SqlTime.utc(request.receivedAt()));
    row.setDueAt(SqlTime.utc(request.dueAt()));
    row.setExtendedAt(request.extendedAt().map(SqlTime::utc).orElse(null));
    row.setExtensionReason(request.extensionReason().map(RequestText::value).orElse(null));
    row.setNote(request.note().map(RequestText::value).orElse(null));
    RequestState state = request.state();
    row.setState(state.name());
    if (state instanceof RequestState.Verified verified) {
      row.setVerifiedAt(SqlTime.utc(verified.verifiedAt()));
    }
    if (state instanceof RequestState.InProgress inProgress) {
      row.setStartedAt(SqlTime.utc(inProgress.startedAt()));
    }
    if (state instanceof RequestState.Completed completed) {
      row.setVerifiedAt(SqlTime.utc(completed.verifiedAt()));
      row.setClosedAt(SqlTime.utc(completed.completedAt()));
    }
    if (state instanceof RequestState.Rejected rejected) {
      row.setClosedAt(SqlTime.utc(rejected.rejectedAt()));
      row.setRejectReason(rejected.reason().value());
    }
    if (state instanceof RequestState.Cancelled cancelled) {
      row.setClosedAt(SqlTime.utc(cancelled.cancelledAt()));
    }
    row.setCreatedAt(SqlTime.utc(request.createdAt()));
    row.setUpdatedAt(SqlTime.utc(request.updatedAt()));
    row.setVersion(request.version());
    return row;
  }

  private static DataSubjectRequest toRequest(DsrRequestsRecord row) {
    Map<String, Optional<String>> fix = new LinkedHashMap<>();
    putIfGiven(fix, "firstName", row.getFixFirstName());
    putIfGiven(fix, "lastName", row.getFixLastName());
    putIfGiven(fix, "email", row.getFixEmail());
    putIfGiven(fix, "phone", row.getFixPhone());
    putIfGiven(fix, "jobTitle", row.getFixJobTitle());
    putIfGiven(fix, "companyId", row.getFixCompanyId() == null ? null : row.getFixCompanyId().toString());
    if (row.getFixCleared() != null) {
      Arrays.stream(row.getFixCleared().split(",")).forEach(field -> fix.put(field, Optional.empty()));
    }
    List<PurposeKey> purposes = row.getPurposeKeys() == null ? List.of()
        : Arrays.stream(row.getPurposeKeys().split(",")).map(PurposeKey::new).toList();
    return DataSubjectRequest.reconstitute(WorkspaceId.of(row.getTenantId()), DataSubjectRequestId.of(row.getId()),
        RequestType.valueOf(row.getType()), Optional.ofNullable(row.getEmail()).map(EmailAddress::new),
        new AddressHash(row.getAddressHash()), row.getCaliforniaRequest(), new Corrections(fix), purposes,
        row.getReceivedAt().toInstant(), row.getDueAt().toInstant(),
        Optional.ofNullable(row.getExtendedAt()).map(OffsetDateTime::toInstant),
        Optional.ofNullable(row.getExtensionReason()).map(RequestText::new),
        Optional.ofNullable(row.getNote()).map(RequestText::new), state(row), row.getCreatedAt().toInstant(),
        row.getUpdatedAt().toInstant(), row.getVersion());
  }

  private static void putIfGiven(Map<String, Optional<String>> fix, String field, String value) {
    if (value != null) {
      fix.put(field, Optional.of(value));
    }
  }

  private static RequestState state(DsrRequestsRecord row) {
    return switch (row.getState()) {
      case "RECEIVED" -> new RequestState.Received();
      case "IDENTITY_VERIFIED" -> new RequestState.IdentityVerified(row.getVerifiedAt().toInstant());
      case "IN_PROGRESS" -> new RequestState.InProgress(row.getVerifiedAt().toInstant(),
          row.getStartedAt().toInstant());
      case "COMPLETED" -> new RequestState.Completed(row.getVerifiedAt().toInstant(), row.getClosedAt().toInstant());
      case "REJECTED" -> new RequestState.Rejected(new RequestText(row.getRejectReason()),
          row.getClosedAt().toInstant());
      case "CANCELLED" -> new RequestState.Cancelled(row.getClosedAt().toInstant());
      default -> throw new IllegalStateException("unknown state " + row.getState());
    };
  }

  private static RequestEvent toEvent(DsrEventsRecord row) {
    return new RequestEvent(WorkspaceId.of(row.getTenantId()), row.getId(), DataSubjectRequestId.of(row.getRequestId()),
        RequestEventKind.valueOf(row.getKind()), row.getOccurredAt().toInstant(), row.getActor());
  }

  /** One statement: inserted from the request's row (none for no such request), or replacing the older code. */
  @Override
  public void putCode(WorkspaceId workspace, DataSubjectRequestId id, String codeHash, Instant expiresAt) {
    transactions.dsl(workspace).insertInto(DSR_CODES, DSR_CODES.TENANT_ID, DSR_CODES.REQUEST_ID, DSR_CODES.CODE_HASH,
            DSR_CODES.EXPIRES_AT, DSR_CODES.FAILED_ATTEMPTS)
        .select(DSL.select(DSR_REQUESTS.TENANT_ID, DSR_REQUESTS.ID, DSL.val(codeHash),
                DSL.val(SqlTime.utc(expiresAt)), DSL.val(0))
            .from(DSR_REQUESTS).where(key(workspace, id)))
        .onConflict(DSR_CODES.TENANT_ID, DSR_CODES.REQUEST_ID).doUpdate()
        .set(DSR_CODES.CODE_HASH, codeHash)
        .set(DSR_CODES.EXPIRES_AT, SqlTime.utc(expiresAt))
        .set(DSR_CODES.FAILED_ATTEMPTS, 0)
        .execute();
  }

  @Override
  public Optional<StoredCode> findCodeForUpdate(WorkspaceId workspace, DataSubjectRequestId id) {
    return transactions.dsl(workspace).selectFrom(DSR_CODES).where(codeKey(workspace, id)).forUpdate()
        .fetchOptional(r -> new StoredCode(r.getCodeHash(), r.getExpiresAt().toInstant(), r.getFailedAttempts()));
  }

  @Override
  public int failCode(WorkspaceId workspace, DataSubjectRequestId id) {
    return transactions.dsl(workspace).update(DSR_CODES)
        .set(DSR_CODES.FAILED_ATTEMPTS, DSR_CODES.FAILED_ATTEMPTS.plus(1))
        .where(codeKey(workspace, id))
        .returning(DSR_CODES.FAILED_ATTEMPTS)
        .fetchOptional(DSR_CODES.FAILED_ATTEMPTS).orElse(0);
  }

  @Override
  public void removeCode(WorkspaceId workspace, DataSubjectRequestId id) {
    transactions.dsl(workspace).deleteFrom(DSR_CODES).where(codeKey(workspace, id)).execute();
  }

  private static Condition codeKey(WorkspaceId workspace, DataSubjectRequestId id) {
    return DSR_CODES.TENANT_ID.eq(workspace.value()).and(DSR_CODES.REQUEST_ID.eq(id.value()));
  }
}
