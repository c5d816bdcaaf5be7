package dev.custodian.crm.core.dsr;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.InMemoryTenantTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.ListFields;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.consent.AddressHash;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.ContactListing;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.dsr.port.out.DataSubjectRequestRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** In-memory fake of {@link DataSubjectRequestRepository}; passes the same contract as the jOOQ adapter. */
public final class InMemoryDataSubjectRequestRepository implements DataSubjectRequestRepository {

  /** A history entry with the order it was appended in. */
  private record EventRow(RequestEvent event, long seq) {}

  private final InMemoryTenantTable<DataSubjectRequestId, DataSubjectRequest> table;
  private final InMemoryTenantTable<UUID, EventRow> events;
  private final AtomicLong seq = new AtomicLong();
  private final ContactRepository contacts;
  private final InMemoryTenantTable<DataSubjectRequestId, Held> held;

  /** An address held for a request's confirmation. */
  private record Held(WorkspaceId workspace, DataSubjectRequestId id, EmailAddress email) {}

  /** A request's emailed code (its hash). */
  private record Code(WorkspaceId workspace, DataSubjectRequestId id, StoredCode code) {}

  private final InMemoryTenantTable<DataSubjectRequestId, Code> codes;

  public InMemoryDataSubjectRequestRepository(InMemoryTransactions transactions, ContactRepository contacts) {
    this.table = InMemoryTenantTable.builder(transactions, DataSubjectRequest::workspace, DataSubjectRequest::id)
        .duplicateKeyMessage("privacy request already exists")
        .build();
    this.events = InMemoryTenantTable.<UUID, EventRow>builder(transactions, row -> row.event().workspace(),
        row -> row.event().id()).build();
    this.contacts = Objects.requireNonNull(contacts, "contacts");
    this.held = InMemoryTenantTable.builder(transactions, Held::workspace, Held::id).build();
    this.codes = InMemoryTenantTable.builder(transactions, Code::workspace, Code::id).build();
  }

  @Override
  public void holdForConfirmation(WorkspaceId workspace, DataSubjectRequestId id, EmailAddress email) {
    if (find(workspace, id).isPresent()) {
      held.remove(workspace, id);
      held.insert(new Held(workspace, id, email));
    }
  }

  @Override
  public Optional<EmailAddress> takeConfirmationAddress(WorkspaceId workspace, DataSubjectRequestId id) {
    Optional<EmailAddress> email = held.find(workspace, id).map(Held::email);
    held.remove(workspace, id);
    return email;
  }

  @Override
  public void insert(DataSubjectRequest request, RequestEvent received) {
    table.insert(request);
    events.insert(new EventRow(received, seq.incrementAndGet()));
  }

  @Override
  public Optional<DataSubjectRequest> find(WorkspaceId workspace, DataSubjectRequestId id) {
    return table.find(workspace, id);
  }

  @Override
  public Optional<WithHistory> findWithHistory(WorkspaceId workspace, DataSubjectRequestId id) {
    return find(workspace, id).map(request -> new WithHistory(request, history(workspace, id)));
  }

  @Override
  public Optional<DataSubjectRequest> findForUpdate(WorkspaceId workspace, DataSubjectRequestId id) {
    return find(workspace, id); // this fake's transactions run one at a time
  }

  @Override
  public boolean update(DataSubjectRequest changed, long expectedVersion, RequestEvent step) {
    boolean current = find(changed.workspace(), changed.id())
        .filter(stored -> stored.version() == expectedVersion).isPresent();
    if (!current || !table.replace(changed)) {
      return false;
    }
    events.insert(new EventRow(step, seq.incrementAndGet()));
    return true;
  }

  @Override
  public List<RequestEvent> history(WorkspaceId workspace, DataSubjectRequestId id) {
    return events.visible(workspace).filter(row -> row.event().request().equals(id))
        .sorted(Comparator.comparingLong(EventRow::seq)).map(EventRow::event).toList();
  }

  @Override
  public Page<DataSubjectRequest> list(WorkspaceId workspace, ListQuery query, Instant now) {
    return table.list(workspace, query.requireOffer(DataSubjectRequestListing.OFFER), fields(now));
  }

  /** The list's fields; {@code overdue} as the list grammar's text of a boolean, judged at {@code now}. */
  static ListFields<DataSubjectRequest> fields(Instant now) {
    return ListFields.<DataSubjectRequest>of(r -> r.id().value())
        .with(DataSubjectRequestListing.STATE, r -> DataSubjectRequestListing.constant(r.state().name()))
        .with(DataSubjectRequestListing.TYPE, r -> DataSubjectRequestListing.constant(r.type().name()))
        .with(DataSubjectRequestListing.CALIFORNIA_REQUEST, r -> String.valueOf(r.californiaRequest()))
        .with(DataSubjectRequestListing.OVERDUE, r -> String.valueOf(r.overdueAt(now)))
        .with(DataSubjectRequestListing.DUE_AT, DataSubjectRequest::dueAt)
        .with(DataSubjectRequestListing.RECEIVED_AT, DataSubjectRequest::receivedAt);
  }

  @Override
  public int scrub(WorkspaceId workspace, AddressHash address, Instant now) {
    List<DataSubjectRequest> scrubbed = table.visible(workspace).filter(r -> r.address().equals(address))
        .map(r -> r.scrubbed(now)).toList();
    scrubbed.forEach(table::replace);
    scrubbed.forEach(r -> codes.remove(workspace, r.id()));
    return scrubbed.size();
  }

  @Override
  public void streamOf(WorkspaceId workspace, AddressHash address,
      Consumer<DataSubjectRequest> sink) {
    table.visible(workspace).filter(r -> r.address().equals(address))
        .sorted(Comparator.comparing(DataSubjectRequest::receivedAt)
            .thenComparing(r -> r.id().value().toString()))
        .toList().forEach(sink);
  }

  @Override
  public Optional<ContactId> contactOf(WorkspaceId workspace, EmailAddress email) {
    AtomicReference<ContactId> found = new AtomicReference<>();
    contacts.export(workspace, ListQuery.first(ContactListing.OFFER, 1), List.of(), contact -> {
      if (contact.contact().email().normalised().equals(email.normalised())) {
        found.set(contact.contact().id());
      }
    });
    return Optional.ofNullable(found.get());
  }

  @Override
  public void putCode(WorkspaceId workspace, DataSubjectRequestId id, String codeHash, Instant expiresAt) {
    if (find(workspace, id).isPresent()) {
      codes.remove(workspace, id);
      codes.insert(new Code(workspace, id, new StoredCode(codeHash, Timestamps.micros(expiresAt), 0)));
    }
  }

  @Override
  public Optional<StoredCode> findCodeForUpdate(WorkspaceId workspace, DataSubjectRequestId id) {
    return codes.find(workspace, id).map(Code::code);
  }

  @Override
  public int failCode(WorkspaceId workspace, DataSubjectRequestId id) {
    Optional<Code> found = codes.find(workspace, id);
    if (found.isEmpty()) {
      return 0;
    }
    StoredCode code = found.get().code();
    StoredCode failed = new StoredCode(code.codeHash(), code.expiresAt(), code.failedAttempts() + 1);
    codes.replace(new Code(workspace, id, failed));
    return failed.failedAttempts();
  }

  @Override
  public void removeCode(WorkspaceId workspace, DataSubjectRequestId id) {
    codes.remove(workspace, id);
  }
}
