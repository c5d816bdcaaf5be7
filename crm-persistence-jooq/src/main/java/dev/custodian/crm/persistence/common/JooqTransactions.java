package dev.custodian.crm.persistence.common;

import dev.custodian.crm.core.common.error.CrmException;
import dev.custodian.crm.core.common.error.UnavailableException;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

/**
 * Persistence adapter: {@link Transactions} on a JDBC pool. Each transaction binds one connection
 * to the calling thread; a workspace transaction sets {@code crm.tenant_id} transaction-locally
 * before its first statement reads or writes, so the setting ends with the transaction and never
 * reaches the connection's next borrower. It does not spend a round trip of its own on it when it
 * can help it: the first statement may carry it ({@link #takeTenantBinding()}, as the credential
 * lookup that opens every request does); otherwise {@link #dsl()} sends it just before. Repositories reach the bound connection through {@link #dsl()}. When the database
 * does not answer (no connection in time, a broken connection, a statement timeout), the
 * transaction ends in the core's {@link UnavailableException}: trying again later may succeed.
 * Its {@link #statements() counter} totals the round trips it makes.
 */
public final class JooqTransactions implements Transactions {

  private static final Settings SETTINGS = new Settings()
      .withRenderSchema(false)
      .withExecuteLogging(false); // jOOQ's DEBUG logger would print statements with bind values

  private final DataSource dataSource;
  private final ThreadLocal<Bound> current = new ThreadLocal<>();
  private final StatementCounter statements = new StatementCounter();

  /** The open transaction on this thread; {@code tenantBound} once {@code crm.tenant_id} is (or is being) set. */
  private static final class Bound {
    private final Optional<WorkspaceId> workspace;
    private final DSLContext dsl;
    private boolean tenantBound;

    Bound(Optional<WorkspaceId> workspace, DSLContext dsl) {
      this.workspace = workspace;
      this.dsl = dsl;
      this.tenantBound = workspace.isEmpty();
    }

    Optional<WorkspaceId> workspace() {
      return workspace;
    }

    /** The set_config call, once: a workspace transaction's first statement must carry or follow it. */
    Optional<Field<String>> takeBinding() {
      if (tenantBound) {
        return Optional.empty();
      }
      tenantBound = true;
      return Optional.of(DSL.function("set_config", String.class,
          DSL.inline("crm.tenant_id"), DSL.val(workspace.get().value().toString()), DSL.inline(true)));
    }

    DSLContext dsl() {
      takeBinding().ifPresent(binding -> dsl.select(binding).fetch());
      return dsl;
    }
  }

  public JooqTransactions(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** The running totals of this adapter's statements, commits and rollbacks. */
  public StatementCounter statements() {
    return statements;
  }

  @Override
  public <T> T inWorkspace(WorkspaceId workspace, Supplier<T> work) {
    Objects.requireNonNull(workspace, "workspace");
    Bound open = current.get();
    if (open != null) {
      if (open.workspace().equals(Optional.of(workspace))) {
        return work.get();
      }
      throw new IllegalStateException(
          "a transaction for another workspace (or the platform) is already open on this thread");
    }
    return run(Optional.of(workspace), false, work);
  }

  /**
   * Sends {@code set transaction isolation level repeatable read} as the transaction's first
   * statement (transaction-local: the connection's next borrower gets the default again), then
   * runs {@code work} as {@link #inWorkspace} would: the workspace's {@code set_config} follows it.
   * It costs one round trip of its own: the isolation must be set before any query, so it cannot
   * ride in the first statement's select list as the binding does.
   */
  @Override
  public <T> T inWorkspaceSnapshot(WorkspaceId workspace, Supplier<T> work) {
    Objects.requireNonNull(workspace, "workspace");
    if (current.get() != null) {
      throw new IllegalStateException("a snapshot opens its own transaction; one is open on this thread");
    }
    return run(Optional.of(workspace), true, work);
  }

  @Override
  public <T> T inPlatform(Supplier<T> work) {
    return current.get() != null ? work.get() : run(Optional.empty(), false, work);
  }

  /**
   * For the statement that opens a workspace transaction and binds it itself: the
   * {@code set_config('crm.tenant_id', ..., true)} call to select ahead of its own columns, in a
   * statement that evaluates it before it reads any workspace-owned row (a select list over
   * platform tables, returning one row). Empty when the transaction is bound already or is a
   * platform one. Taking it promises to execute it next, on {@link #dsl()}.
   *
   * @throws IllegalStateException when no transaction is open
   */
  public Optional<Field<String>> takeTenantBinding() {
    Bound open = current.get();
    if (open == null) {
      throw new IllegalStateException("no transaction is open: call repositories through Transactions");
    }
    return open.takeBinding();
  }

  /**
   * The open transaction's jOOQ context; a workspace transaction not bound yet is bound first.
   *
   * @throws IllegalStateException when no transaction is open: repositories never autocommit
   */
  public DSLContext dsl() {
    Bound open = current.get();
    if (open == null) {
      throw new IllegalStateException("no transaction is open: call repositories through Transactions");
    }
    return open.dsl();
  }

  /**
   * The open transaction's jOOQ context, for a statement on {@code workspace}'s rows. Row-level
   * security already hides every other workspace; this check also holds for a role that bypasses
   * it, so a repository called for another workspace than its transaction's fails loudly.
   *
   * @throws IllegalStateException when no transaction is open, or it is not bound to {@code workspace}
   */
  public DSLContext dsl(WorkspaceId workspace) {
    Bound open = current.get();
    if (open != null && !open.workspace().equals(Optional.of(workspace))) {
      throw new IllegalStateException(
          "the repository was called for another workspace than its transaction's (or outside one)");
    }
    return dsl();
  }

  private <T> T run(Optional<WorkspaceId> workspace, boolean snapshot, Supplier<T> work) {
    try {
      return runOnce(workspace, snapshot, work);
    } catch (CrmException answer) {
      throw answer;
    } catch (RuntimeException e) {
      // The one place connections are borrowed and committed, so the one place to translate.
      throw DatabaseErrors.unavailable(e)
          .<RuntimeException>map(failure -> new UnavailableException(
              "the database did not answer in time; try again shortly", failure))
          .orElse(e);
    }
  }

  private <T> T runOnce(Optional<WorkspaceId> workspace, boolean snapshot, Supplier<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      DSLContext dsl = DSL.using(new DefaultConfiguration().set(connection).set(SQLDialect.POSTGRES)
          .set(SETTINGS).set(statements.listener()));
      try {
        if (snapshot) {
          dsl.execute("set transaction isolation level repeatable read");
        }
        current.set(new Bound(workspace, dsl));
        T result = work.get();
        statements.committed(); // counted before it is sent, as a statement is: a failed one went out too
        connection.commit();
        return result;
      } catch (RuntimeException | Error e) {
        rollbackQuietly(connection, e);
        throw e;
      } catch (SQLException e) {
        rollbackQuietly(connection, e);
        throw new DataAccessException("commit failed", e);
      } finally {
        current.remove();
      }
    } catch (SQLException e) {
      throw new DataAccessException("no database connection", e);
    }
  }

  private void rollbackQuietly(Connection connection, Throwable cause) {
    statements.rolledBack();
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
