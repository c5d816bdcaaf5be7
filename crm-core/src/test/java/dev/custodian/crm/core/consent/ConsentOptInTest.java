package dev.custodian.crm.core.consent;

import static dev.custodian.crm.core.workspace.WorkspaceFixtures.aWorkspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.InMemoryMembershipRepository;
import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.CrmException;
import dev.custodian.crm.core.common.error.ForbiddenException;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.RateLimitedException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.port.out.TokenGenerator;
import dev.custodian.crm.core.common.port.out.TokenHash;
import dev.custodian.crm.core.company.InMemoryCompanyRepository;
import dev.custodian.crm.core.consent.port.in.ConsentUseCases;
import dev.custodian.crm.core.consent.port.in.RecordConsentCommand;
import dev.custodian.crm.core.consent.port.in.RequestConsentCommand;
import dev.custodian.crm.core.consent.service.ConsentServices;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.InMemoryContactRepository;
import dev.custodian.crm.core.contact.InMemorySuppressionList;
import dev.custodian.crm.core.contact.port.in.ContactUseCases;
import dev.custodian.crm.core.contact.port.in.CreateContactCommand;
import dev.custodian.crm.core.contact.service.ContactServices;
import dev.custodian.crm.core.mail.InMemoryMailOutbox;
import dev.custodian.crm.core.mail.InMemoryMailTokenRepository;
import dev.custodian.crm.core.mail.OutgoingMail;
import dev.custodian.crm.core.mail.RecordingMailer;
import dev.custodian.crm.core.mail.service.MailDispatcher;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.MutableClock;
import dev.custodian.crm.core.testing.TestGates;
import dev.custodian.crm.core.throttle.InMemoryThrottleRepository;
import dev.custodian.crm.core.throttle.service.Throttle;
import dev.custodian.crm.core.workspace.InMemoryWorkspaceRepository;
import dev.custodian.crm.core.workspace.Workspace;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Double opt-in (CON-01) on the in-memory fakes: request, mail, confirmation. */
class ConsentOptInTest {

  private static final Pattern TOKEN = Pattern.compile("#token=([A-Za-z0-9_-]+)");
  private static final URI PUBLIC_URL = URI.create("https://crm.example.org");
  private static final String IP = "192.0.2.10";

  private final InMemoryTransactions tx = new InMemoryTransactions();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-06T07:08:09.123456Z"));
  private final InMemoryMembershipRepository memberships = new InMemoryMembershipRepository(tx);
  private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository(tx, memberships);
  private final InMemoryCompanyRepository companyStore = new InMemoryCompanyRepository(tx);
  private final InMemoryContactRepository contactStore = new InMemoryContactRepository(tx, companyStore);
  private final InMemoryPurposeRepository purposeStore = new InMemoryPurposeRepository(tx);
  private final InMemoryConsentLedger ledgerStore = new InMemoryConsentLedger(tx);
  private final InMemoryProcessingRestrictions restrictionStore = new InMemoryProcessingRestrictions(tx);
  private final InMemoryConsentConfirmations confirmationStore = new InMemoryConsentConfirmations(tx);
  private final InMemoryMailOutbox outbox = new InMemoryMailOutbox(tx);
  private final RecordingMailer mailer = new RecordingMailer();
  private final WorkspaceTransactions inWorkspace = TestGates.workspaceTransactions(tx, memberships);
  private final Throttle throttle = new Throttle(tx, new InMemoryThrottleRepository(tx),
      key -> key.kind() + ":" + key.scope() + ":" + key.normalisedValue(), clock);
  private final ConsentUseCases consent = ConsentServices.create(inWorkspace, purposeStore, ledgerStore,
      restrictionStore, contactStore, FakeAddressHasher.create(),
      new ConsentServices.OptInPorts(tx, confirmationStore, outbox, workspaces, throttle), IdGenerator.random(), clock);
  private final ContactUseCases contacts = ContactServices.create(inWorkspace, contactStore,
      new InMemorySuppressionList(), IdGenerator.random(), clock);
  private final MailDispatcher dispatcher = new MailDispatcher(tx, outbox, new InMemoryMailTokenRepository(tx),
      id -> Optional.empty(), mailer, TokenGenerator.secureRandom(), clock,
      MailDispatcher.Settings.of(PUBLIC_URL, Duration.ofHours(1)), (w, t) -> Optional.empty(),
      List.of(ConsentServices.confirmationMail(confirmationStore, contactStore, TokenGenerator.secureRandom(),
          Duration.ofDays(7))));
  private final Actor member = Actor.account(AccountId.of(UUID.randomUUID()));
  private final Actor viewer = Actor.account(AccountId.of(UUID.randomUUID()));
  private WorkspaceId ws;

