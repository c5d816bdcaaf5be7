package dev.custodian.crm.core.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.port.out.TokenGenerator;
import dev.custodian.crm.core.common.port.out.TokenHash;
import dev.custodian.crm.core.mail.port.out.Mailer;
import dev.custodian.crm.core.mail.service.MailDispatcher.Result;
import dev.custodian.crm.core.mail.service.MailDispatcher;
import dev.custodian.crm.core.testing.MutableClock;
import java.lang.reflect.RecordComponent;
import java.net.URI;
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

class MailDispatcherTest {

  private static final URI PUBLIC_URL = URI.create("https://crm.example.org/app/");
  private static final Duration TTL = Duration.ofHours(1);
  private static final Duration LEASE = MailDispatcher.Settings.DEFAULT_LEASE;
  private static final Pattern TOKEN = Pattern.compile("#token=([A-Za-z0-9_-]+)");

  private final InMemoryTransactions tx = new InMemoryTransactions();
  private final InMemoryMailOutbox outbox = new InMemoryMailOutbox(tx);
  private final InMemoryMailTokenRepository tokens = new InMemoryMailTokenRepository(tx);
  private final Map<UUID, EmailAddress> addresses = new ConcurrentHashMap<>();
  private final RecordingMailer mailer = new RecordingMailer();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-06T07:08:09.123456789Z"));
  private final MailDispatcher dispatcher = dispatcher();

  private final UUID account = UUID.randomUUID();
  private final EmailAddress address = new EmailAddress("ada@example.org");

  private MailDispatcher dispatcher() {
    return new MailDispatcher(tx, outbox, tokens, id -> Optional.ofNullable(addresses.get(id)), mailer,
        TokenGenerator.secureRandom(), clock, MailDispatcher.Settings.of(PUBLIC_URL, TTL));
  }

  private void enqueue(MailTemplate template, UUID to) {
    tx.inPlatform(() -> {
      outbox.enqueue(template, to, clock.instant());
      return null;
    });
  }

  private Optional<UUID> verify(String token) {
    return tx.inPlatform(() -> tokens.consume(MailTokenPurpose.VERIFY_EMAIL, TokenHash.of(token), clock.instant()));
  }

  private static String tokenIn(OutgoingMail mail) {
    Matcher m = TOKEN.matcher(mail.body());
    assertThat(m.find()).as("a token in the link").isTrue();
    return m.group(1);
  }

  private List<InMemoryMailOutbox.Row> outboxRows() {
    return tx.inPlatform(outbox::rows);
  }

  @Test
  @DisplayName("ACC-05: a mailed verification token verifies its account once")
  void givenQueuedVerification_whenDispatched_thenOneMailWhoseTokenVerifiesOnce() {
    addresses.put(account, address);
    enqueue(MailTemplate.VERIFY_EMAIL, account);

    assertThat(dispatcher.dispatchDue()).isEqualTo(new Result(1, 0, 0));

    OutgoingMail mail = mailer.sent().get(0);
    assertThat(mail.to()).isEqualTo(address);
    assertThat(mail.subject()).isEqualTo(MailTemplate.VERIFY_EMAIL.subject());
    String token = tokenIn(mail);
    assertThat(token).startsWith("vrf_");
    assertThat(mail.body()).contains("https://crm.example.org/app/verify-email#token=" + token);
    assertThat(outboxRows()).as("a sent row is removed").isEmpty();
    assertThat(verify(token)).contains(account);
    assertThat(verify(token)).isEmpty();
    assertThat(dispatcher.dispatchDue()).isEqualTo(new Result(0, 0, 0));
  }

  @Test
  @DisplayName("ACC-05: a mailed token no longer works once its TTL has passed")
  void givenAMailedToken_whenTheTtlHasPassed_thenItFails() {
    addresses.put(account, address);
    enqueue(MailTemplate.VERIFY_EMAIL, account);
    dispatcher.dispatchDue();
    String token = tokenIn(mailer.sent().get(0));

    clock.advance(TTL);

    assertThat(verify(token)).isEmpty();
  }

