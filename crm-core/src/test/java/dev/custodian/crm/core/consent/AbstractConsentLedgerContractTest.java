package dev.custodian.crm.core.consent;

import static dev.custodian.crm.core.consent.ConsentFixtures.anAddress;
import static dev.custodian.crm.core.consent.ConsentFixtures.anEvent;
import static dev.custodian.crm.core.contact.ContactFixtures.aContact;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.consent.port.out.ConsentAddressHasher;
import dev.custodian.crm.core.consent.port.out.ConsentLedger;
import dev.custodian.crm.core.consent.port.out.ConsentRecorder;
import dev.custodian.crm.core.consent.port.out.ContactConsentReader;
import dev.custodian.crm.core.consent.port.out.EligibleContacts;
import dev.custodian.crm.core.consent.port.out.ProcessingRestrictions;
import dev.custodian.crm.core.consent.port.out.PurposeRepository;
import dev.custodian.crm.core.consent.service.ProcessingGuard;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.ContactListing;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.AbstractPortContractTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link ConsentLedger}: one subject per contact, entries in the order appended and
 * round-tripping whole, found by subject and by address, links removed while entries stay, scoping.
 */
public abstract class AbstractConsentLedgerContractTest extends AbstractPortContractTest {

  protected ConsentLedger ledger;
  protected ContactRepository contacts;
  protected PurposeRepository purposes;
  protected ContactConsentReader reader;
  protected ConsentRecorder recorder;
  protected ProcessingRestrictions restrictions;
  protected EligibleContacts eligible;

  protected abstract ConsentLedger ledger();

  /** The contacts the subjects link to, on the same transactions. */
  protected abstract ContactRepository contacts();

  /** The purposes entries name (stored first: an entry's purpose is declared), on the same transactions. */
  protected abstract PurposeRepository purposes();

  /** A contact's consent at once, over {@link #contacts}, {@link #purposes} and {@link #ledger} (called after them). */
  protected abstract ContactConsentReader contactConsent();

  /** Restrictions of processing, on the same transactions. */
  protected abstract ProcessingRestrictions restrictions();

  /** The contacts a purpose allows, over the same stores (called after them); by default composed. */
  protected EligibleContacts eligibleContacts() {
    return EligibleContacts.composed(contacts, purposes, ledger, restrictions);
  }

  /** A recording's locked read and gated append, over the same stores (called after them); by default composed. */
  protected ConsentRecorder recorder() {
    return ConsentRecorder.composed(contacts, purposes, ledger);
  }

  @Override
  protected void portsReady() {
    ledger = ledger();
    contacts = contacts();
    purposes = purposes();
    reader = contactConsent();
    recorder = recorder();
    restrictions = restrictions();
    eligible = eligibleContacts();
    for (WorkspaceId workspace : List.of(a, b)) {
      run(workspace, () -> {
        purposes.insert(ConsentFixtures.aPurpose(workspace, "newsletter", LegalBasis.CONSENT));
        purposes.insert(ConsentFixtures.aPurpose(workspace, "analytics", LegalBasis.LEGITIMATE_INTEREST));
      });
    }
  }

  private Contact storedContact(WorkspaceId workspace) {
    Contact contact = aContact(workspace);
    run(workspace, () -> contacts.insert(contact));
    return contact;
  }

  private SubjectRef subjectOf(Contact contact) {
    return in(contact.workspace(),
        () -> ledger.lockSubject(contact.workspace(), contact.id(), new SubjectRef(UUID.randomUUID())));
  }

  @Test
  void aContactHasOneSubjectLinkedOnFirstUse() {
    Contact ada = storedContact(a);
    Contact grace = storedContact(a);
    assertThat(in(a, () -> ledger.subjectOf(a, ada.id()))).isEmpty();

    SubjectRef first = subjectOf(ada);

    assertThat(subjectOf(ada)).isEqualTo(first);
    assertThat(in(a, () -> ledger.subjectOf(a, ada.id()))).contains(first);
    assertThat(subjectOf(grace)).isNotEqualTo(first);
  }

