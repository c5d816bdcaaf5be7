package dev.custodian.crm.persistence.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.common.port.out.TokenGenerator;
import dev.custodian.crm.core.common.port.out.TokenHash;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.mail.MailTemplate;
import dev.custodian.crm.core.mail.MailTokenPurpose;
import dev.custodian.crm.core.mail.OutgoingMail;
import dev.custodian.crm.core.mail.RecordingMailer;
import dev.custodian.crm.core.mail.port.out.MailOutbox;
import dev.custodian.crm.core.mail.port.out.MailTokenRepository;
import dev.custodian.crm.core.mail.service.MailDispatcher;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.testing.MutableClock;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dispatcher on real PostgreSQL: two instances share one outbox, and no row holds a token or an address. */
class JooqMailDispatcherTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  private static final Pattern TOKEN = Pattern.compile("#token=([A-Za-z0-9_-]+)");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-06T07:08:09.123456789Z"));
  private final Map<UUID, EmailAddress> addresses = new ConcurrentHashMap<>();
  private final RecordingMailer mailer = new RecordingMailer();

  private Transactions tx() {
    return db.persistence().transactions();
  }

  private MailOutbox outbox() {
    return JooqMailStores.outbox(db.persistence().transactions());
  }

  private MailTokenRepository tokens() {
    return JooqMailStores.tokens(db.persistence().transactions());
  }

  private MailDispatcher dispatcher() {
    return new MailDispatcher(tx(), outbox(), tokens(), id -> Optional.ofNullable(addresses.get(id)), mailer,
        TokenGenerator.secureRandom(), clock,
        MailDispatcher.Settings.of(URI.create("https://crm.example.org"), Duration.ofHours(1)));
  }

  private UUID enqueue(MailTemplate template, String address) {
    UUID account = UUID.randomUUID();
    addresses.put(account, new EmailAddress(address));
    tx().inPlatform(() -> {
      outbox().enqueue(template, account, clock.instant());
      return null;
    });
    return account;
  }

  @Test
  @DisplayName("CON-05: two dispatchers on one database send each mail once")
  void givenTwoDispatchers_whenRunAtOnce_thenEachMailIsSentOnce() throws Exception {
    int mails = 40;
    for (int i = 0; i < mails; i++) {
      enqueue(MailTemplate.VERIFY_EMAIL, "person" + i + "@example.org");
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (MailDispatcher each : List.of(dispatcher(), dispatcher())) {
        runs.add(pool.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          int sent = 0;
          MailDispatcher.Result result;
          do {
            result = each.dispatchDue();
            sent += result.sent();
          } while (result.leased() > 0);
          return sent;
        }));
      }
      start.countDown();
      int sent = runs.get(0).get(60, TimeUnit.SECONDS) + runs.get(1).get(60, TimeUnit.SECONDS);

      assertThat(sent).isEqualTo(mails);
      assertThat(mailer.sent()).hasSize(mails).extracting(m -> m.to().value()).doesNotHaveDuplicates();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("ACC-05: a token mailed through the outbox verifies once; no table holds it or the address in clear")
  void givenAMailedToken_thenItVerifiesOnceAndNoRowHoldsItOrTheAddress() throws Exception {
    UUID account = enqueue(MailTemplate.VERIFY_EMAIL, "grace@example.org");
    enqueue(MailTemplate.PASSWORD_RESET, "grace@example.org");
    mailer.down(true);
    dispatcher().dispatchDue();
    List<String> whileQueued = everyStoredValue();
    mailer.down(false);
    clock.advance(MailDispatcher.Settings.DEFAULT_LEASE.plusSeconds(1));
    dispatcher().dispatchDue();
    List<String> afterSending = everyStoredValue();

    assertThat(mailer.sent()).hasSize(2);
    List<String> tokens = mailer.sent().stream().map(JooqMailDispatcherTest::tokenIn).toList();
    assertThat(whileQueued).as("the positive control").contains(account.toString());
    for (List<String> stored : List.of(whileQueued, afterSending)) {
      assertThat(stored).noneMatch(value -> value.toLowerCase().contains("grace@example.org"));
      for (String token : tokens) {
        assertThat(stored).noneMatch(value -> value.contains(token.substring(4)));
      }
    }
    assertThat(afterSending).contains(TokenHash.of(tokens.get(0)));

    String verify = mailer.sent().stream().filter(m -> m.body().contains("/verify-email#"))
        .map(JooqMailDispatcherTest::tokenIn).findFirst().orElseThrow();
    assertThat(tx().inPlatform(() -> tokens().consume(MailTokenPurpose.VERIFY_EMAIL, TokenHash.of(verify), clock.instant())))
        .contains(account);
    assertThat(tx().inPlatform(() -> tokens().consume(MailTokenPurpose.VERIFY_EMAIL, TokenHash.of(verify), clock.instant())))
        .isEmpty();
  }

  private static String tokenIn(OutgoingMail mail) {
    Matcher m = TOKEN.matcher(mail.body());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  /** Every value of every row of both mail tables, as text, read as the superuser. */
  private static List<String> everyStoredValue() throws Exception {
    List<String> values = new ArrayList<>();
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
      for (String table : List.of("mail_outbox", "mail_tokens")) {
        try (ResultSet rs = st.executeQuery("select * from " + table)) {
          ResultSetMetaData meta = rs.getMetaData();
          while (rs.next()) {
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              values.add(String.valueOf(rs.getString(i)));
            }
          }
        }
      }
    }
    return values;
  }
}