  @Test
  void givenAMailedToken_whenUsedJustBeforeTheTtl_thenItWorks() {
    addresses.put(account, address);
    enqueue(MailTemplate.VERIFY_EMAIL, account);
    dispatcher.dispatchDue();
    String token = tokenIn(mailer.sent().get(0));

    clock.advance(TTL.minusSeconds(1));

    assertThat(verify(token)).contains(account);
  }

  @Test
  void givenAnInvitationMail_thenItsTokenLivesTheInvitationTtl_notTheAccountMailsHour() {
    UUID invitation = UUID.randomUUID(); // an invitation's mail goes to the invitation, not to an account
    addresses.put(invitation, address);
    enqueue(MailTemplate.INVITATION, invitation);
    dispatcher.dispatchDue();
    String token = tokenIn(mailer.sent().get(0));
    assertThat(token).startsWith(MailTokenPurpose.INVITATION.tokenPrefix());

    clock.advance(MailTokenPurpose.INVITATION.maxTtl().minusSeconds(1));
    assertThat(tx.inPlatform(() -> tokens.isUsable(MailTokenPurpose.INVITATION, TokenHash.of(token), clock.instant())))
        .isTrue();
    clock.advance(Duration.ofSeconds(1));
    assertThat(tx.inPlatform(() -> tokens.isUsable(MailTokenPurpose.INVITATION, TokenHash.of(token), clock.instant())))
        .isFalse();
  }

