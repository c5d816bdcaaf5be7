package dev.custodian.crm.core.common;

import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * In-memory fake of {@link Transactions} with the same contract as the database adapter:
 * transactions are serialised (the simplest isolation), an exception rolls back every
 * {@link InMemoryTable} to its state at begin, and tables refuse access outside a transaction.
 */
public final class InMemoryTransactions implements Transactions {

  private final ReentrantLock lock = new ReentrantLock();
  private final ThreadLocal<Tx> current = new ThreadLocal<>();
  private final List<InMemoryTable<?, ?>> tables = new ArrayList<>();

  private record Tx(Optional<WorkspaceId> workspace) {}

  /** A new table whose contents take part in this fake's transactions. */
  public synchronized <K, V> InMemoryTable<K, V> newTable() {
    InMemoryTable<K, V> table = new InMemoryTable<>(this);
    tables.add(table);
    return table;
  }

  @Override
  public <T> T inWorkspace(WorkspaceId workspace, Supplier<T> work) {
    Objects.requireNonNull(workspace, "workspace");
    Tx open = current.get();
    if (open != null) {
      if (open.workspace().equals(Optional.of(workspace))) {
        return work.get();
      }
      throw new IllegalStateException("a transaction for another workspace (or the platform) is open");
    }
    return begin(new Tx(Optional.of(workspace)), work);
  }

  /** One transaction as any other: this fake's transactions run one at a time, each a snapshot already. */
  @Override
  public <T> T inWorkspaceSnapshot(WorkspaceId workspace, Supplier<T> work) {
    Objects.requireNonNull(workspace, "workspace");
    if (current.get() != null) {
      throw new IllegalStateException("a snapshot opens its own transaction; one is open on this thread");
    }
    return begin(new Tx(Optional.of(workspace)), work);
  }

  @Override
  public <T> T inPlatform(Supplier<T> work) {
    return current.get() != null ? work.get() : begin(new Tx(Optional.empty()), work);
  }

  /** The workspace the open transaction is bound to; like row-level security, it hides the rest. */
  public Optional<WorkspaceId> boundWorkspace() {
    return requireOpen().workspace();
  }

  /** Fails loudly, as the database adapter does, when no transaction is open on this thread. */
  void requireTransaction() {
    requireOpen();
  }

  private Tx requireOpen() {
    Tx open = current.get();
    if (open == null) {
      throw new IllegalStateException("no transaction is open: call through Transactions");
    }
    return open;
  }

  private <T> T begin(Tx tx, Supplier<T> work) {
    lock.lock();
    List<Runnable> restores = new ArrayList<>();
    try {
      synchronized (this) {
        tables.forEach(table -> restores.add(table.snapshot()));
      }
      current.set(tx);
      return work.get();
    } catch (RuntimeException | Error e) {
      restores.forEach(Runnable::run);
      throw e;
    } finally {
      current.remove();
      lock.unlock();
    }
  }
}
