package dev.custodian.crm.core.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.custodian.crm.core.mail.port.out.MailOutbox;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.testing.PortFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link MailOutbox}: rows queued in the caller's transaction, leased oldest first, never
 * to two callers at once, and removed when sent. Run by the in-memory fake and by the jOOQ adapter.
 */
public abstract class AbstractMailOutboxContractTest {

  private static final Instant NOW = Instant.parse("2026-05-06T07:08:09.123456Z");
  private static final Duration LEASE = Duration.ofMinutes(5);

  protected Transactions tx;
  protected MailOutbox outbox;

  /** The outbox under test, over the fixture's transactions. */
  protected abstract MailOutbox mailOutbox(PortFixture ports);

  @BeforeEach
  void setUpPorts(PortFixture ports) {
    tx = ports.transactions();
    outbox = mailOutbox(ports);
  }

  private <T> T inPlatform(Supplier<T> work) {
    return tx.inPlatform(work);
  }

  private void enqueue(MailTemplate template, UUID account, Instant at) {
    inPlatform(() -> {
      outbox.enqueue(template, account, at);
      return null;
    });
  }

  private List<QueuedMail> lease(int limit, Instant now) {
    return inPlatform(() -> outbox.lease(limit, now.plus(LEASE), now));
  }

  @Test
  void givenQueuedMail_whenLeased_thenOldestFirstWithTemplateAccountAndTime() {
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    enqueue(MailTemplate.PASSWORD_RESET, second, NOW.plusSeconds(1));
    enqueue(MailTemplate.VERIFY_EMAIL, first, NOW);
    enqueue(MailTemplate.ACCOUNT_EXISTS, second, NOW.plusSeconds(2));

    List<QueuedMail> leased = lease(2, NOW.plusSeconds(3));

    assertThat(leased).extracting(QueuedMail::template, QueuedMail::account, QueuedMail::createdAt)
        .containsExactly(
            tuple(MailTemplate.VERIFY_EMAIL, first, NOW),
            tuple(MailTemplate.PASSWORD_RESET, second, NOW.plusSeconds(1)));
    assertThat(leased).extracting(QueuedMail::id).doesNotHaveDuplicates();
    assertThat(lease(10, NOW.plusSeconds(3))).extracting(QueuedMail::template).containsExactly(MailTemplate.ACCOUNT_EXISTS);
  }

  @Test
  void givenALeasedRow_thenItIsNotLeasedAgainUntilItsLeaseHasEnded() {
    enqueue(MailTemplate.VERIFY_EMAIL, UUID.randomUUID(), NOW);
    QueuedMail leased = lease(10, NOW).get(0);

    assertThat(lease(10, NOW.plus(LEASE))).as("at the lease's end").isEmpty();
    assertThat(lease(10, NOW.plus(LEASE).plusNanos(1000))).as("after it").containsExactly(leased);
  }

  @Test
  void givenARemovedRow_thenItIsNeverLeasedAgain() {
    enqueue(MailTemplate.VERIFY_EMAIL, UUID.randomUUID(), NOW);
    QueuedMail leased = lease(10, NOW).get(0);

    assertThat(inPlatform(() -> outbox.remove(leased.id()))).isTrue();
    assertThat(inPlatform(() -> outbox.remove(leased.id()))).isFalse();
    assertThat(lease(10, NOW.plus(Duration.ofDays(1)))).isEmpty();
  }

  @Test
  void givenAnEnqueueInATransactionThatFails_thenNothingIsQueued() {
    assertThatThrownBy(() -> tx.inPlatform(() -> {
      outbox.enqueue(MailTemplate.VERIFY_EMAIL, UUID.randomUUID(), NOW);
      throw new IllegalStateException("boom");
    })).hasMessage("boom");

    assertThat(lease(10, NOW)).isEmpty();
  }

  @Test
  void givenNoOpenTransaction_whenCalled_thenFailsLoudly() {
    assertThatThrownBy(() -> outbox.enqueue(MailTemplate.VERIFY_EMAIL, UUID.randomUUID(), NOW))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> outbox.lease(1, NOW.plus(LEASE), NOW)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> outbox.remove(UUID.randomUUID())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  @DisplayName("CON-05: two dispatchers leasing at once never get the same row")
  void givenTwoConcurrentLeases_thenEveryRowGoesToExactlyOne() throws Exception {
    int rows = 20;
    for (int i = 0; i < rows; i++) {
      enqueue(MailTemplate.VERIFY_EMAIL, UUID.randomUUID(), NOW.plusNanos(1000L * i));
    }
    CountDownLatch start = new CountDownLatch(1);
    Callable<List<QueuedMail>> leaseAll = () -> {
      start.await(10, TimeUnit.SECONDS);
      List<QueuedMail> got = new ArrayList<>();
      List<QueuedMail> batch;
      do { // small batches, so the two interleave
        batch = lease(3, NOW.plusSeconds(1));
        got.addAll(batch);
      } while (!batch.isEmpty());
      return got;
    };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<List<QueuedMail>> one = pool.submit(leaseAll);
      Future<List<QueuedMail>> two = pool.submit(leaseAll);
      start.countDown();
      List<QueuedMail> all = new ArrayList<>(one.get(30, TimeUnit.SECONDS));
      all.addAll(two.get(30, TimeUnit.SECONDS));

      Set<UUID> ids = new HashSet<>();
      all.forEach(mail -> assertThat(ids.add(mail.id())).as("leased twice").isTrue());
      assertThat(ids).hasSize(rows);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("CON-05: a mail to a workspace's subject is leased with its workspace, subject and what it is about, no account; it goes with its subject")
  void givenAMailToAWorkspaceSubject_whenLeasedOrItsSubjectErased_thenItNamesOnlyReferences() {
    UUID workspace = UUID.randomUUID();
    UUID contact = UUID.randomUUID();
    UUID request = UUID.randomUUID();
    inPlatform(() -> {
      outbox.enqueueToSubject(MailTemplate.CONSENT_CONFIRMATION, workspace, contact, java.util.Optional.of(request), NOW);
      outbox.enqueueToSubject(MailTemplate.CONSENT_CONFIRMATION, workspace, UUID.randomUUID(),
          java.util.Optional.empty(), NOW.plusSeconds(1));
      return null;
    });

    List<QueuedMail> leased = lease(10, NOW.plusSeconds(2));

    assertThat(leased).first().satisfies(mail -> {
      assertThat(mail.template()).isEqualTo(MailTemplate.CONSENT_CONFIRMATION);
      assertThat(mail.recipient()).isEmpty();
      assertThat(mail.workspace()).contains(workspace);
      assertThat(mail.subject()).contains(contact);
      assertThat(mail.about()).contains(request);
    });
    assertThat(leased.get(1).about()).isEmpty();
    assertThat(inPlatform(() -> outbox.removeToSubject(workspace, contact))).isEqualTo(1);
    assertThat(inPlatform(() -> outbox.removeToSubject(workspace, contact))).isZero();
    List<QueuedMail> left = lease(10, NOW.plus(LEASE).plusSeconds(3));
    assertThat(left).hasSize(1);
    inPlatform(() -> outbox.remove(left.get(0).id())); // the table is shared by the class's tests
  }
}