  @Test
  void entriesRoundTripInTheOrderAppendedByRandomHistories() {
    Random random = new Random(26);
    Contact ada = storedContact(a);
    SubjectRef subject = subjectOf(ada);
    AddressHash address = anAddress();
    List<ConsentEvent> appended = new ArrayList<>();
    Instant at = Instant.parse("2026-05-01T10:00:00.123456Z");
    for (int i = 0; i < 30; i++) {
      ConsentEventKind kind = ConsentEventKind.values()[random.nextInt(ConsentEventKind.values().length)];
      // occurred times out of order: the append order counts, not the occurred time
      ConsentEvent event = anEvent(a, subject, address, random.nextBoolean() ? "newsletter" : "analytics", kind,
          at.minusSeconds(random.nextInt(10_000)));
      appended.add(event);
      run(a, () -> ledger.append(event));
    }

    assertThat(in(a, () -> ledger.eventsOf(a, subject))).containsExactlyElementsOf(appended);
    assertThat(in(a, () -> ledger.eventsFor(a, address))).containsExactlyElementsOf(appended);
    ConsentEvent lastNewsletter = appended.stream().filter(e -> e.purpose().value().equals("newsletter"))
        .reduce((x, y) -> y).orElseThrow();
    assertThat(in(a, () -> ledger.latestFor(a, address, new PurposeKey("newsletter")))).contains(lastNewsletter);
    assertThat(in(a, () -> ledger.latestFor(a, anAddress(), new PurposeKey("newsletter")))).isEmpty();
  }

  @Test
  void aRecordingReadsItsBasisAndAppendsOnlyWhileItHolds() {
    Contact ada = storedContact(a);
    PurposeKey newsletter = new PurposeKey("newsletter");
    ConsentRecorder.Basis empty = in(a, () -> recorder.lockAndRead(a, ada.id(), newsletter)).orElseThrow();
    assertThat(empty.email()).isEqualTo(ada.email());
    assertThat(empty.purpose()).map(p -> p.key()).contains(newsletter);
    assertThat(empty.subject()).isEmpty();
    assertThat(empty.events()).isEmpty();
    assertThat(in(a, () -> recorder.lockAndRead(a, ada.id(), new PurposeKey("nothing"))).orElseThrow().purpose())
        .isEmpty();
    assertThat(in(a, () -> recorder.lockAndRead(a, new ContactId(UUID.randomUUID()), newsletter))).isEmpty();
    assertThat(in(b, () -> recorder.lockAndRead(b, ada.id(), newsletter))).isEmpty();

    // a first entry links its subject
    SubjectRef fresh = new SubjectRef(UUID.randomUUID());
    AddressHash address = anAddress();
    ConsentEvent granted = anEvent(a, fresh, address, "newsletter", ConsentEventKind.GRANTED, Instant.now());
    assertThat(in(a, () -> recorder.appendIf(granted, ada.id(), Optional.empty(), Optional.empty(), true))).isTrue();
    ConsentRecorder.Basis once = in(a, () -> recorder.lockAndRead(a, ada.id(), newsletter)).orElseThrow();
    assertThat(once.subject()).contains(fresh);
    assertThat(once.events()).containsExactly(granted);
    assertThat(in(a, () -> recorder.lockAndRead(a, ada.id(), new PurposeKey("analytics"))).orElseThrow().events())
        .isEmpty();

    // stale: the link or the latest entry is no longer what was read; nothing is appended
    ConsentEvent withdrawn = anEvent(a, fresh, address, "newsletter", ConsentEventKind.WITHDRAWN, Instant.now());
    assertThat(in(a, () -> recorder.appendIf(withdrawn, ada.id(), Optional.empty(), Optional.empty(), false)))
        .isFalse();
    assertThat(in(a, () -> recorder.appendIf(withdrawn, ada.id(), Optional.of(fresh), Optional.empty(), false)))
        .isFalse();
    assertThat(in(a, () -> recorder.appendIf(withdrawn, ada.id(), Optional.of(new SubjectRef(UUID.randomUUID())),
        Optional.of(granted.id()), false))).isFalse();
    assertThat(in(a, () -> ledger.eventsOf(a, fresh))).containsExactly(granted);
    assertThat(in(a, () -> recorder.appendIf(withdrawn, ada.id(), Optional.of(fresh), Optional.of(granted.id()),
        false))).isTrue();

    // the address's refusal, under another contact, holds a grant back only when asked to
    Contact again = storedContact(a);
    SubjectRef other = new SubjectRef(UUID.randomUUID());
    ConsentEvent regrant = anEvent(a, other, address, "newsletter", ConsentEventKind.GRANTED, Instant.now());
    assertThat(in(a, () -> recorder.appendIf(regrant, again.id(), Optional.empty(), Optional.empty(), true)))
        .isFalse();
    assertThat(in(a, () -> ledger.subjectOf(a, again.id()))).isEmpty();
    assertThat(in(a, () -> recorder.appendIf(regrant, again.id(), Optional.empty(), Optional.empty(), false)))
        .isTrue();
    assertThat(in(a, () -> ledger.eventsFor(a, address))).containsExactly(granted, withdrawn, regrant);
  }

