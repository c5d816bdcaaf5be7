package dev.custodian.crm.core.consent;

import static dev.custodian.crm.core.workspace.WorkspaceFixtures.aWorkspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.InMemoryMembershipRepository;
import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.CrmException;
import dev.custodian.crm.core.common.error.ForbiddenException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.company.InMemoryCompanyRepository;
import dev.custodian.crm.core.consent.ProcessingDecision.Reason;
import dev.custodian.crm.core.consent.port.in.ConsentUseCases;
import dev.custodian.crm.core.consent.port.in.CreatePurposeCommand;
import dev.custodian.crm.core.consent.port.in.RecordConsentCommand;
import dev.custodian.crm.core.consent.service.ConsentServices;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.InMemoryContactRepository;
import dev.custodian.crm.core.contact.InMemorySuppressionList;
import dev.custodian.crm.core.contact.port.in.ContactUseCases;
import dev.custodian.crm.core.contact.port.in.CreateContactCommand;
import dev.custodian.crm.core.contact.port.in.DeleteContactCommand;
import dev.custodian.crm.core.contact.service.ContactServices;
import dev.custodian.crm.core.mail.MailTemplate;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.TestGates;
import dev.custodian.crm.core.workspace.Workspace;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The consent use cases over the in-memory fakes: purposes, the ledger's policies, restriction, the guard. */
class ConsentServicesTest {

  private final InMemoryTransactions tx = new InMemoryTransactions();
  private final InMemoryMembershipRepository memberships = new InMemoryMembershipRepository(tx);
  private final dev.custodian.crm.core.workspace.InMemoryWorkspaceRepository workspaces =
      new dev.custodian.crm.core.workspace.InMemoryWorkspaceRepository(tx, memberships);
  private final InMemoryCompanyRepository companyStore = new InMemoryCompanyRepository(tx);
  private final InMemoryContactRepository contactStore = new InMemoryContactRepository(tx, companyStore);
  private final InMemoryPurposeRepository purposeStore = new InMemoryPurposeRepository(tx);
  private final InMemoryConsentLedger ledgerStore = new InMemoryConsentLedger(tx);
  private final InMemoryProcessingRestrictions restrictionStore = new InMemoryProcessingRestrictions(tx);
  private final WorkspaceTransactions inWorkspace = TestGates.workspaceTransactions(tx, memberships);
  private final Clock clock = Clock.systemUTC();
  private final InMemoryConsentConfirmations confirmationStore = new InMemoryConsentConfirmations(tx);
  private final dev.custodian.crm.core.mail.InMemoryMailOutbox outbox = new dev.custodian.crm.core.mail.InMemoryMailOutbox(tx);
  private final dev.custodian.crm.core.throttle.service.Throttle throttle = new dev.custodian.crm.core.throttle.service.Throttle(
      tx, new dev.custodian.crm.core.throttle.InMemoryThrottleRepository(tx), key -> key.kind() + ":" + key.normalisedValue(), clock);
  private final ConsentUseCases consent = ConsentServices.create(inWorkspace, purposeStore, ledgerStore,
      restrictionStore, contactStore, FakeAddressHasher.create(),
      new ConsentServices.OptInPorts(tx, confirmationStore, outbox, workspaces, throttle), IdGenerator.random(), clock);
  private final ContactUseCases contacts = ContactServices.create(inWorkspace, contactStore,
      new InMemorySuppressionList(), IdGenerator.random(), clock);
  private final Actor admin = Actor.account(AccountId.of(UUID.randomUUID()));
  private final Actor member = Actor.account(AccountId.of(UUID.randomUUID()));
  private final Actor viewer = Actor.account(AccountId.of(UUID.randomUUID()));
  private WorkspaceId ws;

  @BeforeEach
  void workspaceWithDefaultPurposes() {
    Workspace w = aWorkspace();
    tx.inPlatform(() -> {
      workspaces.insert(w);
      Map.of(admin, Role.ADMIN, member, Role.MEMBER, viewer, Role.VIEWER)
          .forEach((actor, role) -> memberships.insert(w.id(), actor.account(), role, w.createdAt()));
      return null;
    });
    ws = w.id();
    tx.inWorkspace(ws, () -> {
      ConsentServices.defaultPurposes(purposeStore, clock).initialize(ws);
      return null;
    });
  }

