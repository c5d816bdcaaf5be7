package dev.custodian.crm.app.bench;

import dev.custodian.crm.app.AccountConfig;
import dev.custodian.crm.app.AppConfig;
import dev.custodian.crm.app.database.DatabaseConnection;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.schema.PostgresDataSources;
import dev.custodian.crm.privacy.consent.KeyedUnsubscribeTokens;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * {@code consent-race} (CON-02 at the full size): on a scratch server (embedded PostgreSQL
 * in a temporary {@code CRM_DATA_DIR}, deleted at the end) mailing through a loopback SMTP server,
 * each round queues a marketing mail for a new purpose to every contact and, once the first of
 * them has reached the SMTP server, one contact unsubscribes through its one-click link (the API
 * calls go by API key, the link as a mail client posts it). It counts
 * the mails the SMTP server accepted for that contact after the unsubscribe answered: the sender
 * share-locks the contact's row until SMTP accepts, and the unsubscribe waits for that lock, so
 * there must be none. Prints one table; exit 0 when none arrived late, 1 otherwise.
 */
public final class ConsentRace {

  /** The command's synopsis, after {@code java -jar crm-app.jar}. */
  public static final String USAGE = "consent-race [--rounds 50] [--mails 200]";

  static final int DEFAULT_ROUNDS = 50;
  static final int DEFAULT_MAILS = 200;
  private static final Duration DRAIN_WAIT = Duration.ofMinutes(5);

  private final int rounds;
  private final int mails;
  private final ApiBench.Server server;
  private final LoopbackSmtp smtp;
  private final KeyedUnsubscribeTokens tokens;
  private final PrintStream progress;

  private ConsentRace(int rounds, int mails, ApiBench.Server server, LoopbackSmtp smtp, byte[] masterKey,
      PrintStream progress) {
    this.rounds = rounds;
    this.mails = mails;
    this.server = server;
    this.smtp = smtp;
    this.tokens = new KeyedUnsubscribeTokens(masterKey::clone);
    this.progress = progress;
  }

  /**
   * Runs {@code consent-race [options]}: the table to {@code out}, progress to {@code err}; returns
   * the exit code (0 none late, 1 some late or a failure, 2 bad arguments).
   *
   * @param args the arguments after {@code consent-race}
   * @param start starts the server on the given {@code CRM_*} environment
   */
  public static int run(List<String> args, PrintStream out, PrintStream err,
      Function<Map<String, String>, ApiBench.Server> start) {
    int rounds = DEFAULT_ROUNDS;
    int mails = DEFAULT_MAILS;
    try {
      for (int i = 0; i < args.size(); i += 2) {
        String name = args.get(i);
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        switch (name) {
          case "--rounds" -> rounds = BenchOptions.number(name, args.get(i + 1), 1, 1_000);
          case "--mails" -> mails = BenchOptions.number(name, args.get(i + 1), 2, 10_000);
          default -> throw new IllegalArgumentException("unknown option " + name);
        }
      }
    } catch (IllegalArgumentException e) {
      err.println("crm-app consent-race: " + e.getMessage());
      err.println("usage: java -jar crm-app.jar " + USAGE);
      return 2;
    }
    byte[] masterKey = new byte[32];
    new SecureRandom().nextBytes(masterKey);
    int roundsAsked = rounds;
    int mailsAsked = mails;
    try (LoopbackSmtp smtp = LoopbackSmtp.start()) {
      return ScratchRun.run("consent-race", "crm-race", settings(smtp.port(), masterKey), start, (server, dataDir) -> {
        Result result = new ConsentRace(roundsAsked, mailsAsked, server, smtp, masterKey, err).race();
        return new ScratchRun.Outcome(result.table(), result.late() == 0 ? 0 : 1);
      }, out, err);
    } catch (IOException e) { // the loopback SMTP server did not start
      return ScratchRun.failed("consent-race", e, err);
    } finally {
      Arrays.fill(masterKey, (byte) 0);
    }
  }

  /** Loopback SMTP and a master key of its own: none of the caller's settings (see {@link ScratchRun#environment}). */
  private static Map<String, String> settings(int smtpPort, byte[] masterKey) {
    return Map.of(AppConfig.MASTER_KEY, Base64.getEncoder().encodeToString(masterKey),
        AccountConfig.SMTP_HOST, "127.0.0.1",
        AccountConfig.SMTP_PORT, String.valueOf(smtpPort),
        AccountConfig.SMTP_SECURITY, "none");
  }

  /** What the rounds found: mails accepted, for the unsubscriber before and after its answer. */
  private record Result(int rounds, int mails, long delivered, long before, long late, double seconds) {

