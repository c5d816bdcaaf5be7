package dev.custodian.crm.core.account;

import static dev.custodian.crm.core.account.AccountFixtures.anAccount;
import static dev.custodian.crm.core.account.AccountFixtures.anAccountWithEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.account.port.out.AccountRepository;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.testing.PortFixture;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link AccountRepository}, a platform-level store used inside
 * {@code Transactions.inPlatform}. Every implementation (the in-memory fake, the jOOQ adapter,
 * yours) extends this class, registers the extension that provides its {@link PortFixture} and
 * supplies its repository through {@link #accounts()}.
 */
public abstract class AbstractAccountRepositoryContractTest {

  protected Transactions transactions;
  protected AccountRepository accounts;

  /** The repository under test, joining the fixture's transactions. */
  protected abstract AccountRepository accounts();

  @BeforeEach
  void setUpPorts(PortFixture ports) {
    transactions = ports.transactions();
    accounts = accounts();
  }

  private <T> T inPlatform(Supplier<T> work) {
    return transactions.inPlatform(work);
  }

  private void insert(Account account) {
    inPlatform(() -> { accounts.insert(account); return null; });
  }

  private Optional<Account> read(AccountId id) {
    return inPlatform(() -> accounts.findById(id));
  }

  @Test
  void givenStoredAccount_whenReadByIdOrEmail_thenEverythingRoundTripsAtMicrosecondPrecision() {
    Account account = anAccount();
    insert(account);

    Account read = read(account.id()).orElseThrow();
    assertThat(read).isEqualTo(account);
    assertThat(read.name()).isEqualTo(account.name());
    assertThat(read.organisation()).isEqualTo(account.organisation());
    assertThat(read.passwordHash()).isEqualTo(account.passwordHash());
    assertThat(read.emailVerifiedAt()).isEmpty();
    assertThat(read.ageAttestation()).isEqualTo(account.ageAttestation());
    assertThat(read.createdAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
    assertThat(inPlatform(() -> accounts.findByEmail(account.email()))).contains(account);
  }

  @Test
  void givenAccountWithoutOrganisation_thenItRoundTripsWithout() {
    Account full = anAccount();
    Account account = Account.create(full.id(), full.name(), full.email(), Optional.empty(),
        full.passwordHash(), new AgeAttestation(full.createdAt(), 18), full.createdAt());
    insert(account);

    Account read = read(account.id()).orElseThrow();
    assertThat(read).isEqualTo(account);
    assertThat(read.organisation()).isEmpty();
    assertThat(read.ageAttestation().minimumAge()).isEqualTo(18);
  }

  @Test
  void givenNoAccount_whenRead_thenEmpty() {
    assertThat(read(AccountId.of(UUID.randomUUID()))).isEmpty();
    assertThat(inPlatform(() -> accounts.findByEmail(new EmailAddress("nobody-" + UUID.randomUUID() + "@example.com"))))
        .isEmpty();
  }

  @Test
  void findByEmail_comparesNormalisedAddresses_andKeepsTheAddressAsGiven() {
    String local = "Ada.Holder-" + UUID.randomUUID();
    Account account = anAccountWithEmail(new EmailAddress(local + "@Example.COM"));
    insert(account);

    Optional<Account> found = inPlatform(() -> accounts.findByEmail(new EmailAddress(local.toLowerCase() + "@example.com")));
    assertThat(found).map(Account::id).contains(account.id());
    assertThat(found.orElseThrow().email().value()).isEqualTo(local + "@Example.COM");
  }

  @Test
  void givenTakenNormalisedEmail_whenInserting_thenDuplicateConflictAndTheFirstStays() {
    String local = "taken-" + UUID.randomUUID();
    Account first = anAccountWithEmail(new EmailAddress(local + "@example.com"));
    insert(first);
    Account second = anAccountWithEmail(new EmailAddress(local.toUpperCase() + "@EXAMPLE.com"));

    assertThatThrownBy(() -> insert(second))
        .isInstanceOfSatisfying(ConflictException.class, e -> {
          assertThat(e.kind()).isEqualTo(ConflictException.Kind.DUPLICATE);
          assertThat(e.getMessage()).doesNotContain(local).doesNotContainIgnoringCase("example.com");
        });
    assertThat(read(first.id())).contains(first);
    assertThat(read(second.id())).isEmpty();
  }

  @Test
  void givenTwoTransactionsInsertingOneNormalisedEmail_thenExactlyOneAccountIsStored() throws Exception {
    String local = "race-" + UUID.randomUUID();
    Account first = anAccountWithEmail(new EmailAddress(local + "@example.com"));
    Account second = anAccountWithEmail(new EmailAddress(local.toUpperCase() + "@example.com"));
    CountDownLatch firstInserted = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> a = pool.submit(() -> inPlatform(() -> {
        accounts.insert(first);
        firstInserted.countDown();
        sleep(200); // the second insert starts while this one is uncommitted
        return null;
      }));
      assertThat(firstInserted.await(10, TimeUnit.SECONDS)).isTrue();
      Future<?> b = pool.submit(() -> insert(second));

      a.get(20, TimeUnit.SECONDS);
      assertThatThrownBy(() -> b.get(20, TimeUnit.SECONDS))
          .hasCauseInstanceOf(ConflictException.class);
      assertThat(read(first.id())).contains(first);
      assertThat(read(second.id())).isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void updatePasswordHash_replacesOnlyTheHash_andAnswersWhetherTheAccountExists() {
    Account account = anAccount();
    insert(account);
    PasswordHash newHash = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$bmV3c2FsdG5ld3NhbHQ$bmV3aGFzaG5ld2hhc2huZXdoYXNobmV3aGFzaA");

    assertThat(inPlatform(() -> accounts.updatePasswordHash(account.id(), newHash))).isTrue();
    assertThat(inPlatform(() -> accounts.updatePasswordHash(AccountId.of(UUID.randomUUID()), newHash))).isFalse();

    Account read = read(account.id()).orElseThrow();
    assertThat(read.passwordHash()).isEqualTo(newHash);
    assertThat(Account.reconstitute(read.id(), read.name(), read.email(), read.organisation(),
        account.passwordHash(), read.emailVerifiedAt(), read.ageAttestation(), read.createdAt()))
        .as("nothing else changed").isEqualTo(account);
  }

  @Test
  void updateProfile_replacesNameAndOrganisationOnly_andAnswersWhetherTheAccountExists() {
    Account account = anAccount();
    insert(account);
    AccountName name = new AccountName("Augusta Ada King");

    assertThat(inPlatform(() -> accounts.updateProfile(account.id(), name,
        Optional.of(new OrganisationName("Analytical Engines plc"))))).isTrue();
    assertThat(inPlatform(() -> accounts.updateProfile(AccountId.of(UUID.randomUUID()), name, Optional.empty())))
        .isFalse();
    Account read = read(account.id()).orElseThrow();
    assertThat(read.name()).isEqualTo(name);
    assertThat(read.organisation()).contains(new OrganisationName("Analytical Engines plc"));
    assertThat(Account.reconstitute(read.id(), account.name(), read.email(), account.organisation(),
        read.passwordHash(), read.emailVerifiedAt(), read.ageAttestation(), read.createdAt()))
        .as("nothing else changed").isEqualTo(account);

    assertThat(inPlatform(() -> accounts.updateProfile(account.id(), name, Optional.empty()))).isTrue();
    assertThat(read(account.id()).orElseThrow().organisation()).as("cleared").isEmpty();
  }

  @Test
  void markEmailVerified_setsTheTimeAtMicrosecondPrecision_andAnswersWhetherTheAccountExists() {
    Account account = anAccount();
    insert(account);
    Instant at = Instant.parse("2026-01-03T04:05:06.987654321Z");

    assertThat(inPlatform(() -> accounts.markEmailVerified(account.id(), at))).isTrue();
    assertThat(inPlatform(() -> accounts.markEmailVerified(AccountId.of(UUID.randomUUID()), at))).isFalse();

    Account read = read(account.id()).orElseThrow();
    assertThat(read.emailVerifiedAt()).contains(at.truncatedTo(ChronoUnit.MICROS));
    assertThat(read.isEmailVerified()).isTrue();
    assertThat(read.passwordHash()).isEqualTo(account.passwordHash());
  }

  @Test
  void givenNoOpenTransaction_whenRepositoryCalled_thenFailsLoudly() {
    Account account = anAccount();
    assertThatThrownBy(() -> accounts.insert(account)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> accounts.findById(account.id())).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> accounts.findByEmail(account.email())).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> accounts.updatePasswordHash(account.id(), account.passwordHash()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> accounts.markEmailVerified(account.id(), Instant.now()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> accounts.updateProfile(account.id(), account.name(), account.organisation()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(read(account.id())).isEmpty();
  }

  @Test
  void givenExceptionInsidePlatformTransaction_thenEverythingWrittenIsRolledBack() {
    Account kept = anAccount();
    insert(kept);
    Account added = anAccount();
    assertThatThrownBy(() -> inPlatform(() -> {
      accounts.insert(added);
      accounts.markEmailVerified(kept.id(), Instant.now());
      throw new IllegalStateException("boom");
    })).hasMessage("boom");

    assertThat(read(added.id())).isEmpty();
    assertThat(read(kept.id())).contains(kept);
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
