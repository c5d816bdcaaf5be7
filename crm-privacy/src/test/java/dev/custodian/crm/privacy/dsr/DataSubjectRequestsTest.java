package dev.custodian.crm.privacy.dsr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditEntry;
import dev.custodian.crm.core.audit.AuditFilter;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.CrmException;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.InvalidTokenException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.consent.ConsentEvent;
import dev.custodian.crm.core.consent.ConsentEventKind;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.port.in.CreateContactCommand;
import dev.custodian.crm.core.contact.port.in.DeleteContactCommand;
import dev.custodian.crm.core.contact.port.in.UpdateContactCommand;
import dev.custodian.crm.core.dsr.DataSubjectRequest;
import dev.custodian.crm.core.dsr.DataSubjectRequestId;
import dev.custodian.crm.core.dsr.DataSubjectRequestListing;
import dev.custodian.crm.core.dsr.RequestEvent;
import dev.custodian.crm.core.dsr.RequestEventKind;
import dev.custodian.crm.core.dsr.RequestState;
import dev.custodian.crm.core.dsr.RequestText;
import dev.custodian.crm.core.dsr.port.in.CreateRequestCommand;
import dev.custodian.crm.core.dsr.port.in.DataSubjectRequestUseCases;
import dev.custodian.crm.core.mail.OutgoingMail;
import dev.custodian.crm.core.mail.RecordingMailer;
import dev.custodian.crm.core.mail.service.MailDispatcher;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.InMemoryPersistence;
import dev.custodian.crm.core.testing.MutableClock;
import dev.custodian.crm.core.workspace.port.in.CreateWorkspaceCommand;
import dev.custodian.crm.privacy.Custodian;
import dev.custodian.crm.privacy.crypto.MasterKey;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Data-subject requests through the library's entry point: deadlines, steps, execution and their audit. */
class DataSubjectRequestsTest {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  private final InMemoryPersistence persistence = new InMemoryPersistence();
  private final MutableClock clock = new MutableClock(START);
  private final Actor owner = Actor.account(AccountId.of(UUID.randomUUID()));
  private Custodian custodian;
  private DataSubjectRequestUseCases.Requests requests;
  private WorkspaceId ws;
  private Contact ada;

