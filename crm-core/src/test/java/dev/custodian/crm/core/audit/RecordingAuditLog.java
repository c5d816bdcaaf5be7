package dev.custodian.crm.core.audit;

import dev.custodian.crm.core.audit.port.out.AuditLog;
import dev.custodian.crm.core.common.InMemoryTable;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Test fake: an {@link AuditLog} that keeps what was appended, by chain, in order (no seal). Made
 * with a table of the in-memory transactions, its appends roll back with the transaction, as the
 * real log's do.
 */
public final class RecordingAuditLog implements AuditLog {

  /** One append. */
  public record Appended(AuditChain chain, AuditEvent event) {}

  private final Supplier<Map<Long, Appended>> rows;
  private final AtomicLong sequence = new AtomicLong();

  /** Appends kept whatever becomes of their transaction. */
  public RecordingAuditLog() {
    Map<Long, Appended> kept = new ConcurrentSkipListMap<>();
    this.rows = () -> kept;
  }

  /** Appends kept in {@code table}: a rolled-back transaction leaves none. */
  public RecordingAuditLog(InMemoryTable<Long, Appended> table) {
    this.rows = table::rows;
  }

  public List<Appended> appended() {
    return rows.get().entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
  }

  /** The events appended to {@code chain}, in order. */
  public List<AuditEvent> events(AuditChain chain) {
    return appended().stream().filter(a -> a.chain().equals(chain)).map(Appended::event).toList();
  }

  @Override
  public long append(AuditChain chain, AuditEvent event) {
    rows.get().put(sequence.incrementAndGet(), new Appended(chain, event));
    return events(chain).size();
  }

  @Override
  public List<AuditEntry> newestFirst(AuditChain chain, AuditFilter filter, OptionalLong below, int limit) {
    throw new UnsupportedOperationException("a recording only");
  }

  @Override
  public void forEachOldestFirst(AuditChain chain, Consumer<AuditEntry> each) {
    throw new UnsupportedOperationException("a recording only");
  }

  @Override
  public AuditVerification verify(AuditChain chain) {
    throw new UnsupportedOperationException("a recording only");
  }

  @Override
  public List<AuditEntry> signInsOf(UUID account, OptionalLong below, int limit) {
    throw new UnsupportedOperationException("a recording only");
  }

  @Override
  public boolean forget(UUID subject) {
    throw new UnsupportedOperationException("a recording only");
  }

  @Override
  public List<AuditChain> chains() {
    throw new UnsupportedOperationException("a recording only");
  }
}
