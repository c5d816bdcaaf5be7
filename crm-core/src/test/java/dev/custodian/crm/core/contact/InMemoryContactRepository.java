package dev.custodian.crm.core.contact;

import dev.custodian.crm.core.common.InMemoryTenantRepository;
import dev.custodian.crm.core.common.InMemoryTenantTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.tenancy.TenantId;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * In-memory fake of {@link ContactRepository}; passes the same contract as the jOOQ adapter. Its
 * table hides rows of any workspace but the one the transaction is bound to, as the database does.
 */
public final class InMemoryContactRepository extends InMemoryTenantRepository<ContactId, Contact>
    implements ContactRepository {

  public InMemoryContactRepository(InMemoryTransactions transactions) {
    super(InMemoryTenantTable.builder(transactions, Contact::tenant, Contact::id)
        .duplicateKeyMessage("contact already exists")
        .unique(c -> c.email().normalised(), "email is already taken in this workspace")
        .walkOrder(Contact::createdAt, c -> c.id().value())
        .build());
  }

  @Override
  public Optional<Contact> findById(TenantId tenant, ContactId id) {
    return table.find(tenant, id);
  }

  /** Transactions of this fake are serialised, so a plain read is already exclusive. */
  @Override
  public Optional<Contact> findByIdForUpdate(TenantId tenant, ContactId id) {
    return findById(tenant, id);
  }

  @Override
  public boolean update(Contact changed, long expectedVersion) {
    boolean current = findById(changed.tenant(), changed.id())
        .filter(stored -> stored.version() == expectedVersion).isPresent();
    return current && table.replace(changed);
  }

  @Override
  public boolean delete(TenantId tenant, ContactId id, OptionalLong expectedVersion) {
    boolean matches = findById(tenant, id)
        .filter(stored -> expectedVersion.isEmpty() || stored.version() == expectedVersion.getAsLong())
        .isPresent();
    return matches && table.remove(tenant, id);
  }
}
