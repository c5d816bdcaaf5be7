package dev.custodian.crm.core.access;

import static dev.custodian.crm.core.account.AccountFixtures.anAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.custodian.crm.core.access.port.out.MembershipRepository;
import dev.custodian.crm.core.account.Account;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.account.port.out.AccountRepository;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.common.paging.UuidOrder;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.AbstractPortContractTest;
import dev.custodian.crm.core.testing.KeysetWalkCheck;
import dev.custodian.crm.core.testing.PortFixture;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link MembershipRepository}: platform-level rows of (workspace, account, role), read
 * both in platform transactions and in the member's workspace transaction (where every use case on
 * a workspace's data checks it); a workspace's members walked in the order they joined; role
 * changes and removals of one workspace's row only; and {@code lockAll}, which makes another
 * transaction's {@code lockAll} of the workspace wait until this one ends (what keeps the last
 * OWNER). A subclass registers the extension that provides its {@link PortFixture} and supplies the
 * repository; the fixture's account store provides the members.
 */
public abstract class AbstractMembershipRepositoryContractTest extends AbstractPortContractTest {

  private static final Instant AT = Instant.parse("2026-02-03T04:05:06.123456Z");

  protected MembershipRepository memberships;
  private AccountRepository accounts;

  /** The repository under test, joining the fixture's transactions. */
  protected abstract MembershipRepository memberships();

  @Override
  protected void portsReady() {
    memberships = memberships();
  }

  @BeforeEach
  void accountStore(PortFixture ports) {
    accounts = ports.accounts();
  }

  private AccountId anAccountStored() {
    Account account = anAccount();
    tx.inPlatform(() -> { accounts.insert(account); return null; });
    return account.id();
  }

  private void insert(WorkspaceId workspace, AccountId account, Role role) {
    tx.inPlatform(() -> { memberships.insert(workspace, account, role, AT); return null; });
  }

  private Optional<Role> roleOf(WorkspaceId workspace, AccountId account) {
    return tx.inPlatform(() -> memberships.roleOf(workspace, account));
  }

  @Test
  void givenAMembershipOfEachRole_thenRoleOfAnswersIt_inAPlatformAndInTheWorkspacesTransaction() {
    for (Role role : Role.values()) {
      AccountId account = anAccountStored();
      insert(a, account, role);

      assertThat(roleOf(a, account)).as("platform").contains(role);
      assertThat(in(a, () -> memberships.roleOf(a, account))).as("workspace").contains(role);
    }
  }

  @Test
  void givenNoMembership_thenRoleOfIsEmpty_forAnotherWorkspace_anotherAccount_andUnknownIds() {
    AccountId member = anAccountStored();
    AccountId other = anAccountStored();
    insert(a, member, Role.ADMIN);

    assertThat(roleOf(b, member)).isEmpty();
    assertThat(in(b, () -> memberships.roleOf(b, member))).isEmpty();
    assertThat(roleOf(a, other)).isEmpty();
    assertThat(roleOf(WorkspaceId.of(UUID.randomUUID()), member)).isEmpty();
    assertThat(roleOf(a, AccountId.of(UUID.randomUUID()))).isEmpty();
  }

  @Test
  void anAccountHasOneRolePerWorkspace_eachItsOwn() {
    AccountId account = anAccountStored();
    insert(a, account, Role.OWNER);
    insert(b, account, Role.VIEWER);

    assertThat(roleOf(a, account)).contains(Role.OWNER);
    assertThat(roleOf(b, account)).contains(Role.VIEWER);
  }

