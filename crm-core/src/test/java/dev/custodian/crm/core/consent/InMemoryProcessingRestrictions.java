package dev.custodian.crm.core.consent;

import dev.custodian.crm.core.common.InMemoryTenantTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.consent.port.out.ProcessingRestrictions;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Optional;

/** In-memory fake of {@link ProcessingRestrictions}; passes the same contract as the jOOQ adapter. */
public final class InMemoryProcessingRestrictions implements ProcessingRestrictions {

  private record Restriction(WorkspaceId workspace, ContactId contact, Instant since) {}

  private final InMemoryTenantTable<ContactId, Restriction> table;

  public InMemoryProcessingRestrictions(InMemoryTransactions transactions) {
    this.table = InMemoryTenantTable.builder(transactions, Restriction::workspace, Restriction::contact).build();
  }

  @Override
  public boolean restrict(WorkspaceId workspace, ContactId contact, Instant at) {
    return table.insertIfAbsent(new Restriction(workspace, contact, at));
  }

  @Override
  public boolean lift(WorkspaceId workspace, ContactId contact) {
    return table.remove(workspace, contact);
  }

  @Override
  public Optional<Instant> restrictedSince(WorkspaceId workspace, ContactId contact) {
    return table.find(workspace, contact).map(Restriction::since);
  }
}
