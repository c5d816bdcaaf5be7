package dev.custodian.crm.persistence.common;

import java.util.concurrent.atomic.AtomicLong;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;

/**
 * Running totals of the round trips one {@link JooqTransactions} makes to PostgreSQL: every
 * statement jOOQ executes, and every commit and rollback the transactions send themselves.
 *
 * <p>The totals only grow and count every thread alike (no per-request state): a reader takes
 * the difference over a window in which it knows what ran, e.g. a benchmark dividing by the
 * requests it sent, and accounts for background work (the mail dispatcher) in that window.
 */
public final class StatementCounter {

  private final AtomicLong statements = new AtomicLong();
  private final AtomicLong commits = new AtomicLong();
  private final AtomicLong rollbacks = new AtomicLong();
  private final ExecuteListenerProvider listener = new DefaultExecuteListenerProvider(new Listener(statements));

  StatementCounter() {}

  /** Statements jOOQ executed, each one round trip. */
  public long statements() {
    return statements.get();
  }

  /** Commits sent. */
  public long commits() {
    return commits.get();
  }

  /** Rollbacks sent (a failed commit's rollback included). */
  public long rollbacks() {
    return rollbacks.get();
  }

  /**
   * Every round trip counted: statements, commits and rollbacks. pgjdbc sends a transaction's
   * {@code BEGIN} together with its first statement, so it adds none; it skips the commit of a
   * transaction that sent nothing, which is still counted here; the pool's check of a connection
   * idle for a while is not.
   */
  public long roundTrips() {
    // each read is atomic, the sum is not: good enough for a difference over a window
    return statements.get() + commits.get() + rollbacks.get();
  }

  ExecuteListenerProvider listener() {
    return listener;
  }

  void committed() {
    commits.incrementAndGet();
  }

  void rolledBack() {
    rollbacks.incrementAndGet();
  }

  @Override
  public String toString() {
    return "StatementCounter[statements=" + statements() + ", commits=" + commits() + ", rollbacks="
        + rollbacks() + "]";
  }

  /** Counts at the start of execution, so a statement that then fails is counted too: it went out. */
  private static final class Listener implements ExecuteListener {

    private static final long serialVersionUID = 1L;

    private final transient AtomicLong statements;

    Listener(AtomicLong statements) {
      this.statements = statements;
    }

    @Override
    public void executeStart(ExecuteContext ctx) {
      statements.incrementAndGet();
    }
  }
}
