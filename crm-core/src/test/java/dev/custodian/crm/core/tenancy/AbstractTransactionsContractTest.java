package dev.custodian.crm.core.tenancy;

import static dev.custodian.crm.core.workspace.WorkspaceFixtures.aWorkspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.custodian.crm.core.testing.PortFixture;
import dev.custodian.crm.core.workspace.Workspace;
import dev.custodian.crm.core.workspace.port.out.WorkspaceRepository;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of the {@link Transactions} port: commit on return, rollback on an exception (which
 * keeps its type), joining nested calls, the workspace binding ending with its transaction, and
 * snapshots reading one instant. Every implementation extends this class, registers the extension
 * that provides its {@link PortFixture}, and supplies the few things only it can: its transactions
 * over one pooled connection, how a statement sees the bound workspace, and whether writers run
 * beside an open snapshot.
 *
 * <p>What it does not claim: that a snapshot refuses writes. The port's snapshot is not read-only:
 * its first statement lets the actor in, and that may write (an API key's use, a reused session
 * token's revocation), so neither adapter makes it {@code READ ONLY}.
 */
public abstract class AbstractTransactionsContractTest {

  protected Transactions tx;
  protected WorkspaceRepository workspaces;
  private PortFixture ports;

  /** The adapter's transactions and workspace store over one pooled connection (a fake without a pool: its own). */
  public record OneConnection(Transactions transactions, WorkspaceRepository workspaces) {}

  @BeforeEach
  void setUpPorts(PortFixture fixture) {
    ports = fixture;
    tx = fixture.transactions();
    workspaces = fixture.workspaces();
  }

  /** Transactions whose every transaction borrows the same single connection, with a workspace store joining them. */
  protected abstract OneConnection oneConnection(PortFixture ports);

  /**
   * The workspace the open transaction's statements see, read the adapter's own way (the database's
   * {@code crm.tenant_id}; the fake's bound workspace); empty when none is. Called inside a
   * transaction of {@code transactions}.
   */
  protected abstract Optional<WorkspaceId> boundWorkspace(Transactions transactions);

  /**
   * True when another transaction can commit while a snapshot is open (a database's MVCC); false
   * for a fake that serialises its transactions, where such a writer waits for the snapshot to end.
   * Either way the snapshot must not see the writer's row; the flag says which of the two the test
   * expects, so neither branch can pass by accident.
   */
  protected abstract boolean writersRunBesideSnapshots();

  private Optional<Workspace> find(WorkspaceId id) {
    return tx.inPlatform(() -> workspaces.findById(id));
  }

  private static final class Boom extends RuntimeException {
    Boom() {
      super("boom");
    }
  }

  @Test
  void givenWorkReturns_thenItsWritesAreCommitted_andItsResultReturned() {
    Workspace w = aWorkspace();
    String result = tx.inPlatform(() -> {
      workspaces.insert(w);
      return "done";
    });
    assertThat(result).isEqualTo("done");
    assertThat(find(w.id())).isPresent();

    Workspace other = aWorkspace();
    tx.inPlatform(() -> {
      workspaces.insert(other);
      return null;
    });
    assertThat(tx.inWorkspace(other.id(), () -> workspaces.findById(other.id()))).isPresent();
  }

  @Test
  void givenWorkThrows_thenNothingItWroteIsVisibleAfter_andTheSameExceptionPropagates() {
    Workspace w = aWorkspace();
    Boom boom = new Boom();
    assertThatThrownBy(() -> tx.inPlatform(() -> {
      workspaces.insert(w);
      assertThat(workspaces.findById(w.id())).as("visible inside its own transaction").isPresent();
      throw boom;
    })).isSameAs(boom);
    assertThat(find(w.id())).isEmpty();

    Workspace w2 = aWorkspace();
    WorkspaceId bound = aWorkspace().id();
    assertThatThrownBy(() -> tx.inWorkspace(bound, () -> {
      workspaces.insert(w2);
      throw boom;
    })).isSameAs(boom);
    assertThat(find(w2.id())).isEmpty();
  }

  @Test
  void givenAnErrorThrown_thenItRollsBackAndPropagatesUnchangedToo() {
    Workspace w = aWorkspace();
    AssertionError error = new AssertionError("an error, not an exception");
    assertThatThrownBy(() -> tx.inPlatform(() -> {
      workspaces.insert(w);
      throw error;
    })).isSameAs(error);
    assertThat(find(w.id())).isEmpty();
  }

  @Test
  void givenNestedCalls_thenTheyJoinTheOuterTransaction_andAnInnerExceptionKeepsItsTypeThroughBoth() {
    Workspace outer = aWorkspace();
    Workspace inner = aWorkspace();
    WorkspaceId bound = outer.id();
    Boom boom = new Boom();
    assertThatThrownBy(() -> tx.inWorkspace(bound, () -> {
      workspaces.insert(outer);
      return tx.inWorkspace(bound, () -> tx.inPlatform(() -> {
        workspaces.insert(inner);
        throw boom;
      }));
    })).isSameAs(boom);
    assertThat(find(outer.id())).as("the outer write rolls back with the inner failure").isEmpty();
    assertThat(find(inner.id())).isEmpty();

    // A nested failure the outer work catches ends nothing on its own: the outer decides.
    Workspace kept = aWorkspace();
    Workspace alsoKept = aWorkspace();
    tx.inPlatform(() -> {
      workspaces.insert(kept);
      try {
        tx.inPlatform(() -> {
          workspaces.insert(alsoKept);
          throw boom;
        });
      } catch (Boom caught) {
        // handled by the outer work
      }
      return null;
    });
    assertThat(find(kept.id())).isPresent();
    assertThat(find(alsoKept.id())).as("joined, so committed with the outer transaction").isPresent();
  }

  @Test
  void givenATransactionOfOneWorkspaceOpen_thenANestedCallForAnother_orASnapshot_isRefused() {
    WorkspaceId a = aWorkspace().id();
    WorkspaceId b = aWorkspace().id();
    assertThatThrownBy(() -> tx.inWorkspace(a, () -> tx.inWorkspace(b, () -> 1)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> tx.inPlatform(() -> tx.inWorkspace(a, () -> 1)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> tx.inWorkspace(a, () -> tx.inWorkspaceSnapshot(a, () -> 1)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(tx.inWorkspace(a, () -> tx.inPlatform(() -> 7))).as("platform work joins any transaction").isEqualTo(7);
  }

  @Test
  @DisplayName("TEN-01: a transaction's workspace binding ends with it: the next borrower of the same pooled connection sees none, or its own")
  void workspaceBindingDoesNotLeakToTheNextBorrower() {
    OneConnection one = oneConnection(ports);
    Transactions single = one.transactions();
    WorkspaceId a = aWorkspace().id();
    WorkspaceId b = aWorkspace().id();

    assertThat(single.inWorkspace(a, () -> boundWorkspace(single))).contains(a);
    assertThat(single.inPlatform(() -> boundWorkspace(single))).isEmpty();
    assertThat(single.inWorkspace(b, () -> boundWorkspace(single))).contains(b);
    assertThat(single.inWorkspaceSnapshot(a, () -> boundWorkspace(single))).contains(a);
    assertThat(single.inPlatform(() -> boundWorkspace(single))).isEmpty();

    assertThatThrownBy(() -> single.inWorkspace(a, () -> {
      assertThat(boundWorkspace(single)).contains(a);
      throw new Boom();
    })).isInstanceOf(Boom.class);
    assertThat(single.inPlatform(() -> boundWorkspace(single))).as("after a rollback too").isEmpty();
  }

  @Test
  @DisplayName("A snapshot reads one instant: a row another transaction commits after the snapshot's first read stays unseen by it, and a plain transaction after the commit sees it")
  void snapshotReadsOneInstant() throws Exception {
    WorkspaceId bound = aWorkspace().id();
    Workspace later = aWorkspace();
    CompletableFuture<Void>[] writer = new CompletableFuture[1];
    boolean[] committedDuringSnapshot = new boolean[1];

    Optional<Workspace> seenAfterTheCommit = tx.inWorkspaceSnapshot(bound, () -> {
      assertThat(workspaces.findById(later.id())).as("the snapshot's first read").isEmpty();
      writer[0] = CompletableFuture.runAsync(() -> tx.inPlatform(() -> {
        workspaces.insert(later);
        return null;
      }));
      committedDuringSnapshot[0] = finishesWithin(writer[0], writersRunBesideSnapshots() ? 10 : 1);
      return workspaces.findById(later.id());
    });
    writer[0].get(10, TimeUnit.SECONDS);

    assertThat(committedDuringSnapshot[0])
        .as(writersRunBesideSnapshots() ? "the writer commits while the snapshot is open"
            : "the writer waits for the snapshot (serialised transactions)")
        .isEqualTo(writersRunBesideSnapshots());
    assertThat(seenAfterTheCommit).as("read by the snapshot after the writer's commit").isEmpty();
    assertThat(tx.inWorkspace(bound, () -> workspaces.findById(later.id()))).isPresent();
  }

  @Test
  @DisplayName("A plain transaction is no snapshot: it sees a row another transaction committed after its first read (where writers run beside it)")
  void plainTransactionSeesCommitsBetweenItsReads() throws Exception {
    // A fake that serialises its transactions has no 'meanwhile' (each transaction is a snapshot): skipped there.
    assumeTrue(writersRunBesideSnapshots(), "transactions are serialised");
    WorkspaceId bound = aWorkspace().id();
    Workspace later = aWorkspace();
    Optional<Workspace> seen = tx.inWorkspace(bound, () -> {
      assertThat(workspaces.findById(later.id())).isEmpty();
      CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> tx.inPlatform(() -> {
        workspaces.insert(later);
        return null;
      }));
      assertThat(finishesWithin(writer, 10)).isTrue();
      return workspaces.findById(later.id());
    });
    assertThat(seen).isPresent();
  }

  @Test
  void givenASnapshotThrows_thenItRollsBackAndTheExceptionKeepsItsType() {
    Boom boom = new Boom();
    assertThatThrownBy(() -> tx.inWorkspaceSnapshot(aWorkspace().id(), () -> {
      throw boom;
    })).isSameAs(boom);
    WorkspaceId bound = aWorkspace().id();
    assertThat(tx.inWorkspaceSnapshot(bound, () -> "read")).isEqualTo("read");
  }

  private static boolean finishesWithin(CompletableFuture<Void> future, int seconds) {
    try {
      future.get(seconds, TimeUnit.SECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the concurrent writer failed", e.getCause());
    }
  }
}
