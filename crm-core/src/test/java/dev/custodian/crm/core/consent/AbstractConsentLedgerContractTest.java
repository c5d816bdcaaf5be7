package dev.custodian.crm.core.consent;

import static dev.custodian.crm.core.consent.ConsentFixtures.anAddress;
import static dev.custodian.crm.core.consent.ConsentFixtures.anEvent;
import static dev.custodian.crm.core.contact.ContactFixtures.aContact;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.consent.port.out.ConsentLedger;
import dev.custodian.crm.core.consent.port.out.ConsentRecorder;
import dev.custodian.crm.core.consent.port.out.ContactConsentReader;
import dev.custodian.crm.core.consent.port.out.PurposeRepository;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.AbstractPortContractTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

  protected abstract ConsentLedger ledger();

  /** The contacts the subjects link to, on the same transactions. */
  protected abstract ContactRepository contacts();

  /** The purposes entries name (stored first: an entry's purpose is declared), on the same transactions. */
  protected abstract PurposeRepository purposes();

  /** A contact's consent at once, over {@link #contacts}, {@link #purposes} and {@link #ledger} (called after them). */
  protected abstract ContactConsentReader contactConsent();

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