    String table() {
      return String.format("%-7s %-7s %-10s %-15s %-14s %-8s%n", "rounds", "mails", "delivered",
          "to-it-before", "to-it-after", "seconds")
          + String.format("%-7d %-7d %-10d %-15d %-14d %-8.1f%n", rounds, mails, delivered, before, late, seconds)
          + "(mails: per round, to as many contacts; delivered: accepted by SMTP in all rounds; to-it-before/after: "
          + "accepted for the unsubscribing contact before and after its unsubscribe answered, which must be 0)"
          + System.lineSeparator();
    }
  }

  private Result race() throws Exception {
    URI base = URI.create("http://127.0.0.1:" + server.port() + "/");
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    progress.println("consent-race: signing up, verifying and signing in through the API");
    BenchAccount account = BenchAccount.create(http, base,
        () -> smtp.received().stream().map(LoopbackSmtp.Received::text).toList());
    BenchAccount.Api api = new BenchAccount.Api(http, base);
    String ws = "/api/v1/workspaces/" + account.workspace();
    progress.printf("consent-race: adding %d contacts%n", mails);
    List<String> emails = new ArrayList<>();
    List<UUID> contacts = new ArrayList<>();
    for (int i = 0; i < mails; i++) {
      String email = "race-" + i + "@example.org";
      emails.add(email);
      contacts.add(UUID.fromString(api.json(api.expect(201, api.postByKey(ws + "/contacts", account.apiKey(),
          "{\"firstName\":\"Race\",\"lastName\":\"Contact " + i + "\",\"email\":\"" + email + "\"}")))
          .path("id").asText()));
    }
    DatabaseConnection db = server.database();
    DataSource app = PostgresDataSources.unpooled(db.jdbcUrl(), db.app().user(), db.app().password());
    long delivered = 0;
    long before = 0;
    long late = 0;
    long started = System.nanoTime();
    for (int round = 0; round < rounds; round++) {
      String purpose = "race-" + round;
      api.expect(201, api.postByKey(ws + "/purposes", account.apiKey(), "{\"key\":\"" + purpose
          + "\",\"name\":\"Race " + round + "\",\"legalBasis\":\"LEGITIMATE_INTEREST\",\"basisJustification\":"
          + "\"Existing customers\",\"directMarketing\":true}"));
      String subject = "Race round " + round;
      // another contact each round; the outbox sends a round's rows in no set order (they share a
      // time, their ids are random), so at the answer its mail may be out, going out or still queued
      int victim = round % Math.min(mails, 20);
      int queued = api.json(api.expect(202, api.postByKey(ws + "/marketing-mails", account.apiKey(),
          "{\"purpose\":\"" + purpose + "\",\"subject\":\"" + subject + "\",\"text\":\"Ten percent off, this "
          + "week only.\",\"postalAddress\":\"Acme Ltd, 1 Main Street, Springfield\"}"))).path("queued").asInt();
      if (queued != mails) {
        throw new IllegalStateException("round " + round + " queued " + queued + " mails, not " + mails);
      }
      awaitFirst(subject);
      String token = tokens.mint(WorkspaceId.of(account.workspace()), ContactId.of(contacts.get(victim)),
          new PurposeKey(purpose));
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/public/unsubscribe/"
          + token)).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
          HttpResponse.BodyHandlers.ofString());
      long atAnswer = smtp.count(emails.get(victim), subject);
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("round " + round + ": the unsubscribe answered " + answer.statusCode());
      }
      awaitEmptyOutbox(app);
      long total = smtp.count(emails.get(victim), subject);
      before += atAnswer;
      late += total - atAnswer;
      delivered += smtp.count(subject);
      progress.printf("consent-race: round %d of %d: %d delivered, %d to the unsubscriber before its answer, "
          + "%d after%n", round + 1, rounds, smtp.count(subject), atAnswer, total - atAnswer);
    }
    return new Result(rounds, mails, delivered, before, late, (System.nanoTime() - started) / 1e9);
  }

  private void awaitFirst(String subject) throws InterruptedException {
    long deadline = System.nanoTime() + DRAIN_WAIT.toNanos();
    while (smtp.count(subject) == 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no mail of '" + subject + "' went out within " + DRAIN_WAIT);
      }
      Thread.sleep(2);
    }
  }

  /** Waits until the dispatcher sent (or dropped) every queued mail, reading the outbox as the application role. */
  private static void awaitEmptyOutbox(DataSource app) throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + DRAIN_WAIT.toNanos();
    while (true) {
      try (Connection c = app.getConnection(); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("select count(*) from mail_outbox")) {
        rs.next();
        if (rs.getLong(1) == 0) {
          return;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the outbox did not drain within " + DRAIN_WAIT);
      }
      Thread.sleep(50);
    }
  }
}
