package dev.custodian.crm.core.workspace;

import dev.custodian.crm.core.tenancy.WorkspaceId;
import static dev.custodian.crm.core.account.AccountFixtures.anAccount;
import static dev.custodian.crm.core.workspace.WorkspaceFixtures.aWorkspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.access.port.out.MembershipRepository;
import dev.custodian.crm.core.account.Account;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.account.port.out.AccountRepository;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.common.paging.UuidOrder;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.testing.KeysetWalkCheck;
import dev.custodian.crm.core.workspace.port.out.WorkspaceRepository;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import dev.custodian.crm.core.testing.PortFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link WorkspaceRepository} and of {@link Transactions} around it. Every
 * implementation (the in-memory fake, the jOOQ adapter, yours) extends this class and registers
 * the extension that provides its {@link PortFixture}: the workspace store is the fixture's own,
 * and an account's list of workspaces is made with the fixture's accounts and memberships.
 * The behaviour below is what the core relies on.
 */
public abstract class AbstractWorkspaceRepositoryContractTest {

  protected Transactions transactions;
  protected WorkspaceRepository workspaces;
  private AccountRepository accounts;
  private MembershipRepository memberships;

  @BeforeEach
  void setUpPorts(PortFixture ports) {
    transactions = ports.transactions();
    workspaces = ports.workspaces();
    accounts = ports.accounts();
    memberships = ports.memberships();
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

  private AccountId anAccountStored() {
    Account account = anAccount();
    transactions.inPlatform(() -> { accounts.insert(account); return null; });
    return account.id();
  }

  /** A new workspace that {@code account} joined at {@code joinedAt} with {@code role}. */
  private Workspace joined(AccountId account, Role role, Instant joinedAt) {
    Workspace workspace = aWorkspace();
    transactions.inPlatform(() -> {
      workspaces.insert(workspace);
      memberships.insert(workspace.id(), account, role, joinedAt);
      return null;
    });
    return workspace;
  }

  @Test
  void listForMember_walksTheAccountsWorkspacesInTheOrderItJoinedThem_thenByWorkspaceId() {
    AccountId member = anAccountStored();
    AccountId other = anAccountStored();
    Instant t = Instant.parse("2026-04-05T06:07:08.123456789Z");
    List<MemberWorkspace> expected = new ArrayList<>();
    Role[] roles = Role.values();
    for (int i = 0; i < 7; i++) {
      // Three share their time (their ids decide), and times come in out of order.
      Instant joinedAt = t.plusMillis(i < 3 ? 0 : 10 - i);
      Workspace workspace = joined(member, roles[i % roles.length], joinedAt);
      expected.add(new MemberWorkspace(workspace, roles[i % roles.length], joinedAt.truncatedTo(ChronoUnit.MICROS)));
      if (i % 2 == 0) { // another member of the same workspace is not in this list
        transactions.inPlatform(() -> {
          memberships.insert(workspace.id(), other, Role.OWNER, t);
          return null;
        });
      }
    }
    joined(other, Role.OWNER, t); // nor is a workspace of another account
    expected.sort(Comparator.comparing(MemberWorkspace::joinedAt)
        .thenComparing(m -> m.workspace().id().value(), UuidOrder.UNSIGNED));

    List<MemberWorkspace> walked = KeysetWalkCheck.walk(new KeysetWalkCheck.Store<MemberWorkspace>() {
      @Override
      public void insert(List<KeysetWalkCheck.Position> positions) {
        throw new UnsupportedOperationException("the walk only reads");
      }

      @Override
      public Page<MemberWorkspace> list(PageRequest request) {
        return transactions.inPlatform(() -> workspaces.listForMember(member, request));
      }
    }, 2);

    assertThat(walked).containsExactlyElementsOf(expected);
  }

  @Test
  void listForMember_ofAnAccountWithoutMemberships_isOneEmptyPage() {
    joined(anAccountStored(), Role.OWNER, Instant.parse("2026-04-05T06:07:08Z"));

    Page<MemberWorkspace> page = transactions.inPlatform(
        () -> workspaces.listForMember(anAccountStored(), PageRequest.first(10)));
    assertThat(page.items()).isEmpty();
    assertThat(page.next()).isEmpty();
  }

  @Test
  @DisplayName("DSR-05: a cancelled workspace's purge reminder is claimed once, 7 days ahead, and again after a new cancellation")
  void claimPurgeReminders_claimsEachDueCancellationOnce() {
    Instant now = Instant.parse("2090-01-01T00:00:00Z").plus(new java.util.Random().nextInt(1_000_000), ChronoUnit.MINUTES);
    Workspace due = aWorkspace();
    Workspace later = aWorkspace();
    Workspace active = aWorkspace();
    Workspace overdue = aWorkspace();
    transactions.inPlatform(() -> {
      for (Workspace w : List.of(due, later, active, overdue)) {
        workspaces.insert(w);
      }
      workspaces.changeStatus(due.id(), new WorkspaceStatus.Cancelled(now.minus(23, ChronoUnit.DAYS), now.plus(7, ChronoUnit.DAYS)));
      workspaces.changeStatus(later.id(), new WorkspaceStatus.Cancelled(now.minus(22, ChronoUnit.DAYS), now.plus(8, ChronoUnit.DAYS)));
      workspaces.changeStatus(overdue.id(), new WorkspaceStatus.Cancelled(now.minus(30, ChronoUnit.DAYS), now));
      return null;
    });
    Instant dueBy = now.plus(7, ChronoUnit.DAYS);

    List<WorkspaceId> first = transactions.inPlatform(() -> workspaces.claimPurgeReminders(now, dueBy, 1000));
    List<WorkspaceId> second = transactions.inPlatform(() -> workspaces.claimPurgeReminders(now, dueBy, 1000));

    assertThat(first).contains(due.id()).doesNotContain(later.id(), active.id(), overdue.id());
    assertThat(second).doesNotContain(due.id());
    transactions.inPlatform(() -> {
      workspaces.changeStatus(due.id(), WorkspaceStatus.ACTIVE);
      workspaces.changeStatus(due.id(), new WorkspaceStatus.Cancelled(now.minus(23, ChronoUnit.DAYS), now.plus(7, ChronoUnit.DAYS)));
      return null;
    });
    assertThat(transactions.inPlatform(() -> workspaces.claimPurgeReminders(now, dueBy, 1000))).contains(due.id());
    assertThat(read(due.id()).orElseThrow().status()).isInstanceOf(WorkspaceStatus.Cancelled.class);
  }

  @Test
  @DisplayName("RET-03: due purges are the CANCELLED workspaces whose purgeAt has come; one is locked for its purge only while still due")
  void duePurges_findAndLockOnlyDueCancellations() {
    Instant now = Instant.parse("2095-01-01T00:00:00Z").plus(new java.util.Random().nextInt(1_000_000), ChronoUnit.MINUTES);
    Workspace due = aWorkspace();
    Workspace early = aWorkspace();
    Workspace active = aWorkspace();
    transactions.inPlatform(() -> {
      for (Workspace w : List.of(due, early, active)) {
        workspaces.insert(w);
      }
      workspaces.changeStatus(due.id(), new WorkspaceStatus.Cancelled(now.minus(30, ChronoUnit.DAYS), now));
      workspaces.changeStatus(early.id(), new WorkspaceStatus.Cancelled(now.minus(30, ChronoUnit.DAYS),
          now.plus(1, ChronoUnit.MINUTES)));
      return null;
    });

    assertThat(transactions.inPlatform(() -> workspaces.duePurges(now, 10_000)))
        .contains(due.id()).doesNotContain(early.id(), active.id());
    assertThat(transactions.inWorkspace(due.id(), () -> workspaces.lockDuePurge(due.id(), now))).isTrue();
    assertThat(transactions.inWorkspace(early.id(), () -> workspaces.lockDuePurge(early.id(), now))).isFalse();
    assertThat(transactions.inWorkspace(active.id(), () -> workspaces.lockDuePurge(active.id(), now.plus(3650, ChronoUnit.DAYS))))
        .isFalse();
    transactions.inPlatform(() -> workspaces.markPurged(due.id(), now));
    assertThat(transactions.inPlatform(() -> workspaces.duePurges(now, 10_000))).doesNotContain(due.id());
    assertThat(transactions.inWorkspace(due.id(), () -> workspaces.lockDuePurge(due.id(), now))).isFalse();
  }
}
