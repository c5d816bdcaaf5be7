package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.app.AccountConfig;
import dev.custodian.crm.app.SuiteLanes;
import dev.custodian.crm.persistence.testing.LogCapture;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Mail to an SMTP server that is not there: the mail stays queued for the next round, and neither
 * the database nor any log (Logback's, which the core's {@code System.Logger} lines join, and
 * java.util.logging's, which Jakarta Mail uses) holds a token.
 */
@ResourceLock(SuiteLanes.SHARED_OBSERVERS) // it watches every log line
class MailOutageTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  /** Every java.util.logging record, formatted with its parameters. */
  private static final class JulCapture extends Handler {
    final List<String> lines = new CopyOnWriteArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    @Override
    public void publish(LogRecord record) {
      lines.add(record.getLoggerName() + " " + formatter.format(record));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @Test
  @DisplayName("ACC-01, ACC-10: with the SMTP server down the mail waits in the outbox, and no row or log holds a token")
  void aMailLostToAStoppedSmtpServerLeavesNoToken() throws Exception {
    int closedPort;
    try (ServerSocket free = new ServerSocket(0)) {
      closedPort = free.getLocalPort();
    }
    Map<String, String> env = TestApp.environmentFor(db);
    env.put(AccountConfig.SMTP_PORT, String.valueOf(closedPort));
    String email = "Lin." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    String password = "a password nobody may keep " + UUID.randomUUID();
    JulCapture jul = new JulCapture();
    java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
    julRoot.addHandler(jul);
    try (LogCapture logs = new LogCapture(); TestApp app = TestApp.start(env)) {
      assertThat(app.postJson("/api/v1/auth/signup", "{\"name\":\"Lin\",\"email\":\"" + email
          + "\",\"password\":\"" + password + "\",\"ageConfirmed\":true}").statusCode()).isEqualTo(202);

      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (logs.lines().stream().noneMatch(line -> line.contains("not delivered")) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(logs.lines()).as("the dispatcher tried and failed, and said so through Logback")
          .anyMatch(line -> line.contains("not delivered"));
      assertThat(TestApp.count(db, "mail_outbox")).as("kept for the next round").isEqualTo(1);
      assertThat(TestApp.count(db, "mail_tokens where used_at is null"))
          .as("the token minted for the failed send is spent").isZero();

      String rows = String.join("\n", TestApp.everyRowAsText(db, "accounts", "mail_outbox", "mail_tokens"));
      assertThat(rows).as("the positive control").contains(email.toLowerCase());
      assertThat(rows).doesNotContain("vrf_").doesNotContain(password);
      List<String> everyLine = new java.util.ArrayList<>(logs.lines());
      everyLine.addAll(jul.lines);
      assertThat(everyLine).isNotEmpty().noneMatch(line -> line.contains("vrf_") || line.contains("#token")
          || line.contains(password) || line.toLowerCase().contains(email.toLowerCase()));
    } finally {
      julRoot.removeHandler(jul);
    }
  }
}
