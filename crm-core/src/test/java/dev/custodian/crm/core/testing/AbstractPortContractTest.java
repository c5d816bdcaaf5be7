package dev.custodian.crm.core.testing;

import static dev.custodian.crm.core.workspace.WorkspaceFixtures.aWorkspace;

import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.workspace.Workspace;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the contracts of workspace-owned ports: two workspaces, {@link #a} and {@link #b}, stored
 * before each test through the {@link PortFixture} that the subclass's extension provides.
 */
public abstract class AbstractPortContractTest {

  protected Transactions tx;
  protected WorkspaceId a;
  protected WorkspaceId b;

  @BeforeEach
  void twoWorkspaces(PortFixture ports) {
    tx = ports.transactions();
    Workspace wa = aWorkspace();
    Workspace wb = aWorkspace();
    tx.inPlatform(() -> {
      ports.workspaces().insert(wa);
      ports.workspaces().insert(wb);
      return null;
    });
    a = wa.id();
    b = wb.id();
    portsReady();
  }

  /** Called once the fixture is in place: fetch the port under test here. */
  protected abstract void portsReady();

  /** Runs {@code work} in a transaction of {@code workspace}. */
  protected <T> T in(WorkspaceId workspace, Supplier<T> work) {
    return tx.inWorkspace(workspace, work);
  }

  /**
   * Waits for {@code latch} at most {@code seconds}; false when it did not open in time. Lock
   * contracts use it to see whether a second transaction finished while the first held a lock.
   */
  protected static boolean awaitAtMost(CountDownLatch latch, int seconds) {
    try {
      return latch.await(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A call made inside a transaction of another workspace than the one it names must not reach
   * that workspace's rows: the adapter either refuses it ({@link IllegalStateException}) or
   * answers as if there were nothing, which {@code nothing} asserts.
   */
  protected static <T> void assertRefusedOr(Supplier<T> call, Consumer<T> nothing) {
    T answer;
    try {
      answer = call.get();
    } catch (IllegalStateException refused) {
      return;
    }
    nothing.accept(answer);
  }

  /** Runs {@code work} in a transaction of {@code workspace}. */
  protected void run(WorkspaceId workspace, Runnable work) {
    tx.inWorkspace(workspace, () -> {
      work.run();
      return null;
    });
  }
}
