package dev.custodian.crm.core.dsr;

import static dev.custodian.crm.core.dsr.RequestFixtures.RECEIVED;
import static dev.custodian.crm.core.dsr.RequestFixtures.aRequest;
import static dev.custodian.crm.core.dsr.RequestFixtures.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.consent.AddressHash;
import dev.custodian.crm.core.consent.ConsentFixtures;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactFixtures;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.dsr.port.out.DataSubjectRequestRepository;
import dev.custodian.crm.core.testing.AbstractPortContractTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link DataSubjectRequestRepository}: round trip with history, optimistic writes that
 * append their step, the list's filters and sorts, scrubbing by address, the lock, and scoping.
 */
public abstract class AbstractDataSubjectRequestRepositoryContractTest extends AbstractPortContractTest {

  protected DataSubjectRequestRepository requests;
  protected ContactRepository contacts;

  protected abstract DataSubjectRequestRepository requests();

  protected abstract ContactRepository contacts();

  @Override
  protected void portsReady() {
    requests = requests();
    contacts = contacts();
  }

  private DataSubjectRequest stored(DataSubjectRequest request) {
    run(request.workspace(), () -> requests.insert(request,
        anEvent(request, RequestEventKind.RECEIVED, request.createdAt())));
    return request;
  }

  private static ListQuery query(String... parameters) {
    Map<String, List<String>> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < parameters.length; i += 2) {
      map.put(parameters[i], List.of(parameters[i + 1]));
    }
    return ListQuery.of(DataSubjectRequestListing.OFFER, map);
  }

  @Test
  void aRequestRoundTripsWithItsHistoryAndItsIdIsUnique() {
    DataSubjectRequest rectification = stored(aRequest(a, RequestType.RECTIFICATION));
    DataSubjectRequest objection = stored(aRequest(a, RequestType.OBJECTION));

    assertThat(in(a, () -> requests.find(a, rectification.id()))).contains(rectification);
    assertThat(in(a, () -> requests.findForUpdate(a, objection.id()))).contains(objection);
    DataSubjectRequestRepository.WithHistory read = in(a, () -> requests.findWithHistory(a, rectification.id()))
        .orElseThrow();
    assertThat(read.request()).isEqualTo(rectification);
    assertThat(read.history()).extracting(RequestEvent::kind).containsExactly(RequestEventKind.RECEIVED);
    assertThatThrownBy(() -> stored(rectification)).isInstanceOf(ConflictException.class);
  }

  @Test
  void aStepIsWrittenWithItsHistoryEntryOnlyAtTheVersionItWasBasedOn() {
    DataSubjectRequest request = stored(aRequest(a, RequestType.ERASURE));
    Instant at = RECEIVED.plus(Duration.ofDays(1));
    DataSubjectRequest verified = request.verified(Optional.of(new RequestText("passport seen")), at);

    assertThat(in(a, () -> requests.update(verified, 2, anEvent(verified, RequestEventKind.VERIFIED, at)))).isFalse();
    assertThat(in(a, () -> requests.history(a, request.id()))).hasSize(1);
    assertThat(in(a, () -> requests.update(verified, 1, anEvent(verified, RequestEventKind.VERIFIED, at)))).isTrue();
    DataSubjectRequest extended = verified.extended(new RequestText("complex"), RECEIVED.plus(Duration.ofDays(40)),
        at.plusSeconds(1));
    DataSubjectRequest completed = extended.completed(at.plusSeconds(2));
    run(a, () -> {
      requests.update(extended, 2, anEvent(extended, RequestEventKind.EXTENDED, at.plusSeconds(1)));
      requests.update(completed, 3, anEvent(completed, RequestEventKind.COMPLETED, at.plusSeconds(2)));
    });

    assertThat(in(a, () -> requests.find(a, request.id()))).contains(completed);
    assertThat(in(a, () -> requests.history(a, request.id()))).extracting(RequestEvent::kind)
        .containsExactly(RequestEventKind.RECEIVED, RequestEventKind.VERIFIED, RequestEventKind.EXTENDED,
            RequestEventKind.COMPLETED);
    DataSubjectRequest rejected = stored(aRequest(a, RequestType.ACCESS)).rejected(new RequestText("no such person"), at);
    run(a, () -> requests.update(rejected, 1, anEvent(rejected, RequestEventKind.REJECTED, at)));
    assertThat(in(a, () -> requests.find(a, rejected.id()))).contains(rejected);
    DataSubjectRequest started = stored(aRequest(a, RequestType.ACCESS)).verified(Optional.empty(), at).started(at);
    run(a, () -> requests.update(started, 1, anEvent(started, RequestEventKind.STARTED, at)));
    assertThat(in(a, () -> requests.find(a, started.id()))).contains(started);
  }

  @Test
  @DisplayName("DSR-11: the list filters by state, type, californiaRequest and overdue (judged at the time given), sorted both ways")
  void theListFiltersAndSorts() {
    DataSubjectRequest old = stored(aRequest(a, RequestType.ACCESS, ConsentFixtures.anAddress(), RECEIVED));
    DataSubjectRequest recent = stored(aRequest(a, RequestType.ERASURE, ConsentFixtures.anAddress(),
        RECEIVED.plus(Duration.ofDays(20))));
    Instant at = RECEIVED.plus(Duration.ofDays(31));
    DataSubjectRequest cancelled = stored(aRequest(a, RequestType.ERASURE, ConsentFixtures.anAddress(),
        RECEIVED.plus(Duration.ofDays(1)))).cancelled(at);
    run(a, () -> requests.update(cancelled, 1, anEvent(cancelled, RequestEventKind.CANCELLED, at)));

    assertThat(ids(in(a, () -> requests.list(a, query(), at)))).containsExactly(old, cancelled, recent);
    assertThat(ids(in(a, () -> requests.list(a, query("sort", "-dueAt"), at)))).containsExactly(recent, cancelled, old);
    assertThat(ids(in(a, () -> requests.list(a, query("overdue", "true"), at)))).containsExactly(old);
    assertThat(ids(in(a, () -> requests.list(a, query("overdue", "false"), at)))).containsExactly(cancelled, recent);
    assertThat(ids(in(a, () -> requests.list(a, query("state", "cancelled"), at)))).containsExactly(cancelled);
    assertThat(ids(in(a, () -> requests.list(a, query("type", "erasure", "state", "received"), at))))
        .containsExactly(recent);
    assertThat(ids(in(a, () -> requests.list(a, query("californiaRequest", "true"), at)))).isEmpty();
    assertThat(ids(in(a, () -> requests.list(a, query("californiaRequest", "false", "limit", "2"), at))))
        .containsExactly(old, cancelled);
  }

  private static List<DataSubjectRequest> ids(Page<DataSubjectRequest> page) {
    return page.items();
  }

  @Test
  @DisplayName("DSR-04: scrubbing an address leaves its requests' type, steps, times and keyed hash, nothing else")
  void scrubbingKeepsOnlyTheHashAndTheSteps() {
    AddressHash subject = ConsentFixtures.anAddress();
    DataSubjectRequest rectification = stored(aRequest(a, RequestType.RECTIFICATION, subject, RECEIVED));
    Instant at = RECEIVED.plusSeconds(60);
    DataSubjectRequest verified = rectification.verified(Optional.of(new RequestText("called them")), at);
    run(a, () -> requests.update(verified, 1, anEvent(verified, RequestEventKind.VERIFIED, at)));
    DataSubjectRequest other = stored(aRequest(a, RequestType.ACCESS));
    // DSR-01: the address's requests are its package section
    List<DataSubjectRequest> streamed = new ArrayList<>();
    run(a, () -> requests.streamOf(a, subject, streamed::add));
    assertThat(streamed).containsExactly(verified);

    assertThat(in(a, () -> requests.scrub(a, subject, at.plusSeconds(1)))).isEqualTo(1);

    assertThat(in(a, () -> requests.find(a, rectification.id()))).contains(verified.scrubbed(at.plusSeconds(1)));
    DataSubjectRequest scrubbed = in(a, () -> requests.find(a, rectification.id())).orElseThrow();
    assertThat(scrubbed.email()).isEmpty();
    assertThat(scrubbed.corrections().isEmpty()).isTrue();
    assertThat(scrubbed.note()).isEmpty();
    assertThat(scrubbed.address()).isEqualTo(subject);
    assertThat(in(a, () -> requests.history(a, rectification.id()))).hasSize(2);
    assertThat(in(a, () -> requests.find(a, other.id()))).contains(other);
  }

  @Test
  @DisplayName("DSR-15: an address held for a request's confirmation is taken once; another workspace can neither hold nor take it")
  void anAddressHeldForAConfirmationIsTakenOnce() {
    DataSubjectRequest request = stored(aRequest(a, RequestType.ERASURE));
    EmailAddress email = new EmailAddress("held@example.org");
    run(a, () -> requests.holdForConfirmation(a, request.id(), email));

    assertThat(in(b, () -> requests.takeConfirmationAddress(b, request.id()))).isEmpty();
    assertThat(in(a, () -> requests.takeConfirmationAddress(a, request.id()))).contains(email);
    assertThat(in(a, () -> requests.takeConfirmationAddress(a, request.id()))).isEmpty();
    run(b, () -> requests.holdForConfirmation(b, request.id(), email));
    assertThat(in(a, () -> requests.takeConfirmationAddress(a, request.id()))).isEmpty();
  }

  @Test
  void theContactOfAnAddressIsFoundByItsNormalisedEmail() {
    Contact contact = ContactFixtures.aContact(a);
    run(a, () -> contacts.insert(contact));

    assertThat(in(a, () -> requests.contactOf(a, new EmailAddress(contact.email().value().toUpperCase()))))
        .contains(contact.id());
    assertThat(in(a, () -> requests.contactOf(a, new EmailAddress("nobody@example.org")))).isEmpty();
    assertThat(in(b, () -> requests.contactOf(b, contact.email()))).isEmpty();
  }

  @Test
  void findForUpdateHoldsTheRequestUntilTheTransactionEnds() throws Exception {
    DataSubjectRequest request = stored(aRequest(a, RequestType.ERASURE));
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> run(a, () -> {
      requests.findForUpdate(a, request.id());
      locked.countDown();
      awaitAtMost(release, 10);
    }));
    assertThat(awaitAtMost(locked, 10)).isTrue();
    CountDownLatch secondDone = new CountDownLatch(1);
    CompletableFuture<Void> second = CompletableFuture.runAsync(() -> run(a, () -> {
      requests.findForUpdate(a, request.id());
      secondDone.countDown();
    }));
    assertThat(awaitAtMost(secondDone, 1)).as("the second waits for the first's lock").isFalse();
    release.countDown();
    holder.get();
    second.get();
    assertThat(secondDone.getCount()).isZero();
  }

  @Test
  @DisplayName("TEN-01: a call made for workspace B never returns, lists, changes or scrubs workspace A's request")
  void callsForAnotherWorkspaceNeverReachTheRequest() {
    AddressHash subject = ConsentFixtures.anAddress();
    DataSubjectRequest request = stored(aRequest(a, RequestType.ERASURE, subject, RECEIVED));
    Instant at = RECEIVED.plusSeconds(1);

    assertThat(in(b, () -> requests.find(b, request.id()))).isEmpty();
    assertThat(in(b, () -> requests.findWithHistory(b, request.id()))).isEmpty();
    assertThat(in(b, () -> requests.history(b, request.id()))).isEmpty();
    assertThat(in(b, () -> requests.list(b, query(), at)).items()).isEmpty();
    assertThat(in(b, () -> requests.scrub(b, subject, at))).isZero();
    assertRefusedOr(() -> in(b, () -> requests.find(a, request.id())), found -> assertThat(found).isEmpty());
    DataSubjectRequest cancelled = request.cancelled(at);
    assertRefusedOr(() -> in(b, () -> requests.update(cancelled, 1, anEvent(cancelled, RequestEventKind.CANCELLED, at))),
        updated -> assertThat(updated).isFalse());
    assertThat(in(a, () -> requests.find(a, request.id()))).contains(request);
    assertThat(in(a, () -> requests.history(a, request.id()))).hasSize(1);
  }

  private static final String HASH = "a".repeat(64);
  private static final String OTHER_HASH = "b".repeat(64);

  @Test
  @DisplayName("DSR-12: a request's code is stored as its hash, replaced by a new one (failures reset), counts its wrong tries and is removed")
  void aRequestsCodeIsReplacedCountedAndRemoved() {
    DataSubjectRequest request = stored(aRequest(a, RequestType.ACCESS));
    Instant until = RECEIVED.plus(Duration.ofMinutes(10));
    assertThat(in(a, () -> requests.findCodeForUpdate(a, request.id()))).isEmpty();

    run(a, () -> requests.putCode(a, request.id(), HASH, until));
    assertThat(in(a, () -> requests.findCodeForUpdate(a, request.id())))
        .contains(new DataSubjectRequestRepository.StoredCode(HASH, until, 0));
    assertThat(in(a, () -> requests.failCode(a, request.id()))).isEqualTo(1);
    assertThat(in(a, () -> requests.failCode(a, request.id()))).isEqualTo(2);
    run(a, () -> requests.putCode(a, request.id(), OTHER_HASH, until.plusSeconds(60)));
    assertThat(in(a, () -> requests.findCodeForUpdate(a, request.id())))
        .contains(new DataSubjectRequestRepository.StoredCode(OTHER_HASH, until.plusSeconds(60), 0));
    run(a, () -> requests.removeCode(a, request.id()));
    assertThat(in(a, () -> requests.findCodeForUpdate(a, request.id()))).isEmpty();
    assertThat(in(a, () -> requests.failCode(a, request.id()))).isZero();
  }

  @Test
  @DisplayName("DSR-04, TEN-01: scrubbing an address deletes its requests' codes, no other; workspace B neither reads, sets, counts nor removes A's code")
  void codesGoWithTheirAddressAndStayInTheirWorkspace() {
    AddressHash subject = ConsentFixtures.anAddress();
    DataSubjectRequest erased = stored(aRequest(a, RequestType.ERASURE, subject, RECEIVED));
    DataSubjectRequest other = stored(aRequest(a, RequestType.ACCESS));
    Instant until = RECEIVED.plus(Duration.ofMinutes(10));
    run(a, () -> {
      requests.putCode(a, erased.id(), HASH, until);
      requests.putCode(a, other.id(), HASH, until);
    });

    run(b, () -> requests.putCode(b, other.id(), OTHER_HASH, until));
    assertThat(in(b, () -> requests.findCodeForUpdate(b, other.id()))).isEmpty();
    assertThat(in(b, () -> requests.failCode(b, other.id()))).isZero();
    run(b, () -> requests.removeCode(b, other.id()));
    assertThat(in(a, () -> requests.findCodeForUpdate(a, other.id())))
        .contains(new DataSubjectRequestRepository.StoredCode(HASH, until, 0));

    assertThat(in(a, () -> requests.scrub(a, subject, RECEIVED.plusSeconds(1)))).isEqualTo(1);
    assertThat(in(a, () -> requests.findCodeForUpdate(a, erased.id()))).isEmpty();
    assertThat(in(a, () -> requests.findCodeForUpdate(a, other.id()))).isPresent();
  }
}