  @BeforeEach
  void workspaceWithDefaultPurposes() {
    Workspace w = aWorkspace();
    tx.inPlatform(() -> {
      workspaces.insert(w);
      Map.of(member, Role.MEMBER, viewer, Role.VIEWER)
          .forEach((actor, role) -> memberships.insert(w.id(), actor.account(), role, w.createdAt()));
      return null;
    });
    ws = w.id();
    tx.inWorkspace(ws, () -> {
      ConsentServices.defaultPurposes(purposeStore, clock).initialize(ws);
      return null;
    });
  }

  private Contact aContact() {
    return contacts.create().create(member, CreateContactCommand.builder(ws).firstName("Ada").lastName("Lovelace")
        .email("ada." + UUID.randomUUID() + "@example.org").build());
  }

  private Instant request(Contact contact, String purpose) {
    return consent.optIns().request(member, RequestConsentCommand.of(ws, contact.id(), purpose, "notice-v2"));
  }

  private String mailedToken() {
    dispatcher.dispatchDue();
    OutgoingMail mail = mailer.sent().get(mailer.sent().size() - 1);
    Matcher m = TOKEN.matcher(mail.body());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private ConsentState confirm(String token) {
    return consent.optIns().confirm(token, ConsentProof.none(), IP).state();
  }

  private ConsentState stateOf(Contact contact, String purpose) {
    return consent.ledger().consentOf(viewer, ws, contact.id()).states().stream()
        .filter(s -> s.purpose().value().equals(purpose)).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("CON-01: a request queues a confirmation mail naming no address; its link, once confirmed, grants a double opt-in purpose with the proof")
  void givenARequest_whenTheMailedLinkIsConfirmed_thenGrantedOnce() {
    Contact ada = aContact();
    Instant requested = request(ada, "marketing-email");
    assertThat(tx.inPlatform(outbox::rows)).singleElement().satisfies(row -> {
      assertThat(row.mail().recipient()).isEmpty();
      assertThat(row.mail().subject()).contains(ada.id().value());
    });
    assertThat(stateOf(ada, "marketing-email")).as("pending: nothing granted").isInstanceOf(ConsentState.NotGiven.class);

    String token = mailedToken();
    assertThat(mailer.sent().get(0).to()).isEqualTo(ada.email());
    assertThat(token).startsWith("cnf_");
    assertThat(ConfirmationToken.workspaceOf(token)).contains(ws);
    clock.advance(Duration.ofHours(2));

    assertThat(confirm(token)).isInstanceOf(ConsentState.Granted.class);
    assertThat(stateOf(ada, "marketing-email")).isInstanceOf(ConsentState.Granted.class);
    ConsentEvent grant = consent.ledger().consentOf(viewer, ws, ada.id()).events().get(0);
    assertThat(grant.source()).isEqualTo(ConsentSource.EMAIL_LINK);
    assertThat(grant.proof().noticeVersion()).contains("notice-v2");
    assertThat(grant.proof().optInRequestedAt()).contains(requested);
    assertThat(grant.proof().optInConfirmedAt()).contains(clock.instant());
    assertThat(grant.actor()).isEqualTo("anonymous");
    assertThatThrownBy(() -> confirm(token)).as("single use").isInstanceOf(NotFoundException.class);
  }

  @Test
  @DisplayName("CON-01: the confirmation token fails after its 7 days, and a forged one like any unknown one")
  void givenAMailedLink_whenSevenDaysPassed_thenItFails() {
    Contact ada = aContact();
    request(ada, "marketing-email");
    String token = mailedToken();
    assertThat(tx.inWorkspace(ws, () -> confirmationStore.use(ws, token, clock.instant())))
        .as("only its hash is stored").isEmpty();

    clock.advance(Duration.ofDays(7));

    assertThatThrownBy(() -> confirm(token)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> confirm("cnf_" + "A".repeat(65))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> confirm("nonsense")).isInstanceOf(NotFoundException.class);
    assertThat(stateOf(ada, "marketing-email")).isInstanceOf(ConsentState.NotGiven.class);
  }

  @Test
  @DisplayName("CON-03: after a withdrawal only the person's confirmation grants again; after an objection it restores")
  void givenARefusal_whenConfirmed_thenGrantedOrRestored() {
    Contact ada = aContact();
    request(ada, "marketing-email");
    confirm(mailedToken());
    consent.ledger().record(member, RecordConsentCommand.of(ws, ada.id(), new RecordConsentCommand.Raw(
        "marketing-email", "WITHDRAWN", "API", null, null, null), clock.instant(), ConsentProof.none()));
    assertThatThrownBy(() -> consent.ledger().record(member, RecordConsentCommand.of(ws, ada.id(),
        new RecordConsentCommand.Raw("marketing-email", "GRANTED", "FORM", null, "v3", null), clock.instant(),
        ConsentProof.none()))).isInstanceOf(ConflictException.class)
        .satisfies(e -> assertThat(((ConflictException) e).kind()).isEqualTo(CrmException.Kind.CONSENT_REQUIRED));

    request(ada, "marketing-email");
    assertThat(confirm(mailedToken())).isInstanceOf(ConsentState.Granted.class);

    consent.ledger().record(member, RecordConsentCommand.of(ws, ada.id(), new RecordConsentCommand.Raw(
        "analytics", "OBJECTED", "API", null, null, null), clock.instant(), ConsentProof.none()));
    request(ada, "analytics");
    assertThat(confirm(mailedToken())).isInstanceOf(ConsentState.AllowedByBasis.class);
    assertThat(consent.ledger().consentOf(viewer, ws, ada.id()).events()).last()
        .satisfies(e -> assertThat(e.kind()).isEqualTo(ConsentEventKind.RESTORED));
  }

  @Test
  @DisplayName("CON-01: at most 3 requests per contact and purpose a day; a viewer may not ask; bad input names every field")
  void givenThreeRequests_whenAFourth_thenRateLimitedUntilADayPassed() {
    Contact ada = aContact();
    for (int i = 0; i < ConsentUseCases.OptIns.REQUESTS_PER_DAY; i++) {
      request(ada, "marketing-email");
      clock.advance(Duration.ofHours(1));
    }
    assertThatThrownBy(() -> request(ada, "marketing-email")).isInstanceOf(RateLimitedException.class);
    request(ada, "analytics"); // another purpose counts apart
    clock.advance(Duration.ofHours(22));
    request(ada, "marketing-email");

    assertThatThrownBy(() -> consent.optIns().request(viewer,
        RequestConsentCommand.of(ws, ada.id(), "marketing-email", "v1"))).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> RequestConsentCommand.of(ws, ada.id(), "Not A Key", " "))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).errors()).hasSize(2));
    assertThatThrownBy(() -> request(ada, "no-such-purpose")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> request(ada, "service-delivery")).isInstanceOf(ConflictException.class);
  }

  @Test
  @DisplayName("CON-04: an erased contact's pending confirmations and queued mail go; the mail then is dropped")
  void givenAPendingConfirmation_whenItsContactIsGone_thenNoMail() {
    Contact ada = aContact();
    request(ada, "marketing-email");
    tx.inWorkspace(ws, () -> {
      confirmationStore.removeFor(ws, ada.id());
      return outbox.removeToSubject(ws.value(), ada.id().value());
    });

    assertThat(dispatcher.dispatchDue().leased()).isZero();
    assertThat(mailer.sent()).isEmpty();
    assertThat(TokenHash.of("x")).hasSize(64);
  }
}
