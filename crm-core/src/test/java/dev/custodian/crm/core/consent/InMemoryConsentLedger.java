package dev.custodian.crm.core.consent;

import dev.custodian.crm.core.common.InMemoryTenantTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.consent.port.out.ConsentLedger;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * In-memory fake of {@link ConsentLedger}; passes the same contract as the jOOQ adapter. Entries
 * keep their insertion order; this fake's transactions are serialised, so a subject is locked by
 * being read.
 */
public final class InMemoryConsentLedger implements ConsentLedger {

  private record Link(WorkspaceId workspace, ContactId contact, SubjectRef subject) {}

  private final InMemoryTenantTable<ContactId, Link> links;
  private final InMemoryTenantTable<UUID, ConsentEvent> events;

  public InMemoryConsentLedger(InMemoryTransactions transactions) {
    this.links = InMemoryTenantTable.builder(transactions, Link::workspace, Link::contact)
        .unique(Link::subject, "the subject is linked already").build();
    this.events = InMemoryTenantTable.builder(transactions, ConsentEvent::workspace, ConsentEvent::id).build();
  }

  @Override
  public Optional<SubjectRef> subjectOf(WorkspaceId workspace, ContactId contact) {
    return links.find(workspace, contact).map(Link::subject);
  }

  @Override
  public SubjectRef lockSubject(WorkspaceId workspace, ContactId contact, SubjectRef fresh) {
    links.insertIfAbsent(new Link(workspace, contact, fresh));
    return subjectOf(workspace, contact).orElseThrow();
  }

  @Override
  public void append(ConsentEvent event) {
    events.insert(event);
  }

  @Override
  public List<ConsentEvent> eventsOf(WorkspaceId workspace, SubjectRef subject) {
    return events.visible(workspace).filter(e -> e.subject().equals(subject)).toList();
  }

  @Override
  public List<ConsentEvent> eventsFor(WorkspaceId workspace, AddressHash address) {
    return events.visible(workspace).filter(e -> e.address().equals(address)).toList();
  }

  @Override
  public Optional<ConsentEvent> latestFor(WorkspaceId workspace, AddressHash address, PurposeKey purpose) {
    return events.visible(workspace).filter(e -> e.address().equals(address) && e.purpose().equals(purpose))
        .reduce((first, second) -> second);
  }

  @Override
  public int unlink(WorkspaceId workspace, ContactId contact) {
    return links.remove(workspace, contact) ? 1 : 0;
  }
}
