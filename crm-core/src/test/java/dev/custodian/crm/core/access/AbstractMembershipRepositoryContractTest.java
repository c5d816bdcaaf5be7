package dev.custodian.crm.core.access;

import static dev.custodian.crm.core.account.AccountFixtures.anAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.access.port.out.MembershipRepository;
import dev.custodian.crm.core.account.Account;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.account.port.out.AccountRepository;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.AbstractPortContractTest;
import dev.custodian.crm.core.testing.PortFixture;
import java.time.Instant;
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
 * a workspace's data checks it). A subclass registers the extension that provides its
 * {@link PortFixture} and supplies the repository; the fixture's account store provides the members.
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
