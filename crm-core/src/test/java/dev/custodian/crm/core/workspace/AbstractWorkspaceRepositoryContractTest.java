package dev.custodian.crm.core.workspace;

import dev.custodian.crm.core.tenancy.WorkspaceId;
import static dev.custodian.crm.core.workspace.WorkspaceFixtures.aWorkspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.workspace.port.out.WorkspaceRepository;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import dev.custodian.crm.core.testing.PortFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link WorkspaceRepository} and of {@link Transactions} around it. Every
 * implementation (the in-memory fake, the jOOQ adapter, yours) extends this class and registers
 * the extension that provides its {@link PortFixture}: the workspace store is the fixture's own.
 * The behaviour below is what the core relies on.
 */
public abstract class AbstractWorkspaceRepositoryContractTest {

  protected Transactions transactions;
  protected WorkspaceRepository workspaces;

  @BeforeEach
  void setUpPorts(PortFixture ports) {
    transactions = ports.transactions();
    workspaces = ports.workspaces();
  }

  private Optional<Workspace> read(WorkspaceId id) {
    return transactions.inPlatform(() -> workspaces.findById(id));
  }

  @Test
  void givenStoredWorkspace_whenReadById_thenEverythingRoundTripsAtMicrosecondPrecision() {
    Workspace workspace = aWorkspace();
    transactions.inPlatform(() -> { workspaces.insert(workspace); return null; });

    Workspace read = read(workspace.id()).orElseThrow();
    assertThat(read).isEqualTo(workspace);
    assertThat(read.createdAt()).isEqualTo(workspace.createdAt().truncatedTo(ChronoUnit.MICROS));
    assertThat(read.status()).isEqualTo(WorkspaceStatus.ACTIVE);
  }

  @Test
  void givenNoWorkspace_whenReadById_thenEmpty() {
    assertThat(read(aWorkspace().id())).isEmpty();
  }

  @Test
  void givenTakenSlug_whenInserting_thenDuplicateConflictAndTheFirstStays() {
    Workspace first = aWorkspace();
    transactions.inPlatform(() -> { workspaces.insert(first); return null; });
    Workspace second = Workspace.create(aWorkspace().id(), first.name(), first.slug(), first.createdAt());

    assertThatThrownBy(() -> transactions.inPlatform(() -> { workspaces.insert(second); return null; }))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.kind()).isEqualTo(ConflictException.Kind.DUPLICATE));
    assertThat(read(first.id())).contains(first);
    assertThat(read(second.id())).isEmpty();
  }

  @Test
  void existsBySlug_answersForTakenAndFreeSlugs() {
    Workspace workspace = aWorkspace();
    transactions.inPlatform(() -> { workspaces.insert(workspace); return null; });

    assertThat(transactions.inPlatform(() -> workspaces.existsBySlug(workspace.slug()))).isTrue();
    assertThat(transactions.inPlatform(() -> workspaces.existsBySlug(aWorkspace().slug()))).isFalse();
  }

  @Test
  void givenNoOpenTransaction_whenRepositoryCalled_thenFailsLoudly() {
    Workspace workspace = aWorkspace();
    assertThatThrownBy(() -> workspaces.insert(workspace)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> workspaces.findById(workspace.id())).isInstanceOf(IllegalStateException.class);
    assertThat(read(workspace.id())).isEmpty();
  }

  @Test
  void givenExceptionInsideInTenant_thenEverythingWrittenIsRolledBack() {
    Workspace a = aWorkspace();
    Workspace b = aWorkspace();
    RuntimeException boom = new RuntimeException("boom");

    assertThatThrownBy(() -> transactions.inWorkspace(a.id(), () -> {
      workspaces.insert(a);
      transactions.inWorkspace(a.id(), () -> { workspaces.insert(b); return null; });
      throw boom;
    })).isSameAs(boom);

    assertThat(read(a.id())).isEmpty();
    assertThat(read(b.id())).isEmpty();
  }

  @Test
  void givenExceptionInsideInPlatform_thenEverythingWrittenIsRolledBack() {
    Workspace a = aWorkspace();
    assertThatThrownBy(() -> transactions.inPlatform(() -> {
      workspaces.insert(a);
      throw new IllegalStateException("boom");
    })).hasMessage("boom");
    assertThat(read(a.id())).isEmpty();
  }

  @Test
  void givenOpenTenantTransaction_whenNestedForSameTenant_thenJoinsAndCommitsTogether() {
    Workspace a = aWorkspace();
    Workspace b = aWorkspace();
    transactions.inWorkspace(a.id(), () -> {
      workspaces.insert(a);
      return transactions.inWorkspace(a.id(), () -> {
        assertThat(workspaces.findById(a.id())).contains(a); // sees the outer write: same transaction
        workspaces.insert(b);
        return null;
      });
    });
    assertThat(read(a.id())).contains(a);
    assertThat(read(b.id())).contains(b);
  }

  @Test
  void givenOpenTenantTransaction_whenNestedForAnotherTenant_thenFailsAndNothingIsWritten() {
    Workspace a = aWorkspace();
    Workspace b = aWorkspace();
    assertThatThrownBy(() -> transactions.inWorkspace(a.id(), () -> {
      workspaces.insert(a);
      return transactions.inWorkspace(b.id(), () -> null);
    })).isInstanceOf(IllegalStateException.class);
    assertThat(read(a.id())).isEmpty();
  }

  @Test
  void givenOpenTenantTransaction_whenPlatformWorkNested_thenJoins() {
    Workspace a = aWorkspace();
    transactions.inWorkspace(a.id(), () -> {
      transactions.inPlatform(() -> { workspaces.insert(a); return null; });
      assertThat(workspaces.findById(a.id())).contains(a);
      return null;
    });
    assertThat(read(a.id())).contains(a);
  }

  @Test
  void givenOpenPlatformTransaction_whenTenantWorkNested_thenFails() {
    Workspace a = aWorkspace();
    assertThatThrownBy(() -> transactions.inPlatform(() -> transactions.inWorkspace(a.id(), () -> null)))
        .isInstanceOf(IllegalStateException.class);
  }
}