  private Contact aContact(String email) {
    return contacts.create().create(member, CreateContactCommand.builder(ws).firstName("Ada").lastName("Lovelace")
        .email(email).build());
  }

  private Contact aContact() {
    return aContact("ada." + UUID.randomUUID() + "@example.org");
  }

  private ConsentState record(Contact contact, String purpose, String kind, String source) {
    return record(contact, purpose, kind, source, null);
  }

  private ConsentState record(Contact contact, String purpose, String kind, String source, Instant confirmedAt) {
    return consent.ledger().record(member, RecordConsentCommand.of(ws, contact.id(),
        new RecordConsentCommand.Raw(purpose, kind, source, null, "notice-v1", confirmedAt), clock.instant(),
        ConsentProof.none())).state();
  }

  private Purpose purpose(String key, String basis, boolean marketing, boolean optIn) {
    return consent.purposes().create(admin, CreatePurposeCommand.of(ws, key, "A purpose", null, basis,
        "CONSENT".equals(basis) ? null : "Why we may", marketing, optIn));
  }

  private ProcessingDecision decide(Contact contact, String purpose) {
    return consent.ledger().decide(viewer, ws, contact.id(), new PurposeKey(purpose));
  }

  private static void assertConflict(Runnable call, CrmException.Kind kind) {
    assertThatThrownBy(call::run).isInstanceOf(ConflictException.class)
        .satisfies(e -> assertThat(((ConflictException) e).kind()).isEqualTo(kind));
  }

  @Test
  void aNewWorkspaceDeclaresTheThreeDefaultPurposes() {
    List<Purpose> purposes = consent.purposes().list(viewer, ws);

    assertThat(purposes).extracting(p -> p.key().value())
        .containsExactlyInAnyOrder("service-delivery", "marketing-email", "analytics");
    Purpose marketing = consent.purposes().get(viewer, ws, new PurposeKey("marketing-email"));
    assertThat(marketing.basis()).isEqualTo(LegalBasis.CONSENT);
    assertThat(marketing.directMarketing()).isTrue();
    assertThat(marketing.doubleOptIn()).isTrue();
    assertThat(consent.purposes().get(viewer, ws, new PurposeKey("analytics")).basisJustification()).isPresent();
  }