  @Test
  @DisplayName("CON-08, DSR-07, DSR-08: by random histories, the contacts a purpose allows, page by page, are exactly those the guard allows")
  void eligibleContactsAreThoseTheGuardAllowsByRandomHistories() {
    Random random = new Random(2611);
    ConsentAddressHasher hasher = FakeAddressHasher.create();
    ProcessingGuard guard = new ProcessingGuard(purposes, ledger, restrictions, contacts, hasher);
    run(a, () -> {
      Purpose old = ConsentFixtures.aPurpose(a, "old-news", LegalBasis.CONSENT);
      purposes.insert(old);
      purposes.update(old.retired(Instant.now()), old.version());
    });
    Instant at = Instant.parse("2026-06-01T10:00:00Z");
    for (int i = 0; i < 30; i++) {
      Contact contact = storedContact(a);
      AddressHash address = hasher.hash(a, contact.email());
      run(a, () -> {
        if (random.nextInt(10) == 0) {
          restrictions.restrict(a, contact.id(), at);
        }
        SubjectRef subject = random.nextInt(5) == 0 ? null
            : ledger.lockSubject(a, contact.id(), new SubjectRef(UUID.randomUUID()));
        SubjectRef ghost = new SubjectRef(UUID.randomUUID()); // the address under an erased contact
        for (int e = random.nextInt(7); e > 0; e--) {
          ConsentEventKind kind = ConsentEventKind.values()[random.nextInt(ConsentEventKind.values().length)];
          String purpose = List.of("newsletter", "analytics", "old-news").get(random.nextInt(3));
          boolean own = subject != null && random.nextInt(4) > 0;
          ledger.append(anEvent(a, own ? subject : ghost, own || random.nextBoolean() ? address : anAddress(), purpose,
              kind, at.plusSeconds(e)));
        }
      });
    }
    for (String key : List.of("newsletter", "analytics", "old-news", "never-declared")) {
      PurposeKey purpose = new PurposeKey(key);
      List<ContactId> expected = new ArrayList<>();
      List<ContactId> listed = new ArrayList<>();
      in(a, () -> {
        ListQuery query = ListQuery.of(ContactListing.OFFER, Map.of("limit", List.of("4")));
        for (ListQuery q = query; q != null; ) {
          Page<Contact> page = contacts.list(a, q);
          page.items().stream().filter(c -> guard.decide(a, c.id(), purpose).allowed()).forEach(c -> expected.add(c.id()));
          q = q.next(page).orElse(null);
        }
        AddressHashing hashing = hasher.hashing(a);
        for (ListQuery q = query; q != null; ) {
          Page<Contact> page = eligible.page(a, purpose, hashing, q);
          assertThat(page.items().size()).isLessThanOrEqualTo(4);
          page.items().forEach(c -> listed.add(c.id()));
          q = q.next(page).orElse(null);
        }
        return null;
      });
      assertThat(listed).as(key).containsExactlyElementsOf(expected);
      if (key.equals("newsletter") || key.equals("analytics")) {
        assertThat(expected).as("%s: some allowed", key).isNotEmpty();
      }
    }
    assertThat(in(b, () -> eligible.page(b, new PurposeKey("analytics"), hasher.hashing(b),
        ListQuery.of(ContactListing.OFFER, Map.of())).items())).isEmpty();
  }

