package dev.custodian.crm.core.throttle;

import dev.custodian.crm.core.common.InMemoryTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.throttle.port.out.ThrottleRepository;
import java.time.Instant;

/** In-memory fake of {@link ThrottleRepository}; the fake's transactions are serialised, so hits are atomic. */
public final class InMemoryThrottleRepository implements ThrottleRepository {

  private record Entry(Instant windowStart, Instant windowEnd, int hits) {}

  private final InMemoryTable<String, Entry> table;

  public InMemoryThrottleRepository(InMemoryTransactions transactions) {
    this.table = transactions.newTable();
  }

  @Override
  public int hit(String keyedHash, Instant windowStart, Instant windowEnd, Instant now) {
    Entry entry = table.rows().compute(keyedHash, (hash, stored) -> stored == null || !stored.windowEnd().isAfter(now)
        ? new Entry(windowStart, windowEnd, 1)
        : new Entry(stored.windowStart(), stored.windowEnd(), stored.hits() == Integer.MAX_VALUE ? stored.hits() : stored.hits() + 1));
    return entry.hits();
  }

  @Override
  public int hits(String keyedHash, Instant now) {
    Entry entry = table.rows().get(keyedHash);
    return entry != null && !entry.windowStart().isAfter(now) && entry.windowEnd().isAfter(now) ? entry.hits() : 0;
  }

  @Override
  public void release(String keyedHash, Instant now) {
    table.rows().computeIfPresent(keyedHash, (hash, stored) -> stored.windowEnd().isAfter(now) && stored.hits() > 0
        ? new Entry(stored.windowStart(), stored.windowEnd(), stored.hits() - 1)
        : stored);
  }

  @Override
  public void clear(String keyedHash) {
    table.rows().remove(keyedHash);
  }

  @Override
  public int purgeEnded(Instant now) {
    int before = table.rows().size();
    table.rows().values().removeIf(entry -> !entry.windowEnd().isAfter(now));
    return before - table.rows().size();
  }
}