  @Test
  void givenAMember_whenInsertedAgain_thenDuplicateConflict_andTheFirstRoleStays() {
    AccountId account = anAccountStored();
    insert(a, account, Role.VIEWER);

    assertThatThrownBy(() -> insert(a, account, Role.OWNER))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.kind()).isEqualTo(ConflictException.Kind.DUPLICATE));
    assertThat(roleOf(a, account)).contains(Role.VIEWER);
  }

  @Test
  void givenTwoTransactionsInsertingOneMembership_thenExactlyOneIsStored_andTheOtherIsADuplicate() throws Exception {
    AccountId account = anAccountStored();
    CountDownLatch firstInserted = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> first = pool.submit(() -> tx.inPlatform(() -> {
        memberships.insert(a, account, Role.MEMBER, AT);
        firstInserted.countDown();
        sleep(200); // the second insert starts while this one is uncommitted
        return null;
      }));
      assertThat(firstInserted.await(10, TimeUnit.SECONDS)).isTrue();
      Future<?> second = pool.submit(() -> insert(a, account, Role.OWNER));

      first.get(20, TimeUnit.SECONDS);
      assertThatThrownBy(() -> second.get(20, TimeUnit.SECONDS))
          .cause().isInstanceOfSatisfying(ConflictException.class,
              e -> assertThat(e.kind()).isEqualTo(ConflictException.Kind.DUPLICATE));
      assertThat(roleOf(a, account)).contains(Role.MEMBER);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void givenNoOpenTransaction_whenCalled_thenFailsLoudly() {
    AccountId account = anAccountStored();
    assertThatThrownBy(() -> memberships.insert(a, account, Role.MEMBER, AT)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> memberships.roleOf(a, account)).isInstanceOf(IllegalStateException.class);
    assertThat(roleOf(a, account)).isEmpty();
    insert(a, account, Role.OWNER);
    assertThatThrownBy(() -> memberships.find(a, account)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> memberships.list(a, PageRequest.first(10))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> memberships.lockAll(a)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> memberships.countOwners(a)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> memberships.changeRole(a, account, Role.VIEWER)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> memberships.remove(a, account)).isInstanceOf(IllegalStateException.class);
    assertThat(roleOf(a, account)).contains(Role.OWNER);
  }

  @Test
  void find_answersTheMembershipWithItsJoinedTimeAtMicroseconds_andNothingForANonMember() {
    AccountId account = anAccountStored();
    Instant joinedAt = Instant.parse("2026-02-03T04:05:06.123456789Z");
    tx.inPlatform(() -> { memberships.insert(a, account, Role.ADMIN, joinedAt); return null; });

    Membership expected = new Membership(a, account, Role.ADMIN, joinedAt.truncatedTo(ChronoUnit.MICROS));
    assertThat(tx.inPlatform(() -> memberships.find(a, account))).contains(expected);
    assertThat(in(a, () -> memberships.find(a, account))).contains(expected);
    assertThat(tx.inPlatform(() -> memberships.find(b, account))).isEmpty();
    assertThat(tx.inPlatform(() -> memberships.find(a, AccountId.of(UUID.randomUUID())))).isEmpty();
  }

  @Test
  void list_walksTheWorkspacesMembersInTheOrderTheyJoined_thenByAccountIdInUnsignedUuidOrder() {
    Instant tie = Instant.parse("2026-02-03T04:05:06.000001Z");
    List<Membership> expected = new ArrayList<>();
    // Ids whose high bit is set sort after the others in PostgreSQL, before them with UUID.compareTo.
    for (String id : List.of("ffffffff-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002",
        "80000000-0000-4000-8000-000000000003", "7fffffff-0000-4000-8000-000000000004")) {
      expected.add(new Membership(a, AccountId.of(UUID.fromString(id)), Role.MEMBER, tie));
    }
    expected.add(new Membership(a, AccountId.of(UUID.randomUUID()), Role.OWNER, tie.minus(1, ChronoUnit.MICROS)));
    expected.add(new Membership(a, AccountId.of(UUID.randomUUID()), Role.VIEWER, tie.plus(1, ChronoUnit.MILLIS)));
    tx.inPlatform(() -> {
      expected.forEach(m -> memberships.insert(m.workspace(), m.account(), m.role(), m.joinedAt()));
      memberships.insert(b, expected.get(0).account(), Role.OWNER, tie); // another workspace's never shows
      return null;
    });
    expected.sort(Comparator.comparing(Membership::joinedAt)
        .thenComparing(m -> m.account().value(), UuidOrder.UNSIGNED));

    List<Membership> walked = KeysetWalkCheck.walk(new KeysetWalkCheck.Store<Membership>() {
      @Override
      public void insert(List<KeysetWalkCheck.Position> positions) {
        throw new UnsupportedOperationException("the walk only reads");
      }

      @Override
      public Page<Membership> list(PageRequest request) {
        return in(a, () -> memberships.list(a, request));
      }
    }, 2);

    assertThat(walked).containsExactlyElementsOf(expected);
    assertThat(walked.get(1).account().value()).isEqualTo(UUID.fromString("00000000-0000-4000-8000-000000000002"));
    assertThat(walked.get(4).account().value()).isEqualTo(UUID.fromString("ffffffff-0000-4000-8000-000000000001"));
  }

  @Test
  void members_isThePageOfList_withTheNameAndEmailOfEachAccountStoredHere() {
    AccountId stored = anAccountStored();
    AccountId embedders = AccountId.of(UUID.randomUUID()); // no account row: an embedder's own user
    insert(a, stored, Role.ADMIN);
    insert(a, embedders, Role.VIEWER);
    insert(b, anAccountStored(), Role.OWNER);
    Account account = tx.inPlatform(() -> accounts.findById(stored)).orElseThrow();

    Page<Member> page = in(a, () -> memberships.members(a, PageRequest.first(10)));
    Page<Membership> listed = in(a, () -> memberships.list(a, PageRequest.first(10)));

    assertThat(page.items()).extracting(Member::account, Member::role, Member::joinedAt)
        .containsExactlyElementsOf(listed.items().stream()
            .map(m -> tuple(m.account(), m.role(), m.joinedAt())).toList());
    Member named = page.items().stream().filter(m -> m.account().equals(stored)).findFirst().orElseThrow();
    assertThat(named.name()).contains(account.name());
    assertThat(named.email()).contains(account.email());
    Member unnamed = page.items().stream().filter(m -> m.account().equals(embedders)).findFirst().orElseThrow();
    assertThat(unnamed.name()).isEmpty();
    assertThat(unnamed.email()).isEmpty();
  }

  @Test
  void list_ofAWorkspaceWithoutMembers_isOneEmptyPage() {
    Page<Membership> page = in(a, () -> memberships.list(a, PageRequest.first(10)));
    assertThat(page.items()).isEmpty();
    assertThat(page.next()).isEmpty();
  }

  @Test
  void countOwners_countsTheWorkspacesOwnersOnly() {
    insert(a, anAccountStored(), Role.OWNER);
    insert(a, anAccountStored(), Role.OWNER);
    insert(a, anAccountStored(), Role.ADMIN);
    insert(b, anAccountStored(), Role.OWNER);

    assertThat(in(a, () -> memberships.countOwners(a))).isEqualTo(2);
    assertThat(in(b, () -> memberships.countOwners(b))).isEqualTo(1);
    assertThat(tx.inPlatform(() -> memberships.countOwners(WorkspaceId.of(UUID.randomUUID())))).isZero();
  }

  @Test
  void changeRole_changesThatWorkspacesRoleOnly_keepsTheJoinedTime_andIsFalseForANonMember() {
    AccountId account = anAccountStored();
    insert(a, account, Role.OWNER);
    insert(b, account, Role.OWNER);

    assertThat(in(a, () -> memberships.changeRole(a, account, Role.VIEWER))).isTrue();
    assertThat(in(a, () -> memberships.changeRole(a, AccountId.of(UUID.randomUUID()), Role.ADMIN))).isFalse();

    assertThat(tx.inPlatform(() -> memberships.find(a, account)))
        .contains(new Membership(a, account, Role.VIEWER, AT));
    assertThat(roleOf(b, account)).contains(Role.OWNER);
  }

  @Test
  void remove_endsThatWorkspacesMembershipOnly_once() {
    AccountId account = anAccountStored();
    AccountId other = anAccountStored();
    insert(a, account, Role.MEMBER);
    insert(a, other, Role.MEMBER);
    insert(b, account, Role.MEMBER);

    assertThat(in(a, () -> memberships.remove(a, account))).isTrue();
    assertThat(in(a, () -> memberships.remove(a, account))).isFalse();

    assertThat(roleOf(a, account)).isEmpty();
    assertThat(roleOf(a, other)).contains(Role.MEMBER);
    assertThat(roleOf(b, account)).contains(Role.MEMBER);
  }

  @Test
  void givenAnExceptionAfterARoleChangeAndARemoval_thenBothAreRolledBack() {
    AccountId changed = anAccountStored();
    AccountId removed = anAccountStored();
    insert(a, changed, Role.OWNER);
    insert(a, removed, Role.ADMIN);

    assertThatThrownBy(() -> in(a, () -> {
      memberships.changeRole(a, changed, Role.VIEWER);
      memberships.remove(a, removed);
      throw new IllegalStateException("boom");
    })).hasMessage("boom");

    assertThat(roleOf(a, changed)).contains(Role.OWNER);
    assertThat(roleOf(a, removed)).contains(Role.ADMIN);
  }

  @Test
  void givenTheMembershipsLocked_whenAnotherTransactionLocksThem_thenThatWaitsUntilCommit_andSeesTheChange()
      throws Exception {
    AccountId first = anAccountStored();
    AccountId second = anAccountStored();
    insert(a, first, Role.OWNER);
    insert(a, second, Role.OWNER);
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch otherDone = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Boolean> otherWasDoneBeforeCommit = pool.submit(() -> in(a, () -> {
        memberships.lockAll(a);
        locked.countDown();
        // The other lockAll must wait for this transaction; if it is not done within this bound,
        // it waits (a lost lock lets it through at once). Then demote, as a role change does.
        boolean done = awaitAtMost(otherDone, 1);
        memberships.changeRole(a, second, Role.ADMIN);
        return done;
      }));
      assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
      Future<Integer> otherCount = pool.submit(() -> {
        try {
          return in(a, () -> {
            memberships.lockAll(a);
            return memberships.countOwners(a);
          });
        } finally {
          otherDone.countDown();
        }
      });

      assertThat(otherWasDoneBeforeCommit.get(20, TimeUnit.SECONDS))
          .as("the other lockAll finished while the memberships were locked").isFalse();
      assertThat(otherCount.get(20, TimeUnit.SECONDS))
          .as("the other transaction, once let through, counts the owners as committed").isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void givenExceptionInTheTransaction_thenTheMembershipIsRolledBack() {
    AccountId account = anAccountStored();
    assertThatThrownBy(() -> tx.inPlatform(() -> {
      memberships.insert(a, account, Role.OWNER, AT);
      throw new IllegalStateException("boom");
    })).hasMessage("boom");

    assertThat(roleOf(a, account)).isEmpty();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