  @BeforeEach
  void workspaceAndContact() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    custodian = Custodian.builder().persistence(persistence).keys(MasterKey.of(key)).clock(clock).build();
    requests = custodian.privacyRequests().requests();
    ws = custodian.workspaces().create().create(owner, CreateWorkspaceCommand.named("Requests")).id();
    ada = custodian.contacts().create().create(owner, CreateContactCommand.builder(ws).firstName("Ada")
        .lastName("Lovelace").email("ada.dsr@example.org").phone("+442079460000").build());
  }

  private DataSubjectRequest create(String type, String email, Map<String, String> corrections,
      List<String> purposes, Instant receivedAt, boolean california) {
    return requests.create(owner, CreateRequestCommand.of(ws,
        new CreateRequestCommand.Raw(type, email, california, corrections, purposes, receivedAt), clock.instant()));
  }

  private DataSubjectRequest create(String type, String email) {
    return create(type, email, null, null, null, false);
  }

  private DataSubjectRequest verified(DataSubjectRequest request) {
    return requests.verify(owner, ws, request.id(), Optional.of(new RequestText("matched the signed letter")));
  }

  private List<AuditAction> actions() {
    List<AuditEntry> entries = new ArrayList<>(
        custodian.audit().list().list(owner, ws, AuditFilter.all(), OptionalLong.empty(), 100).items());
    Collections.reverse(entries);
    return entries.stream().map(AuditEntry::action).filter(a -> a.name().startsWith("PRIVACY_REQUEST")).toList();
  }

  private static ListQuery query(String name, String value) {
    return ListQuery.of(DataSubjectRequestListing.OFFER, Map.of(name, List.of(value)));
  }

  @Test
  @DisplayName("DSR-09: due 30 days after receipt (a past receipt starts the clock; California the same), days left by the clock")
  void dueThirtyDaysAfterReceipt() {
    DataSubjectRequest now = create("ACCESS", "someone@example.org");
    DataSubjectRequest past = create("ERASURE", "other@example.org", null, null, START.minus(Duration.ofDays(10)), false);
    DataSubjectRequest california = create("ACCESS", "ca@example.org", null, null, null, true);

    assertThat(now.dueAt()).isEqualTo(START.plus(Duration.ofDays(30)));
    assertThat(past.dueAt()).isEqualTo(START.plus(Duration.ofDays(20)));
    assertThat(california.californiaRequest()).isTrue();
    assertThat(california.dueAt()).isEqualTo(START.plus(Duration.ofDays(30)));
    assertThat(now.daysLeftAt(clock.instant())).isEqualTo(30);
    clock.advance(Duration.ofDays(12).plusHours(3));
    assertThat(now.daysLeftAt(clock.instant())).isEqualTo(18);
    // verification does not pause it
    assertThat(verified(now).dueAt()).isEqualTo(START.plus(Duration.ofDays(30)));
  }

  @Test
  @DisplayName("DSR-10: an extension on day 29 sets at most 45 days; on day 30, or a second one, is 409")
  void extendOnceBeforeTheFirstDeadline() {
    DataSubjectRequest first = create("ACCESS", "someone@example.org");
    DataSubjectRequest second = create("ERASURE", "other@example.org");
    clock.advance(Duration.ofDays(29));
    assertThatThrownBy(() -> requests.extend(owner, ws, first.id(), new RequestText("complex"),
        Optional.of(START.plus(Duration.ofDays(46)))))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
            .extracting(FieldError::name).containsExactly("until"));

    DataSubjectRequest extended = requests.extend(owner, ws, first.id(), new RequestText("many records"),
        Optional.empty());

    assertThat(extended.dueAt()).isEqualTo(START.plus(Duration.ofDays(45)));
    assertThat(extended.extensionReason()).contains(new RequestText("many records"));
    assertThatThrownBy(() -> requests.extend(owner, ws, first.id(), new RequestText("again"), Optional.empty()))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.kind())
            .isEqualTo(CrmException.Kind.INVALID_STATE));
    clock.advance(Duration.ofDays(1));
    assertThatThrownBy(() -> requests.extend(owner, ws, second.id(), new RequestText("late"), Optional.empty()))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.kind())
            .isEqualTo(CrmException.Kind.INVALID_STATE));
    assertThat(requests.get(owner, ws, second.id()).request().dueAt()).isEqualTo(START.plus(Duration.ofDays(30)));
  }

  @Test
  @DisplayName("DSR-11: overdue from the due time on, while open; the list filters it")
  void overdueFromTheDueTimeOn() {
    DataSubjectRequest open = create("ACCESS", "someone@example.org");
    DataSubjectRequest cancelled = create("ACCESS", "other@example.org");
    requests.cancel(owner, ws, cancelled.id());
    clock.advance(Duration.ofDays(30).minusSeconds(1));
    assertThat(requests.list(owner, ws, query("overdue", "true")).items()).isEmpty();
    clock.advance(Duration.ofSeconds(1));

    assertThat(requests.list(owner, ws, query("overdue", "true")).items()).extracting(DataSubjectRequest::id)
        .containsExactly(open.id());
    assertThat(requests.list(owner, ws, query("state", "cancelled")).items()).extracting(DataSubjectRequest::id)
        .containsExactly(cancelled.id());
  }

  @Test
  @DisplayName("DSR-12: nothing executes unverified (409); a completed request does not execute again (409)")
  void onlyAVerifiedRequestExecutesOnce() {
    DataSubjectRequest objection = create("OBJECTION", "ada.dsr@example.org", null, List.of("analytics"), null, false);
    assertThatThrownBy(() -> custodian.privacyRequests().execution().execute(owner, ws, objection.id()))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.kind())
            .isEqualTo(CrmException.Kind.INVALID_STATE));
    requests.start(owner, ws, verified(objection).id());

    DataSubjectRequest completed = custodian.privacyRequests().execution().execute(owner, ws, objection.id());

    assertThat(completed.state()).isInstanceOf(RequestState.Completed.class);
    assertThatThrownBy(() -> custodian.privacyRequests().execution().execute(owner, ws, objection.id()))
        .isInstanceOf(ConflictException.class);
    assertThat(requests.get(owner, ws, objection.id()).history()).extracting(RequestEvent::kind)
        .containsExactly(RequestEventKind.RECEIVED, RequestEventKind.VERIFIED, RequestEventKind.STARTED,
            RequestEventKind.COMPLETED);
  }

  @Test
  @DisplayName("DSR-08: an executed OBJECTION appends OBJECTED citing the request; a withdrawal of nothing granted appends none")
  void objectionAppendsObjected() {
    DataSubjectRequest objection = create("OBJECTION", "ada.dsr@example.org", null, List.of("analytics"), null, false);
    custodian.privacyRequests().execution().execute(owner, ws, verified(objection).id());

    List<ConsentEvent> events = custodian.consent().ledger().consentOf(owner, ws, ada.id()).events();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).kind()).isEqualTo(ConsentEventKind.OBJECTED);
    assertThat(events.get(0).proof().requestId()).contains("privacy-request:" + objection.id());
  }

  @Test
  @DisplayName("DSR-07: an executed RESTRICTION restricts the contact: its update and delete are 409 RESTRICTED; a rectification and an erasure still run")
  void restrictionRestricts() {
    DataSubjectRequest restriction = create("RESTRICTION", "ADA.dsr@example.org");
    custodian.privacyRequests().execution().execute(owner, ws, verified(restriction).id());

    assertThat(custodian.consent().restrictions().restrictedSince(owner, ws, ada.id())).isPresent();
    long version = custodian.contacts().get().get(owner, ws, ada.id()).version();
    assertThatThrownBy(() -> custodian.contacts().update().update(owner, UpdateContactCommand.of(ws, ada.id(),
        OptionalLong.of(version), PatchValue.set("Changed"), PatchValue.absent(), PatchValue.absent(),
        PatchValue.absent(), PatchValue.absent(), PatchValue.absent())))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.kind())
            .isEqualTo(CrmException.Kind.RESTRICTED));
    assertThatThrownBy(() -> custodian.contacts().delete().delete(owner,
        new DeleteContactCommand(ws, ada.id(), OptionalLong.empty())))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.kind())
            .isEqualTo(CrmException.Kind.RESTRICTED));
    DataSubjectRequest rectification = create("RECTIFICATION", "ada.dsr@example.org", Map.of("lastName", "Byron"),
        null, null, false);
    custodian.privacyRequests().execution().execute(owner, ws, verified(rectification).id());
    assertThat(custodian.contacts().get().get(owner, ws, ada.id()).lastName().value()).isEqualTo("Byron");
    DataSubjectRequest erasure = create("ERASURE", "ada.dsr@example.org");
    custodian.privacyRequests().execution().execute(owner, ws, verified(erasure).id());
    assertThatThrownBy(() -> custodian.contacts().get().get(owner, ws, ada.id()))
        .isInstanceOf(dev.custodian.crm.core.common.error.NotFoundException.class);
  }

  private MailDispatcher dispatcher(RecordingMailer mailer) {
    return custodian.mailDispatcher(mailer, MailDispatcher.Settings.of(URI.create("https://crm.example.org"),
        Duration.ofHours(1)));
  }

  private static List<OutgoingMail> sent(RecordingMailer mailer, String subject) {
    return mailer.sent().stream().filter(m -> m.subject().equals(subject)).toList();
  }

  @Test
  @DisplayName("DSR-01: an executed ACCESS request mails its package's link, the token minted when sent and only in the fragment; after a failed delivery the next one's link works, once")
  void anAccessRequestMailsItsDownloadLink() throws Exception {
    DataSubjectRequest access = create("ACCESS", "ada.dsr@example.org");
    custodian.privacyRequests().execution().execute(owner, ws, verified(access).id());
    RecordingMailer mailer = new RecordingMailer();
    mailer.down(true);
    dispatcher(mailer).dispatchDue();
    clock.advance(MailDispatcher.Settings.DEFAULT_LEASE.plusSeconds(1));
    mailer.down(false);
    dispatcher(mailer).dispatchDue();

    OutgoingMail mail = sent(mailer, "Your data is ready to download").get(0);
    assertThat(sent(mailer, "Your data is ready to download")).hasSize(1);
    assertThat(mail.to().value()).isEqualTo("ada.dsr@example.org");
    Matcher link = Pattern.compile("https://crm\\.example\\.org/privacy-download#token=(dsr_[A-Za-z0-9_-]+)")
        .matcher(mail.body());
    assertThat(link.find()).as(mail.body()).isTrue();
    String token = link.group(1);
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    custodian.subjectPackages().download().claim(token, "192.0.2.1").writeTo(zip);
    assertThat(zip.size()).isPositive();
    assertThatThrownBy(() -> custodian.subjectPackages().download().claim(token, "192.0.2.1"))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  @DisplayName("DSR-07: lifting a restriction mails the person, queued with the lift; a lift that changes nothing mails nothing")
  void liftingARestrictionMailsThePerson() {
    custodian.privacyRequests().execution().execute(owner, ws, verified(create("RESTRICTION", "ada.dsr@example.org")).id());
    custodian.consent().restrictions().lift(owner, ws, ada.id());
    custodian.consent().restrictions().lift(owner, ws, ada.id());
    RecordingMailer mailer = new RecordingMailer();
    dispatcher(mailer).dispatchDue();

    assertThat(sent(mailer, "The restriction of your data's processing ends")).singleElement()
        .satisfies(m -> assertThat(m.to().value()).isEqualTo("ada.dsr@example.org"));
  }

  @Test
  @DisplayName("DSR-03: a RECTIFICATION applies; to a suppressed email it fails as a PATCH would and the request stays verified")
  void rectificationApplies() {
    Map<String, String> fix = new LinkedHashMap<>();
    fix.put("lastName", "King");
    fix.put("phone", null);
    DataSubjectRequest rectification = create("RECTIFICATION", "ada.dsr@example.org", fix, null, null, false);
    custodian.privacyRequests().execution().execute(owner, ws, verified(rectification).id());

    Contact after = custodian.contacts().get().get(owner, ws, ada.id());
    assertThat(after.lastName().value()).isEqualTo("King");
    assertThat(after.phone()).isEmpty();

    Contact bob = custodian.contacts().create().create(owner, CreateContactCommand.builder(ws).firstName("Bob")
        .lastName("Gone").email("bob.gone@example.org").build());
    custodian.erasure().erase().erase(owner, ws, bob.id());
    DataSubjectRequest toSuppressed = create("RECTIFICATION", "ada.dsr@example.org",
        Map.of("email", "bob.gone@example.org"), null, null, false);
    verified(toSuppressed);
    assertThatThrownBy(() -> custodian.privacyRequests().execution().execute(owner, ws, toSuppressed.id()))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.kind())
            .isEqualTo(CrmException.Kind.SUPPRESSED));
    assertThat(requests.get(owner, ws, toSuppressed.id()).request().state())
        .isInstanceOf(RequestState.IdentityVerified.class);
  }

  @Test
  @DisplayName("DSR-04: an executed ERASURE erases the contact and leaves its requests only the address's keyed hash; with no contact the address is still suppressed")
  void erasureErasesAndScrubs() {
    DataSubjectRequest earlier = create("ACCESS", "ada.dsr@example.org");
    DataSubjectRequest erasure = create("ERASURE", "ada.dsr@example.org");
    DataSubjectRequest completed = custodian.privacyRequests().execution().execute(owner, ws, verified(erasure).id());

    assertThatThrownBy(() -> custodian.contacts().get().get(owner, ws, ada.id()))
        .isInstanceOf(dev.custodian.crm.core.common.error.NotFoundException.class);
    assertThat(completed.email()).isEmpty();
    assertThat(completed.note()).isEmpty();
    DataSubjectRequest scrubbed = requests.get(owner, ws, earlier.id()).request();
    assertThat(scrubbed.email()).isEmpty();
    assertThat(scrubbed.address()).isEqualTo(earlier.address());

    DataSubjectRequest stranger = create("ERASURE", "stranger@example.org");
    custodian.privacyRequests().execution().execute(owner, ws, verified(stranger).id());
    assertThatThrownBy(() -> custodian.contacts().create().create(owner, CreateContactCommand.builder(ws)
        .firstName("S").lastName("T").email("stranger@example.org").build()))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.kind())
            .isEqualTo(CrmException.Kind.SUPPRESSED));
  }

  @Test
  @DisplayName("SEC-09: each step appends its entry (execution with its counts); a rolled-back step appends none")
  void eachStepAudits() {
    DataSubjectRequest a = create("RESTRICTION", "ada.dsr@example.org");
    verified(a);
    requests.start(owner, ws, a.id());
    requests.extend(owner, ws, a.id(), new RequestText("busy"), Optional.empty());
    custodian.privacyRequests().execution().execute(owner, ws, a.id());
    DataSubjectRequest b = create("ACCESS", "someone@example.org");
    requests.reject(owner, ws, b.id(), new RequestText("could not verify"));
    DataSubjectRequest c = create("ACCESS", "other@example.org");
    requests.cancel(owner, ws, c.id());
    List<AuditAction> before = actions();
    // rolled back: a step the state refuses, and an execution whose effect fails (no contact to rectify)
    assertThatThrownBy(() -> requests.start(owner, ws, c.id())).isInstanceOf(ConflictException.class);
    DataSubjectRequest d = create("RECTIFICATION", "nobody@example.org", Map.of("lastName", "X"), null, null, false);
    verified(d);
    assertThatThrownBy(() -> custodian.privacyRequests().execution().execute(owner, ws, d.id()))
        .isInstanceOf(ConflictException.class);

    assertThat(before).containsExactly(AuditAction.PRIVACY_REQUEST_RECEIVED, AuditAction.PRIVACY_REQUEST_VERIFIED,
        AuditAction.PRIVACY_REQUEST_STARTED, AuditAction.PRIVACY_REQUEST_EXTENDED,
        AuditAction.PRIVACY_REQUEST_EXECUTED, AuditAction.PRIVACY_REQUEST_RECEIVED,
        AuditAction.PRIVACY_REQUEST_REJECTED, AuditAction.PRIVACY_REQUEST_RECEIVED,
        AuditAction.PRIVACY_REQUEST_CANCELLED);
    assertThat(actions()).containsExactlyElementsOf(concat(before, List.of(AuditAction.PRIVACY_REQUEST_RECEIVED,
        AuditAction.PRIVACY_REQUEST_VERIFIED)));
    assertThat(requests.get(owner, ws, d.id()).history()).extracting(RequestEvent::kind)
        .containsExactly(RequestEventKind.RECEIVED, RequestEventKind.VERIFIED);
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  @Test
  @DisplayName("Bad input names every field at once: unknown type, malformed email, bad and unknown corrections, future receipt; an unknown purpose stores nothing")
  void badInputNamesEachField() {
    Map<String, String> fix = new LinkedHashMap<>();
    fix.put("firstName", "");
    fix.put("nickname", "Ada");
    assertThatThrownBy(() -> CreateRequestCommand.of(ws, new CreateRequestCommand.Raw("FORGET_ME", "not-an-email",
        false, fix, null, clock.instant().plusSeconds(60)), clock.instant()))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::name)
            .containsExactlyInAnyOrder("type", "email", "receivedAt", "corrections/nickname", "corrections/firstName"));
    assertThatThrownBy(() -> CreateRequestCommand.of(ws, new CreateRequestCommand.Raw("RECTIFICATION",
        "a@example.org", false, Map.of("email", "broken"), null, null), clock.instant()))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::name)
            .containsExactly("corrections/email"));
    assertThatThrownBy(() -> create("OBJECTION", "ada.dsr@example.org", null, List.of("analytics", "no-such"), null,
        false))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::name)
            .containsExactly("purposes/1"));
    assertThat(requests.list(owner, ws, ListQuery.first(DataSubjectRequestListing.OFFER, 10)).items()).isEmpty();
    assertThat(actions()).isEmpty();
  }

  @Test
  @DisplayName("TEN-01: a request of workspace A is not found through workspace B")
  void anotherWorkspaceNeverReachesIt() {
    DataSubjectRequest request = create("ACCESS", "someone@example.org");
    WorkspaceId other = custodian.workspaces().create().create(owner, CreateWorkspaceCommand.named("Other")).id();
    DataSubjectRequestId id = request.id();

    assertThatThrownBy(() -> requests.get(owner, other, id))
        .isInstanceOf(dev.custodian.crm.core.common.error.NotFoundException.class);
    assertThatThrownBy(() -> requests.cancel(owner, other, id))
        .isInstanceOf(dev.custodian.crm.core.common.error.NotFoundException.class);
    assertThat(requests.list(owner, other, ListQuery.first(DataSubjectRequestListing.OFFER, 10)).items()).isEmpty();
    assertThat(requests.get(owner, ws, id).request().state()).isInstanceOf(RequestState.Received.class);
  }
}