  @Test
  void theSettingsRefuseAnInvitationTtlAboveSevenDays_andKeepAccountTokensApart() {
    assertThatThrownBy(() -> MailDispatcher.Settings.of(PUBLIC_URL, TTL, Duration.ofDays(7).plusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MailDispatcher.Settings.of(PUBLIC_URL, TTL, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    MailDispatcher.Settings settings = MailDispatcher.Settings.of(PUBLIC_URL, TTL, Duration.ofDays(2));
    assertThat(settings.ttlOf(MailTokenPurpose.INVITATION)).isEqualTo(Duration.ofDays(2));
    assertThat(settings.ttlOf(MailTokenPurpose.VERIFY_EMAIL)).isEqualTo(TTL);
    assertThat(settings.ttlOf(MailTokenPurpose.PASSWORD_RESET)).isEqualTo(TTL);
    assertThat(MailDispatcher.Settings.of(PUBLIC_URL, TTL).invitationTtl()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  @DisplayName("ACC-10: a newer reset mail voids the token of the older one")
  void givenTwoResetMails_thenOnlyTheNewerTokenWorks() {
    addresses.put(account, address);
    enqueue(MailTemplate.PASSWORD_RESET, account);
    dispatcher.dispatchDue();
    clock.advance(Duration.ofMinutes(1));
    enqueue(MailTemplate.PASSWORD_RESET, account);
    dispatcher.dispatchDue();

    String older = tokenIn(mailer.sent().get(0));
    String newer = tokenIn(mailer.sent().get(1));
    assertThat(newer).startsWith("rst_").isNotEqualTo(older);
    assertThat(mailer.sent().get(1).body()).contains("https://crm.example.org/app/password-reset#token=" + newer);
    assertThat(tx.inPlatform(() -> tokens.consume(MailTokenPurpose.PASSWORD_RESET, TokenHash.of(older), clock.instant()))).isEmpty();
    assertThat(tx.inPlatform(() -> tokens.consume(MailTokenPurpose.PASSWORD_RESET, TokenHash.of(newer), clock.instant()))).contains(account);
  }

  @Test
  void givenAnAccountExistsMail_thenItsLinkCarriesNoTokenAndNoneIsStored() {
    addresses.put(account, address);
    enqueue(MailTemplate.ACCOUNT_EXISTS, account);

    assertThat(dispatcher.dispatchDue()).isEqualTo(new Result(1, 0, 0));

    OutgoingMail mail = mailer.sent().get(0);
    assertThat(mail.body()).contains("https://crm.example.org/app/password-reset\n").doesNotContain("#");
    assertThat(tx.inPlatform(tokens::rows)).isEmpty();
  }

  @Test
  void givenTheMailServerIsDown_thenTheRowStaysLeasedWithoutAWorkingTokenAndIsSentAfterTheLease() {
    addresses.put(account, address);
    enqueue(MailTemplate.VERIFY_EMAIL, account);
    mailer.down(true);

    assertThat(dispatcher.dispatchDue()).isEqualTo(new Result(0, 1, 0));
    assertThat(outboxRows()).hasSize(1);
    assertThat(tx.inPlatform(tokens::rows).values()).as("the token of an unsent mail is spent")
        .isNotEmpty().allSatisfy(row -> assertThat(row.usedAt()).isNotNull());

    mailer.down(false);
    assertThat(dispatcher.dispatchDue()).as("still leased").isEqualTo(new Result(0, 0, 0));
    clock.advance(LEASE.plusSeconds(1));
    assertThat(dispatcher.dispatchDue()).isEqualTo(new Result(1, 0, 0));
    assertThat(verify(tokenIn(mailer.sent().get(0)))).contains(account);
  }

  @Test
  @DisplayName("CON-05: a slow mail server does not let a batch outlive its lease; the rest waits for the next lease")
  void givenSlowSends_thenTheBatchStopsAtHalfItsLease() {
    List<OutgoingMail> sent = new java.util.ArrayList<>();
    Mailer slow = mail -> {
      sent.add(mail);
      clock.advance(LEASE.dividedBy(4)); // each send takes a quarter of the lease
    };
    MailDispatcher slowDispatcher = new MailDispatcher(tx, outbox, tokens, id -> Optional.ofNullable(addresses.get(id)),
        slow, TokenGenerator.secureRandom(), clock, MailDispatcher.Settings.of(PUBLIC_URL, TTL));
    for (int i = 0; i < 5; i++) {
      UUID someone = UUID.randomUUID();
      addresses.put(someone, new EmailAddress("someone" + i + "@example.org"));
      enqueue(MailTemplate.ACCOUNT_EXISTS, someone);
    }

    assertThat(slowDispatcher.dispatchDue()).isEqualTo(new Result(2, 0, 0));
    assertThat(outboxRows()).hasSize(3);
    clock.advance(LEASE);
    assertThat(slowDispatcher.dispatchDue()).isEqualTo(new Result(2, 0, 0));
    clock.advance(LEASE);
    assertThat(slowDispatcher.dispatchDue()).isEqualTo(new Result(1, 0, 0));
    assertThat(sent).extracting(m -> m.to().value()).doesNotHaveDuplicates().hasSize(5);
  }

  @Test
  @DisplayName("CON-05: a mail still undelivered 24 hours after it was queued is dropped")
  void givenAMailUndeliveredFor24Hours_thenItIsDropped() {
    addresses.put(account, address);
    enqueue(MailTemplate.PASSWORD_RESET, account);
    mailer.down(true);
    Instant queued = clock.instant();

    int attempts = 0;
    while (clock.instant().isBefore(queued.plus(MailDispatcher.UNDELIVERABLE_AFTER))) {
      assertThat(dispatcher.dispatchDue()).isEqualTo(new Result(0, 1, 0));
      attempts++;
      clock.advance(LEASE.plusSeconds(1));
    }
    assertThat(attempts).isGreaterThan(200);
    assertThat(outboxRows()).hasSize(1);

    mailer.down(false);
    assertThat(dispatcher.dispatchDue()).isEqualTo(new Result(0, 0, 1));
    assertThat(outboxRows()).isEmpty();
    assertThat(mailer.sent()).isEmpty();
  }

  @Test
  void givenAnAccountWithoutAnAddress_thenItsMailIsDroppedUnsent() {
    enqueue(MailTemplate.VERIFY_EMAIL, account);

    assertThat(dispatcher.dispatchDue()).isEqualTo(new Result(0, 0, 1));
    assertThat(outboxRows()).isEmpty();
    assertThat(mailer.sent()).isEmpty();
    assertThat(tx.inPlatform(tokens::rows)).isEmpty();
  }

  @Test
  @DisplayName("CON-05: outbox rows hold neither an address nor a token, and tokens are stored only as hashes")
  void givenQueuedAndFailedMail_thenNoStoredValueHoldsTheAddressOrTheToken() throws Exception {
    addresses.put(account, address);
    enqueue(MailTemplate.VERIFY_EMAIL, account);
    enqueue(MailTemplate.PASSWORD_RESET, account);
    mailer.down(true);
    dispatcher.dispatchDue();
    List<String> queuedValues = storedValues(outboxRows());
    mailer.down(false);
    clock.advance(LEASE.plusSeconds(1));
    dispatcher.dispatchDue();
    enqueue(MailTemplate.VERIFY_EMAIL, account);
    List<String> stored = new ArrayList<>(queuedValues);
    stored.addAll(storedValues(outboxRows()));
    stored.addAll(storedValues(tx.inPlatform(() -> List.copyOf(tokens.rows().values()))));

    assertThat(mailer.sent()).hasSize(2);
    assertThat(stored).isNotEmpty().contains(account.toString());
    for (OutgoingMail mail : mailer.sent()) {
      String token = tokenIn(mail);
      assertThat(stored).noneMatch(value -> value.contains(token) || value.contains(token.substring(4)))
          .contains(TokenHash.of(token));
    }
    assertThat(stored).noneMatch(value -> value.toLowerCase().contains("ada@example.org"));
  }

  /** The value of every field of every row, as text. */
  private static List<String> storedValues(List<? extends Record> rows) throws Exception {
    List<String> values = new ArrayList<>();
    for (Record row : rows) {
      for (RecordComponent component : row.getClass().getRecordComponents()) {
        Object value = component.getAccessor().invoke(row);
        if (value instanceof Record nested) {
          values.addAll(storedValues(List.of(nested)));
        } else {
          values.add(String.valueOf(value));
        }
      }
    }
    return values;
  }

  @Test
  @DisplayName("CON-05: two dispatchers running at once send each mail once")
  void givenTwoDispatchers_whenRunAtOnce_thenEachMailIsSentOnce() throws Exception {
    int mails = 30;
    for (int i = 0; i < mails; i++) {
      UUID someone = UUID.randomUUID();
      addresses.put(someone, new EmailAddress("person" + i + "@example.org"));
      enqueue(MailTemplate.VERIFY_EMAIL, someone);
    }
    MailDispatcher other = dispatcher();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (MailDispatcher each : List.of(dispatcher, other)) {
        runs.add(pool.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          int sent = 0;
          Result result;
          do {
            result = each.dispatchDue();
            sent += result.sent();
          } while (result.leased() > 0);
          return sent;
        }));
      }
      start.countDown();
      int sent = runs.get(0).get(30, TimeUnit.SECONDS) + runs.get(1).get(30, TimeUnit.SECONDS);

      assertThat(sent).isEqualTo(mails);
      assertThat(mailer.sent()).hasSize(mails).extracting(m -> m.to().value()).doesNotHaveDuplicates();
      assertThat(outboxRows()).isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  /** A resolver of consent confirmations for the seam's tests: one address per subject, read where it runs. */
  private final class FakeSubjectMail implements dev.custodian.crm.core.mail.port.out.SubjectMailResolver {
    final Map<UUID, EmailAddress> subjects = new ConcurrentHashMap<>();
    final List<Optional<dev.custodian.crm.core.tenancy.WorkspaceId>> boundWhenResolved = new ArrayList<>();
    final List<UUID> unsent = new ArrayList<>();

    @Override
    public MailTemplate template() {
      return MailTemplate.CONSENT_CONFIRMATION;
    }

    @Override
    public Optional<OutgoingMail> resolve(dev.custodian.crm.core.tenancy.WorkspaceId workspace, QueuedMail mail,
        URI publicUrl, Instant now) {
      boundWhenResolved.add(tx.boundWorkspace());
      return Optional.ofNullable(subjects.get(mail.subject().orElseThrow())).map(to -> mail.template().render(to,
          publicUrl, Optional.of(MailTokenPurpose.CONSENT_CONFIRMATION.tokenPrefix() + "A".repeat(43))));
    }

    @Override
    public void unsent(dev.custodian.crm.core.tenancy.WorkspaceId workspace, QueuedMail mail, Instant now) {
      unsent.add(mail.id());
    }
  }

  private MailDispatcher dispatcherWith(FakeSubjectMail subjectMail) {
    return new MailDispatcher(tx, outbox, tokens, id -> Optional.ofNullable(addresses.get(id)), mailer,
        TokenGenerator.secureRandom(), clock, MailDispatcher.Settings.of(PUBLIC_URL, TTL),
        (workspace, template) -> Optional.empty(), List.of(subjectMail));
  }

  private void enqueueToSubject(UUID workspace, UUID subject) {
    tx.inPlatform(() -> {
      outbox.enqueueToSubject(MailTemplate.CONSENT_CONFIRMATION, workspace, subject, Optional.of(UUID.randomUUID()),
          clock.instant());
      return null;
    });
  }

  @Test
  @DisplayName("CON-05: a mail to a workspace's subject names no address; its resolver renders it inside that workspace's transaction")
  void givenAMailToAWorkspaceSubject_whenDispatched_thenItsResolverRendersItInTheWorkspacesTransaction() {
    FakeSubjectMail subjectMail = new FakeSubjectMail();
    UUID workspace = UUID.randomUUID();
    UUID contact = UUID.randomUUID();
    subjectMail.subjects.put(contact, address);
    enqueueToSubject(workspace, contact);
    assertThat(outboxRows()).singleElement().satisfies(row -> {
      assertThat(row.mail().recipient()).isEmpty();
      assertThat(row.mail().subject()).contains(contact);
      assertThat(row.mail().workspace()).contains(workspace);
    });

    assertThat(dispatcherWith(subjectMail).dispatchDue()).isEqualTo(new Result(1, 0, 0));

    assertThat(mailer.sent()).singleElement().satisfies(mail -> assertThat(mail.to()).isEqualTo(address));
    assertThat(subjectMail.boundWhenResolved)
        .containsExactly(Optional.of(dev.custodian.crm.core.tenancy.WorkspaceId.of(workspace)));
    assertThat(outboxRows()).isEmpty();
  }

  @Test
  void givenAMailToAGoneSubjectOrWithoutResolver_whenDispatched_thenDroppedUnsent() {
    FakeSubjectMail subjectMail = new FakeSubjectMail();
    enqueueToSubject(UUID.randomUUID(), UUID.randomUUID());

    assertThat(dispatcherWith(subjectMail).dispatchDue()).isEqualTo(new Result(0, 0, 1));
    enqueueToSubject(UUID.randomUUID(), UUID.randomUUID());
    assertThat(dispatcher.dispatchDue()).as("no resolver for the template").isEqualTo(new Result(0, 0, 1));

    assertThat(mailer.sent()).isEmpty();
    assertThat(outboxRows()).isEmpty();
  }

  @Test
  void givenAMailToASubject_whenTheServerIsDown_thenItsResolverSpendsWhatItMintedAndTheRowStays() {
    FakeSubjectMail subjectMail = new FakeSubjectMail();
    UUID contact = UUID.randomUUID();
    subjectMail.subjects.put(contact, address);
    enqueueToSubject(UUID.randomUUID(), contact);
    mailer.down(true);

    assertThat(dispatcherWith(subjectMail).dispatchDue()).isEqualTo(new Result(0, 1, 0));

    assertThat(subjectMail.unsent).hasSize(1);
    assertThat(outboxRows()).hasSize(1);
  }

  @Test
  void givenMailsToSubjects_whenTheirSubjectIsErased_thenTheyGo() {
    UUID workspace = UUID.randomUUID();
    UUID contact = UUID.randomUUID();
    enqueueToSubject(workspace, contact);
    enqueueToSubject(workspace, contact);
    enqueueToSubject(workspace, UUID.randomUUID());
    enqueueToSubject(UUID.randomUUID(), contact);

    assertThat(tx.inPlatform(() -> outbox.removeToSubject(workspace, contact))).isEqualTo(2);
    assertThat(outboxRows()).hasSize(2);
  }
}
