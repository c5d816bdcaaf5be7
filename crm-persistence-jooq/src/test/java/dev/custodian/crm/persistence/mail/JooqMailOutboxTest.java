package dev.custodian.crm.persistence.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.mail.AbstractMailOutboxContractTest;
import dev.custodian.crm.core.mail.MailTemplate;
import dev.custodian.crm.core.mail.QueuedMail;
import dev.custodian.crm.core.mail.port.out.MailOutbox;
import dev.custodian.crm.core.testing.PortFixture;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The outbox contract on the jOOQ adapter, plus what only a real database shows: SKIP LOCKED and the grants. */
class JooqMailOutboxTest extends AbstractMailOutboxContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  private static final Instant NOW = Instant.parse("2026-05-06T07:08:09.123456Z");

  @Override
  protected MailOutbox mailOutbox(PortFixture ports) {
    return JooqMailStores.outbox(db.persistence().transactions());
  }

  @Test
  void givenALeaseNotYetCommitted_whenAnotherDispatcherLeases_thenItSkipsThoseRowsWithoutWaiting() throws Exception {
    UUID account = UUID.randomUUID();
    tx.inPlatform(() -> {
      outbox.enqueue(MailTemplate.VERIFY_EMAIL, account, NOW);
      outbox.enqueue(MailTemplate.PASSWORD_RESET, account, NOW.plusSeconds(1));
      return null;
    });
    CountDownLatch leased = new CountDownLatch(1);
    CountDownLatch otherDone = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<List<QueuedMail>> first = pool.submit(() -> tx.inPlatform(() -> {
        List<QueuedMail> mine = outbox.lease(1, NOW.plus(Duration.ofMinutes(5)), NOW.plusSeconds(2));
        leased.countDown();
        try {
          otherDone.await(20, TimeUnit.SECONDS); // holds the row lock until the other has leased
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return mine;
      }));
      assertThat(leased.await(20, TimeUnit.SECONDS)).isTrue();
      Future<List<QueuedMail>> second = pool.submit(() -> {
        try {
          return tx.inPlatform(() -> outbox.lease(10, NOW.plus(Duration.ofMinutes(5)), NOW.plusSeconds(2)));
        } finally {
          otherDone.countDown();
        }
      });

      List<QueuedMail> other = second.get(5, TimeUnit.SECONDS); // would time out if it waited for the lock
      List<QueuedMail> mine = first.get(20, TimeUnit.SECONDS);
      assertThat(mine).extracting(QueuedMail::template).containsExactly(MailTemplate.VERIFY_EMAIL);
      assertThat(other).extracting(QueuedMail::template).containsExactly(MailTemplate.PASSWORD_RESET);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theApplicationRoleCannotRewriteWhatARowSends() {
    for (String sql : new String[] {
        "update mail_outbox set template = template",
        "update mail_outbox set account_id = account_id",
        "update mail_outbox set created_at = created_at",
        "truncate mail_outbox"}) {
      assertThatThrownBy(() -> db.asApp(null, c -> {
        try (Statement st = c.createStatement()) {
          return st.executeUpdate(sql);
        }
      })).as(sql).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
    }
  }
}
