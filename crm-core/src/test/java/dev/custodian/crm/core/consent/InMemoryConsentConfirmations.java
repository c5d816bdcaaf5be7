package dev.custodian.crm.core.consent;

import dev.custodian.crm.core.common.InMemoryTenantTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.consent.port.out.ConsentConfirmations;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** In-memory fake of {@link ConsentConfirmations}; passes the same contract as the jOOQ adapter. */
public final class InMemoryConsentConfirmations implements ConsentConfirmations {

  private record Row(ConsentConfirmation confirmation, String tokenHash, Instant expiresAt, Instant usedAt) {
    WorkspaceId workspace() {
      return confirmation.workspace();
    }

    UUID id() {
      return confirmation.id();
    }
  }

  private final InMemoryTenantTable<UUID, Row> table;

  public InMemoryConsentConfirmations(InMemoryTransactions transactions) {
    this.table = InMemoryTenantTable.builder(transactions, Row::workspace, Row::id).build();
  }

  @Override
  public void add(ConsentConfirmation confirmation) {
    table.insert(new Row(confirmation, null, null, null));
  }

  @Override
  public int countSince(WorkspaceId workspace, ContactId contact, PurposeKey purpose, Instant since) {
    return (int) table.visible(workspace).map(Row::confirmation)
        .filter(c -> c.contact().equals(contact) && c.purpose().equals(purpose) && !c.requestedAt().isBefore(since))
        .count();
  }

  @Override
  public Optional<ConsentConfirmation> findUnused(WorkspaceId workspace, UUID id) {
    return table.find(workspace, id).filter(r -> r.usedAt() == null).map(Row::confirmation);
  }

  @Override
  public boolean mint(WorkspaceId workspace, UUID id, String tokenHash, Instant expiresAt) {
    Optional<Row> row = table.find(workspace, id).filter(r -> r.usedAt() == null);
    row.ifPresent(r -> table.replace(new Row(r.confirmation(), tokenHash, expiresAt, null)));
    return row.isPresent();
  }

  @Override
  public void voidToken(WorkspaceId workspace, UUID id) {
    table.find(workspace, id).filter(r -> r.usedAt() == null)
        .ifPresent(r -> table.replace(new Row(r.confirmation(), null, null, null)));
  }

  @Override
  public Optional<ConsentConfirmation> use(WorkspaceId workspace, String tokenHash, Instant now) {
    Optional<Row> row = table.visible(workspace)
        .filter(r -> tokenHash.equals(r.tokenHash()) && r.usedAt() == null && now.isBefore(r.expiresAt()))
        .findFirst();
    row.ifPresent(r -> table.replace(new Row(r.confirmation(), r.tokenHash(), r.expiresAt(), now)));
    return row.map(Row::confirmation);
  }

  @Override
  public int removeFor(WorkspaceId workspace, ContactId contact) {
    List<UUID> gone = table.visible(workspace).filter(r -> r.confirmation().contact().equals(contact))
        .map(Row::id).toList();
    gone.forEach(id -> table.remove(workspace, id));
    return gone.size();
  }
}
