package dev.custodian.crm.persistence.access;

import static dev.custodian.crm.core.workspace.WorkspaceFixtures.aWorkspace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Member;
import dev.custodian.crm.core.access.Membership;
import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.access.port.in.AccessUseCases;
import dev.custodian.crm.core.access.port.in.ChangeMemberRoleCommand;
import dev.custodian.crm.core.access.port.out.MembershipRepository;
import dev.custodian.crm.core.access.service.AccessServices;
import dev.custodian.crm.core.access.service.Gate;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.error.CrmException;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.port.out.TokenGenerator;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.TestGates;
import dev.custodian.crm.core.workspace.Workspace;
import dev.custodian.crm.persistence.JooqPersistence;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The last OWNER on PostgreSQL, through the access use cases over {@link JooqPersistence}: two
 * owners demoting each other at once. Both are let past their permission check (each still an
 * OWNER) before either locks, the worst interleaving; the lock on the workspace's memberships then
 * serialises them, so the second finds the last owner.
 */
class LastOwnerRaceTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  /**
   * The jOOQ membership store with two meeting points: before {@code lockAll} (both use cases have
   * checked their role) and, for the control only, after {@code countOwners} (both have counted).
   */
  private static final class MeetingPoints implements MembershipRepository {
    private final MembershipRepository delegate;
    private final CyclicBarrier beforeLock = new CyclicBarrier(2);
    private final Optional<CyclicBarrier> afterCount;
    private final boolean locking;

    MeetingPoints(MembershipRepository delegate, boolean locking) {
      this.delegate = delegate;
      this.locking = locking;
      this.afterCount = locking ? Optional.empty() : Optional.of(new CyclicBarrier(2));
    }

    private static void meet(CyclicBarrier barrier) {
      try {
        barrier.await(20, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("the other use case did not arrive", e);
      }
    }

    @Override
    public java.util.Map<dev.custodian.crm.core.account.AccountId, dev.custodian.crm.core.access.Role> lockAll(
        WorkspaceId workspace) {
      meet(beforeLock);
      if (locking) {
        return delegate.lockAll(workspace);
      }
      // The control: the roles as they are, locking nothing.
      java.util.Map<dev.custodian.crm.core.account.AccountId, dev.custodian.crm.core.access.Role> roles =
          new java.util.LinkedHashMap<>();
      delegate.members(workspace, dev.custodian.crm.core.common.paging.PageRequest.first(200)).items()
          .forEach(member -> roles.put(member.account(), member.role()));
      return roles;
    }

    @Override
    public int countOwners(WorkspaceId workspace) {
      int owners = delegate.countOwners(workspace);
      afterCount.ifPresent(MeetingPoints::meet);
      return owners;
    }

    @Override
    public java.util.List<AccountId> owners(WorkspaceId workspace) {
      return delegate.owners(workspace);
    }

    @Override
    public void insert(WorkspaceId workspace, AccountId account, Role role, Instant at) {
      delegate.insert(workspace, account, role, at);
    }

    @Override
    public Optional<Role> roleOf(WorkspaceId workspace, AccountId account) {
      return delegate.roleOf(workspace, account);
    }

    @Override
    public Optional<Membership> find(WorkspaceId workspace, AccountId account) {
      return delegate.find(workspace, account);
    }

    @Override
    public Page<Membership> list(WorkspaceId workspace, PageRequest page) {
      return delegate.list(workspace, page);
    }

    @Override
    public Page<Member> members(WorkspaceId workspace, PageRequest page) {
      return delegate.members(workspace, page);
    }

    @Override
    public boolean changeRole(WorkspaceId workspace, AccountId account, Role role) {
      return delegate.changeRole(workspace, account, role);
    }

    @Override
    public boolean remove(WorkspaceId workspace, AccountId account) {
      return delegate.remove(workspace, account);
    }
  }

  /** What each demotion ended with: its membership, or its exception. */
  private record Outcome(Membership changed, RuntimeException refused) {}

  private List<Outcome> demoteEachOtherAtOnce(WorkspaceId workspace, Actor first, Actor second, boolean locking)
      throws Exception {
    JooqPersistence p = db.persistence();
    MeetingPoints memberships = new MeetingPoints(p.memberships(), locking);
    Gate gate = TestGates.gate(p, Clock.systemUTC());
    AccessUseCases access = AccessServices.create(p.transactions(),
        new WorkspaceTransactions(p.transactions(), memberships, gate), gate, memberships, p.invitations(), p.apiKeys(), p.accounts(), p.mailOutbox(), p.mailTokens(), TokenGenerator.secureRandom(),
        IdGenerator.random(), Clock.systemUTC(), Duration.ofDays(7));
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Outcome>> outcomes = new ArrayList<>();
      for (Actor[] pair : new Actor[][] {{first, second}, {second, first}}) {
        outcomes.add(pool.submit(() -> {
          start.await();
          try {
            return new Outcome(access.changeMemberRole().change(pair[0],
                new ChangeMemberRoleCommand(workspace, pair[1].account(), Role.ADMIN)), null);
          } catch (RuntimeException e) {
            return new Outcome(null, e);
          }
        }));
      }
      start.countDown();
      List<Outcome> done = new ArrayList<>();
      for (Future<Outcome> outcome : outcomes) {
        done.add(outcome.get(60, TimeUnit.SECONDS));
      }
      return done;
    } finally {
      pool.shutdownNow();
    }
  }

  private static WorkspaceId aWorkspaceOwnedBy(Actor first, Actor second) {
    JooqPersistence p = db.persistence();
    Workspace workspace = aWorkspace();
    Instant now = Instant.parse("2026-12-01T10:00:00Z");
    p.transactions().inPlatform(() -> {
      p.workspaces().insert(workspace);
      p.memberships().insert(workspace.id(), first.account(), Role.OWNER, now);
      p.memberships().insert(workspace.id(), second.account(), Role.OWNER, now);
      return null;
    });
    return workspace.id();
  }

  private static long owners(WorkspaceId workspace) throws SQLException {
    try (Connection c = db.superuserConnection();
        PreparedStatement st = c.prepareStatement(
            "select count(*) from memberships where workspace_id = ? and role = 'OWNER'")) {
      st.setObject(1, workspace.value());
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static Actor anyone() {
    return Actor.account(AccountId.of(UUID.randomUUID()));
  }

  @Test
  @DisplayName("SEC-08: two owners demoting each other at once leave exactly one OWNER; the second is refused")
  void twoOwnersDemotingEachOtherAtOnce_leaveExactlyOne() throws Exception {
    Actor first = anyone();
    Actor second = anyone();
    WorkspaceId workspace = aWorkspaceOwnedBy(first, second);

    List<Outcome> outcomes = demoteEachOtherAtOnce(workspace, first, second, true);

    assertThat(outcomes).filteredOn(o -> o.changed() != null).singleElement()
        .satisfies(o -> assertThat(o.changed().role()).isEqualTo(Role.ADMIN));
    // Serialised on the memberships: the second, once it holds the lock, finds itself demoted
    // (no longer allowed to change an OWNER) or, had it been first to read, the last owner.
    assertThat(outcomes).filteredOn(o -> o.refused() != null).singleElement()
        .satisfies(o -> assertThat(((CrmException) o.refused()).kind()).isIn(CrmException.Kind.FORBIDDEN, CrmException.Kind.LAST_OWNER));
    assertThat(owners(workspace)).isOne();
  }

  @Test
  void control_withoutTheLock_theSameRaceLeavesNoOwner() throws Exception {
    Actor first = anyone();
    Actor second = anyone();
    WorkspaceId workspace = aWorkspaceOwnedBy(first, second);

    List<Outcome> outcomes = demoteEachOtherAtOnce(workspace, first, second, false);

    assertThat(outcomes).as("both counted two owners, so both demoted").allSatisfy(o -> assertThat(o.refused()).isNull());
    assertThat(owners(workspace)).as("what the lock prevents").isZero();
  }
}
