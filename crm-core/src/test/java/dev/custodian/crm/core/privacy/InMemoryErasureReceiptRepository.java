package dev.custodian.crm.core.privacy;

import dev.custodian.crm.core.common.InMemoryTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageCursor;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.common.paging.UuidOrder;
import dev.custodian.crm.core.privacy.port.out.ErasureReceiptRepository;
import dev.custodian.crm.core.tenant.TenantId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** In-memory fake of {@link ErasureReceiptRepository}; passes the same contract as the jOOQ adapter. */
public final class InMemoryErasureReceiptRepository implements ErasureReceiptRepository {

  private static final Comparator<ErasureReceipt> WALK_ORDER = Comparator.comparing(ErasureReceipt::erasedAt)
      .thenComparing(r -> r.id().value(), UuidOrder.UNSIGNED);

  private final InMemoryTransactions transactions;
  private final InMemoryTable<ErasureReceiptId, ErasureReceipt> table;

  public InMemoryErasureReceiptRepository(InMemoryTransactions transactions) {
    this.transactions = transactions;
    this.table = transactions.newTable();
  }

  @Override
  public void insert(ErasureReceipt receipt) {
    if (!transactions.boundTenant().equals(Optional.of(receipt.tenant()))) {
      throw new IllegalStateException("row-level security: the receipt belongs to another workspace");
    }
    table.rows().put(receipt.id(), receipt);
  }

  @Override
  public Page<ErasureReceipt> list(TenantId tenant, PageRequest page) {
    Optional<TenantId> bound = transactions.boundTenant();
    List<ErasureReceipt> fetched = table.rows().values().stream()
        .filter(r -> r.tenant().equals(tenant) && bound.equals(Optional.of(tenant)))
        .sorted(WALK_ORDER)
        .filter(r -> page.after().map(after -> WALK_ORDER.compare(r, probe(after)) > 0).orElse(true))
        .limit(page.limit() + 1L)
        .toList();
    return Page.fromLookahead(fetched, page.limit(), r -> new PageCursor(r.erasedAt(), r.id().value()));
  }

  private static ErasureReceipt probe(PageCursor after) {
    return new ErasureReceipt(new ErasureReceiptId(after.id()), TenantId.of(after.id()),
        dev.custodian.crm.core.contact.ContactId.of(after.id()), after.createdAt(), java.util.Map.of());
  }
}