  @Test
  void aContactsConsentIsReadAtOnce() {
    Contact ada = storedContact(a);
    Contact grace = storedContact(a);
    SubjectRef subject = subjectOf(ada);
    AddressHash address = anAddress();
    ConsentEvent granted = anEvent(a, subject, address, "newsletter", ConsentEventKind.GRANTED, Instant.now());
    ConsentEvent objected = anEvent(a, subject, address, "analytics", ConsentEventKind.OBJECTED, Instant.now());
    ConsentEvent withdrawn = anEvent(a, subject, address, "newsletter", ConsentEventKind.WITHDRAWN, Instant.now());
    run(a, () -> {
      ledger.append(granted);
      ledger.append(objected);
      ledger.append(withdrawn);
    });

    ContactConsent consent = in(a, () -> reader.read(a, ada.id())).orElseThrow();

    assertThat(consent.purposes()).extracting(p -> p.key().value()).containsExactlyInAnyOrder("newsletter", "analytics");
    assertThat(consent.events()).containsExactly(granted, objected, withdrawn);
    assertThat(consent.restrictedSince()).isEmpty();
    assertThat(in(a, () -> reader.read(a, grace.id())).orElseThrow().events()).isEmpty();
    assertThat(in(a, () -> reader.read(a, new ContactId(UUID.randomUUID())))).isEmpty();
    assertThat(in(b, () -> reader.read(b, ada.id()))).isEmpty();
  }

  @Test
  @DisplayName("CON-04: unlinking a subject keeps its entries, found by their address only")
  void unlinkingKeepsTheEntries() {
    Contact ada = storedContact(a);
    SubjectRef subject = subjectOf(ada);
    AddressHash address = anAddress();
    ConsentEvent granted = anEvent(a, subject, address, "newsletter", ConsentEventKind.GRANTED, Instant.now());
    run(a, () -> ledger.append(granted));

    assertThat(in(a, () -> ledger.unlink(a, ada.id()))).isEqualTo(1);

    assertThat(in(a, () -> ledger.subjectOf(a, ada.id()))).isEmpty();
    assertThat(in(a, () -> ledger.unlink(a, ada.id()))).isZero();
    assertThat(in(a, () -> ledger.eventsFor(a, address))).containsExactly(granted);
  }

  @Test
  @DisplayName("TEN-01: a call made for workspace B never sees workspace A's subjects or entries")
  void callsForAnotherWorkspaceNeverReachTheLedger() {
    Contact ada = storedContact(a);
    SubjectRef subject = subjectOf(ada);
    AddressHash address = anAddress();
    run(a, () -> ledger.append(anEvent(a, subject, address, "newsletter", ConsentEventKind.GRANTED, Instant.now())));

    assertThat(in(b, () -> ledger.eventsOf(b, subject))).isEmpty();
    assertThat(in(b, () -> ledger.eventsFor(b, address))).isEmpty();
    assertThat(in(b, () -> ledger.latestFor(b, address, new PurposeKey("newsletter")))).isEmpty();
    assertThat(in(b, () -> ledger.subjectOf(b, ada.id()))).isEmpty();
    assertRefusedOr(() -> in(b, () -> ledger.eventsFor(a, address)), found -> assertThat(found).isEmpty());
    assertRefusedOr(() -> in(b, () -> ledger.unlink(a, ada.id())), removed -> assertThat(removed).isZero());
    assertThat(in(a, () -> ledger.subjectOf(a, ada.id()))).contains(subject);
  }
}
