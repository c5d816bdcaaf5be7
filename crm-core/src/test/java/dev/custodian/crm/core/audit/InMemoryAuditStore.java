package dev.custodian.crm.core.audit;

import dev.custodian.crm.core.audit.port.out.AuditStore;
import dev.custodian.crm.core.common.InMemoryTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * In-memory fake of {@link AuditStore}: rows by chain and sequence, heads by chain, wrapped keys
 * by subject; a workspace chain is visible only in a transaction of that workspace.
 */
public final class InMemoryAuditStore implements AuditStore {

  private record Key(AuditChain chain, long sequence) {}

  private final InMemoryTransactions transactions;
  private final InMemoryTable<Key, Row> rows;
  private final InMemoryTable<AuditChain, Head> heads;
  private final InMemoryTable<UUID, byte[]> subjectKeys;

  public InMemoryAuditStore(InMemoryTransactions transactions) {
    this.transactions = transactions;
    this.rows = transactions.newTable();
    this.heads = transactions.newTable();
    this.subjectKeys = transactions.newTable();
  }

  @Override
  public Optional<Head> lockHead(AuditChain chain) {
    return head(chain); // transactions are serialised: the lock is the fake's
  }

  @Override
  public Optional<Head> head(AuditChain chain) {
    requireVisible(chain);
    return Optional.ofNullable(heads.rows().get(chain));
  }

  @Override
  public boolean appendIfHead(Row row, Optional<byte[]> subjectKey) {
    requireVisible(row.chain());
    if (subjectKey.isPresent() && !subjectKey(row.subject().orElseThrow())
        .map(stored -> java.util.Arrays.equals(stored, subjectKey.get())).orElse(false)) {
      return false;
    }
    Head head = heads.rows().get(row.chain());
    boolean follows = head == null
        ? row.sequence() == 1
        : head.sequence() == row.sequence() - 1 && java.util.Arrays.equals(head.hash(), row.previousHash());
    if (!follows) {
      return false;
    }
    rows.rows().put(new Key(row.chain(), row.sequence()), row);
    heads.rows().put(row.chain(), new Head(row.sequence(), row.hash()));
    return true;
  }

  @Override
  public List<Row> newestFirst(AuditChain chain, dev.custodian.crm.core.audit.AuditFilter filter, OptionalLong below,
      int limit) {
    requireVisible(chain);
    return rows.rows().values().stream()
        .filter(r -> r.chain().equals(chain))
        .filter(r -> below.isEmpty() || r.sequence() < below.getAsLong())
        .filter(r -> filter.from().map(from -> !r.at().isBefore(from)).orElse(true))
        .filter(r -> filter.to().map(to -> r.at().isBefore(to)).orElse(true))
        .filter(r -> filter.action().map(a -> r.action() == a).orElse(true))
        .filter(r -> filter.targetType().map(t -> r.targetType() == t).orElse(true))
        .filter(r -> filter.targetId().map(id -> r.targetId().equals(Optional.of(id))).orElse(true))
        .sorted(Comparator.comparingLong(Row::sequence).reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public Optional<Head> forEachOldestFirst(AuditChain chain, Consumer<Row> each) {
    requireVisible(chain);
    Optional<Head> head = Optional.ofNullable(heads.rows().get(chain));
    new ArrayList<>(rows.rows().values()).stream()
        .filter(r -> r.chain().equals(chain))
        .sorted(Comparator.comparingLong(Row::sequence))
        .forEach(each);
    return head;
  }

  @Override
  public List<Row> signInsOf(UUID subject, List<AuditAction> signIns, OptionalLong below, int limit) {
    return rows.rows().values().stream()
        .filter(r -> r.chain().isPlatform() && r.subject().equals(Optional.of(subject)) && signIns.contains(r.action()))
        .filter(r -> below.isEmpty() || r.sequence() < below.getAsLong())
        .sorted(Comparator.comparingLong(Row::sequence).reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public Optional<byte[]> subjectKey(UUID subject) {
    return Optional.ofNullable(subjectKeys.rows().get(subject));
  }

  @Override
  public byte[] insertSubjectKey(UUID subject, byte[] wrapped, java.time.Instant createdAt) {
    return subjectKeys.rows().computeIfAbsent(subject, s -> wrapped);
  }

  @Override
  public boolean deleteSubjectKey(UUID subject) {
    return subjectKeys.rows().remove(subject) != null;
  }

  @Override
  public List<AuditChain> chains() {
    return List.copyOf(heads.rows().keySet());
  }

  private void requireVisible(AuditChain chain) {
    if (chain.workspace().isPresent() && !transactions.boundWorkspace().equals(chain.workspace())) {
      throw new IllegalStateException("a workspace's chain is read and written in a transaction of that workspace");
    }
  }
}