  @Test
  @DisplayName("CON-08: a basis other than consent needs its justification; every bad field is named at once")
  void badPurposesAreRefusedWithEveryField() {
    assertThatThrownBy(() -> CreatePurposeCommand.of(ws, "Bad Key", "", null, "WHIM", null, false, false))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(f -> f.name())
            .containsExactlyInAnyOrder("key", "name", "legalBasis"));
    assertThatThrownBy(() -> CreatePurposeCommand.of(ws, "fraud", "Fraud", null, "LEGAL_OBLIGATION", null, false, true))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(f -> f.name())
            .containsExactlyInAnyOrder("basisJustification", "doubleOptIn"));
    assertThat(purpose("newsletter", "CONSENT", true, false).basisJustification()).isEmpty();
    assertThatThrownBy(() -> consent.purposes().create(member,
        CreatePurposeCommand.of(ws, "other", "Other", null, "CONSENT", null, false, false)))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void aRecordingNeedsAKnownPurposeANoticeToGrantAndNoFutureTime() {
    Contact ada = aContact();
    assertThatThrownBy(() -> record(ada, "no-such-purpose", "GRANTED", "API"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> RecordConsentCommand.of(ws, ada.id(), new RecordConsentCommand.Raw("newsletter",
        "LIKED", "PIGEON", clock.instant().plusSeconds(3600), null, null), clock.instant(), ConsentProof.none()))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(f -> f.name())
            .containsExactlyInAnyOrder("kind", "source", "occurredAt"));
    assertThatThrownBy(() -> RecordConsentCommand.of(ws, ada.id(), new RecordConsentCommand.Raw("newsletter",
        "GRANTED", "EMAIL_LINK", null, null, null), clock.instant(), ConsentProof.none()))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(f -> f.name())
            .containsExactlyInAnyOrder("source", "noticeVersion"));
  }

  @Test
  void basisTimesStateTimesRestriction_theGuardAnswers() {
    purpose("newsletter", "CONSENT", true, false);
    purpose("research", "PUBLIC_TASK", false, false);
    Contact ada = aContact();

    // CONSENT: nothing given, granted, withdrawn
    assertThat(decide(ada, "newsletter")).isEqualTo(new ProcessingDecision.Refused(Reason.NO_CONSENT));
    assertThat(record(ada, "newsletter", "GRANTED", "FORM")).isInstanceOf(ConsentState.Granted.class);
    assertThat(decide(ada, "newsletter")).isEqualTo(new ProcessingDecision.Allowed(LegalBasis.CONSENT));
    // other bases: allowed by basis until an objection
    assertThat(decide(ada, "service-delivery")).isEqualTo(new ProcessingDecision.Allowed(LegalBasis.CONTRACT));
    assertThat(decide(ada, "research")).isEqualTo(new ProcessingDecision.Allowed(LegalBasis.PUBLIC_TASK));
    assertThat(decide(ada, "analytics")).isEqualTo(new ProcessingDecision.Allowed(LegalBasis.LEGITIMATE_INTEREST));
    // DSR-07: a restriction refuses every purpose, and lifting it restores each answer
    consent.restrictions().restrict(admin, ws, ada.id());
    for (String key : List.of("newsletter", "service-delivery", "research", "analytics")) {
      assertThat(decide(ada, key)).as(key).isEqualTo(new ProcessingDecision.Refused(Reason.RESTRICTED));
    }
    assertThat(tx.inPlatform(outbox::rows)).noneMatch(r -> r.mail().template() == MailTemplate.PRIVACY_RESTRICTION_LIFTED);
    consent.restrictions().lift(admin, ws, ada.id());
    assertThat(decide(ada, "newsletter").allowed()).isTrue();
    // DSR-07: the lift mails the person, queued with it; lifting again mails nothing more
    consent.restrictions().lift(admin, ws, ada.id());
    assertThat(tx.inPlatform(outbox::rows)).filteredOn(r -> r.mail().template() == MailTemplate.PRIVACY_RESTRICTION_LIFTED)
        .singleElement().satisfies(r -> assertThat(r.mail().subject()).contains(ada.id().value()));
    // DSR-08: objections
    assertThat(record(ada, "analytics", "OBJECTED", "MANUAL")).isInstanceOf(ConsentState.Objected.class);
    assertThat(decide(ada, "analytics")).isEqualTo(new ProcessingDecision.Refused(Reason.OBJECTED));
    assertThat(record(ada, "research", "OBJECTED", "API")).isInstanceOf(ConsentState.Objected.class);
    assertThat(decide(ada, "research")).isEqualTo(new ProcessingDecision.Refused(Reason.OBJECTED));
    assertThat(record(ada, "newsletter", "WITHDRAWN", "API")).isInstanceOf(ConsentState.Withdrawn.class);
    assertThat(decide(ada, "newsletter")).isEqualTo(new ProcessingDecision.Refused(Reason.NO_CONSENT));
    // CON-08: undeclared and retired purposes
    assertThat(decide(ada, "unheard-of")).isEqualTo(new ProcessingDecision.Refused(Reason.UNDECLARED_PURPOSE));
    consent.purposes().retire(admin, ws, new PurposeKey("service-delivery"));
    assertThat(decide(ada, "service-delivery")).isEqualTo(new ProcessingDecision.Refused(Reason.RETIRED_PURPOSE));
    assertThat(consent.ledger().consentOf(viewer, ws, ada.id()).states()).extracting(ConsentState::purpose)
        .doesNotContain(new PurposeKey("service-delivery"));
  }

  @Test
  void policiesRefuseWhatDoesNotApplyAndAppendNothingForNoChange() {
    purpose("newsletter", "CONSENT", false, false);
    Contact ada = aContact();

    assertConflict(() -> record(ada, "service-delivery", "GRANTED", "API"), CrmException.Kind.INVALID_STATE);
    assertConflict(() -> record(ada, "newsletter", "OBJECTED", "API"), CrmException.Kind.INVALID_STATE);
    assertConflict(() -> record(ada, "analytics", "WITHDRAWN", "API"), CrmException.Kind.INVALID_STATE);
    assertConflict(() -> record(ada, "analytics", "RESTORED", "API"), CrmException.Kind.INVALID_STATE);
    assertThat(record(ada, "newsletter", "WITHDRAWN", "API")).isInstanceOf(ConsentState.NotGiven.class);
    assertThat(consent.ledger().consentOf(viewer, ws, ada.id()).events()).isEmpty();
    record(ada, "analytics", "OBJECTED", "API");
    record(ada, "analytics", "OBJECTED", "API");
    assertThat(consent.ledger().consentOf(viewer, ws, ada.id()).events()).hasSize(1);
    assertConflict(() -> record(ada, "analytics", "RESTORED", "API"), CrmException.Kind.CONSENT_REQUIRED);
  }

  @Test
  @DisplayName("CON-03: after a withdrawal no grant by IMPORT, API, MANUAL or FORM, also for the address re-created after a delete")
  void onlyThePersonUndoesARefusal() {
    purpose("newsletter", "CONSENT", true, false);
    String email = "grace." + UUID.randomUUID() + "@example.org";
    Contact grace = aContact(email);
    record(grace, "newsletter", "GRANTED", "FORM");
    record(grace, "newsletter", "WITHDRAWN", "API");

    for (String source : List.of("IMPORT", "API", "MANUAL", "FORM")) {
      assertConflict(() -> record(grace, "newsletter", "GRANTED", source), CrmException.Kind.CONSENT_REQUIRED);
    }
    contacts.delete().delete(member, new DeleteContactCommand(ws, grace.id(), java.util.OptionalLong.empty()));
    Contact again = aContact(email.toUpperCase(java.util.Locale.ROOT));
    assertThat(decide(again, "newsletter")).isEqualTo(new ProcessingDecision.Refused(Reason.NO_CONSENT));
    for (String source : List.of("IMPORT", "API", "MANUAL", "FORM")) {
      assertConflict(() -> record(again, "newsletter", "GRANTED", source), CrmException.Kind.CONSENT_REQUIRED);
    }
    // the proof by address finds both contacts' entries
    assertThat(consent.ledger().proof(admin, ws, new EmailAddress(email))).hasSize(2);
    assertThat(consent.ledger().proof(admin, ws, new EmailAddress("someone.else@example.org"))).isEmpty();
  }

  @Test
  void aDoubleOptInPurposeIsGrantedOnlyByAConfirmationOrAnImportOfOne() {
    Contact ada = aContact();

    for (String source : List.of("IMPORT", "API", "MANUAL", "FORM")) {
      assertConflict(() -> record(ada, "marketing-email", "GRANTED", source), CrmException.Kind.CONSENT_REQUIRED);
    }
    assertThat(record(ada, "marketing-email", "GRANTED", "IMPORT", clock.instant().minusSeconds(86_400)))
        .isInstanceOf(ConsentState.Granted.class);
    assertThat(decide(ada, "marketing-email").allowed()).isTrue();
  }

  @Test
  void aDeletedContactsAddressRefusalHoldsForARecreatedContact() {
    purpose("newsletter", "CONSENT", true, false);
    String email = "linus." + UUID.randomUUID() + "@example.org";
    Contact linus = aContact(email);
    record(linus, "analytics", "OBJECTED", "MANUAL");
    contacts.delete().delete(member, new DeleteContactCommand(ws, linus.id(), java.util.OptionalLong.empty()));

    Contact again = aContact(email);

    assertThat(decide(again, "analytics")).isEqualTo(new ProcessingDecision.Refused(Reason.ADDRESS_REFUSED));
  }
}
