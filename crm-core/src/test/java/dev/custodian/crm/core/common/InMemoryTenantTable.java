package dev.custodian.crm.core.common;

import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A workspace-owned table for in-memory fakes, with what the database gives a workspace table: rows
 * keyed by (workspace, key); row-level security (only the transaction's workspace is visible, and
 * a row of another workspace cannot be written); unique keys within a workspace; and the keyset
 * walk, oldest first (time, then id in PostgreSQL's uuid order) or as a list query asks. A fake
 * states its table once and keeps only its own mapping.
 *
 * @param <K> the row's key within its workspace
 * @param <V> the row (usually the aggregate itself)
 */
public final class InMemoryTenantTable<K, V> {

  private record Key(WorkspaceId workspace, Object key) {}

  private record Unique<V>(Function<V, Object> value, String message) {}

  private final InMemoryTransactions transactions;
  private final InMemoryTable<Key, V> rows;
  private final Function<V, WorkspaceId> workspaceOf;
  private final Function<V, K> keyOf;
  private final List<Unique<V>> uniques;
  private final String duplicateKeyMessage;
  private final Function<V, Instant> timeOf;
  private final Function<V, UUID> idOf;

  private InMemoryTenantTable(Builder<K, V> builder) {
    this.transactions = builder.transactions;
    this.rows = builder.transactions.newTable();
    this.workspaceOf = builder.workspaceOf;
    this.keyOf = builder.keyOf;
    this.uniques = List.copyOf(builder.uniques);
    this.duplicateKeyMessage = builder.duplicateKeyMessage;
    this.timeOf = builder.timeOf;
    this.idOf = builder.idOf;
  }

  /** Starts a table whose rows belong to {@code workspaceOf(row)} and are keyed by {@code keyOf(row)}. */
  public static <K, V> Builder<K, V> builder(
      InMemoryTransactions transactions, Function<V, WorkspaceId> workspaceOf, Function<V, K> keyOf) {
    return new Builder<>(transactions, workspaceOf, keyOf);
  }

  /**
   * Stores a new row.
   *
   * @throws IllegalStateException when the row belongs to another workspace than the transaction's
   * @throws ConflictException {@code DUPLICATE} when its key or a unique value is taken
   */
  public void insert(V row) {
    checkWritable(row);
    if (rows.rows().containsKey(keyOf(row))) {
      throw new ConflictException(ConflictException.Kind.DUPLICATE, duplicateKeyMessage);
    }
    refuseDuplicates(row);
    rows.rows().put(keyOf(row), row);
  }

  /** Stores the row unless one with its key exists ({@code on conflict do nothing}). */
  public boolean insertIfAbsent(V row) {
    checkWritable(row);
    if (rows.rows().containsKey(keyOf(row))) {
      return false;
    }
    insert(row);
    return true;
  }

  /** The visible row of {@code workspace} with that key. */
  public Optional<V> find(WorkspaceId workspace, K key) {
    if (!transactions.boundWorkspace().equals(Optional.of(workspace))) {
      return Optional.empty(); // as visible(workspace), by the key at once
    }
    return Optional.ofNullable(rows.rows().get(new Key(workspace, key)));
  }

  /** Every row of {@code workspace} the transaction may see (none for another workspace). */
  public Stream<V> visible(WorkspaceId workspace) {
    Optional<WorkspaceId> bound = transactions.boundWorkspace();
    if (!bound.equals(Optional.of(workspace))) {
      return Stream.empty();
    }
    return rows.rows().values().stream().filter(row -> workspaceOf.apply(row).equals(workspace));
  }

  /**
   * Replaces the visible row with the same key.
   *
   * @return false when there is none
   * @throws ConflictException {@code DUPLICATE} when a unique value is taken by another row
   */
  public boolean replace(V row) {
    if (find(workspaceOf.apply(row), keyOf.apply(row)).isEmpty()) {
      return false;
    }
    refuseDuplicates(row);
    rows.rows().put(keyOf(row), row);
    return true;
  }

  /** Deletes the visible row of {@code workspace} with that key; false when there is none. */
  public boolean remove(WorkspaceId workspace, K key) {
    return find(workspace, key).map(row -> rows.rows().remove(keyOf(row)) != null).orElse(false);
  }

  /** One page of the workspace's rows, oldest first, after the request's cursor. */
  public Page<V> page(WorkspaceId workspace, PageRequest request) {
    Objects.requireNonNull(timeOf, "this table has no walk order");
    return InMemoryPaging.page(visible(workspace), timeOf, idOf, request);
  }

  /** One page of the workspace's rows for {@code query}, each row's fields read by {@code fields}. */
  public Page<V> list(WorkspaceId workspace, ListQuery query, ListFields<V> fields) {
    return InMemoryPaging.page(visible(workspace), query, fields);
  }

  private Key keyOf(V row) {
    return new Key(workspaceOf.apply(row), keyOf.apply(row));
  }

  /** Row-level security's {@code WITH CHECK}: a row is written only for the bound workspace. */
  private void checkWritable(V row) {
    if (!transactions.boundWorkspace().equals(Optional.of(workspaceOf.apply(row)))) {
      throw new IllegalStateException("row-level security: the row belongs to another workspace");
    }
  }

  private void refuseDuplicates(V row) {
    WorkspaceId workspace = workspaceOf.apply(row);
    K key = keyOf.apply(row);
    for (Unique<V> unique : uniques) {
      Object value = unique.value().apply(row);
      if (value == null) {
        continue; // none is no value: as in SQL, many rows may have none
      }
      boolean taken = rows.rows().values().stream()
          .filter(other -> workspaceOf.apply(other).equals(workspace) && !keyOf.apply(other).equals(key))
          .anyMatch(other -> value.equals(unique.value().apply(other)));
      if (taken) {
        throw new ConflictException(ConflictException.Kind.DUPLICATE, unique.message());
      }
    }
  }

  /** How a table is declared. */
  public static final class Builder<K, V> {

    private final InMemoryTransactions transactions;
    private final Function<V, WorkspaceId> workspaceOf;
    private final Function<V, K> keyOf;
    private final List<Unique<V>> uniques = new ArrayList<>();
    private String duplicateKeyMessage = "the row already exists";
    private Function<V, Instant> timeOf;
    private Function<V, UUID> idOf;

    private Builder(InMemoryTransactions transactions, Function<V, WorkspaceId> workspaceOf, Function<V, K> keyOf) {
      this.transactions = Objects.requireNonNull(transactions, "transactions");
      this.workspaceOf = Objects.requireNonNull(workspaceOf, "workspaceOf");
      this.keyOf = Objects.requireNonNull(keyOf, "keyOf");
    }

    /** The conflict message when a row's key is taken. */
    public Builder<K, V> duplicateKeyMessage(String message) {
      this.duplicateKeyMessage = message;
      return this;
    }

    /** A value unique within a workspace, e.g. a normalised email; {@code null} (none) is never taken. */
    public Builder<K, V> unique(Function<V, Object> value, String conflictMessage) {
      uniques.add(new Unique<>(value, conflictMessage));
      return this;
    }

    /** The keyset walk: rows ordered by {@code time}, then {@code id} in uuid order. */
    public Builder<K, V> walkOrder(Function<V, Instant> time, Function<V, UUID> id) {
      this.timeOf = Objects.requireNonNull(time, "time");
      this.idOf = Objects.requireNonNull(id, "id");
      return this;
    }

    public InMemoryTenantTable<K, V> build() {
      return new InMemoryTenantTable<>(this);
    }
  }
}
