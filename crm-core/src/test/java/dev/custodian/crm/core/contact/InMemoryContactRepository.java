package dev.custodian.crm.core.contact;

import dev.custodian.crm.core.common.InMemoryTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageCursor;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.common.paging.UuidOrder;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.tenant.TenantId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * In-memory fake of {@link ContactRepository}; passes the same contract as the jOOQ adapter. Like
 * the database, it hides rows of any workspace but the one the transaction is bound to.
 */
public final class InMemoryContactRepository implements ContactRepository {

  private static final Comparator<Contact> WALK_ORDER = Comparator.comparing(Contact::createdAt)
      .thenComparing(c -> c.id().value(), UuidOrder.UNSIGNED);

  private record Key(TenantId tenant, ContactId id) {}

  private final InMemoryTransactions transactions;
  private final InMemoryTable<Key, Contact> table;
  /** The unique index on (workspace, normalised email), as in the database. */
  private final InMemoryTable<String, ContactId> emailIndex;

  public InMemoryContactRepository(InMemoryTransactions transactions) {
    this.transactions = transactions;
    this.table = transactions.newTable();
    this.emailIndex = transactions.newTable();
  }

  @Override
  public void insert(Contact contact) {
    if (!transactions.boundTenant().equals(Optional.of(contact.tenant()))) {
      throw new IllegalStateException("row-level security: the contact belongs to another workspace");
    }
    refuseDuplicateEmail(contact);
    table.rows().put(new Key(contact.tenant(), contact.id()), contact);
    emailIndex.rows().put(emailKey(contact), contact.id());
  }

  @Override
  public Optional<Contact> findById(TenantId tenant, ContactId id) {
    return visible(tenant).filter(c -> c.id().equals(id)).findFirst();
  }

  /** Transactions of this fake are serialised, so a plain read is already exclusive. */
  @Override
  public Optional<Contact> findByIdForUpdate(TenantId tenant, ContactId id) {
    return findById(tenant, id);
  }

  @Override
  public Page<Contact> list(TenantId tenant, PageRequest page) {
    List<Contact> fetched = visible(tenant)
        .filter(c -> page.after().map(after -> isAfter(c, after)).orElse(true))
        .sorted(WALK_ORDER)
        .limit(page.limit() + 1L)
        .toList();
    return Page.fromLookahead(fetched, page.limit(), c -> new PageCursor(c.createdAt(), c.id().value()));
  }

  @Override
  public boolean update(Contact changed, long expectedVersion) {
    Optional<Contact> stored = findById(changed.tenant(), changed.id());
    if (stored.isEmpty() || stored.get().version() != expectedVersion) {
      return false;
    }
    refuseDuplicateEmail(changed);
    emailIndex.rows().remove(emailKey(stored.get()));
    table.rows().put(new Key(changed.tenant(), changed.id()), changed);
    emailIndex.rows().put(emailKey(changed), changed.id());
    return true;
  }

  @Override
  public boolean delete(TenantId tenant, ContactId id, OptionalLong expectedVersion) {
    Optional<Contact> stored = findById(tenant, id);
    if (stored.isEmpty()
        || expectedVersion.isPresent() && stored.get().version() != expectedVersion.getAsLong()) {
      return false;
    }
    table.rows().remove(new Key(tenant, id));
    emailIndex.rows().remove(emailKey(stored.get()));
    return true;
  }

  private Stream<Contact> visible(TenantId tenant) {
    Optional<TenantId> bound = transactions.boundTenant();
    return table.rows().values().stream()
        .filter(c -> c.tenant().equals(tenant) && bound.equals(Optional.of(c.tenant())));
  }

  private void refuseDuplicateEmail(Contact contact) {
    ContactId holder = emailIndex.rows().get(emailKey(contact));
    if (holder != null && !holder.equals(contact.id())) {
      throw new ConflictException(ConflictException.Kind.DUPLICATE, "email is already taken in this workspace");
    }
  }

  private static String emailKey(Contact contact) {
    return contact.tenant() + "/" + contact.email().normalised();
  }

  private static boolean isAfter(Contact c, PageCursor after) {
    int byTime = c.createdAt().compareTo(after.createdAt());
    return byTime > 0 || byTime == 0 && UuidOrder.UNSIGNED.compare(c.id().value(), after.id()) > 0;
  }
}
