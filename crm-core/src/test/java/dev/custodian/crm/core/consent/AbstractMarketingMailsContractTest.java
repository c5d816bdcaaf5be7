package dev.custodian.crm.core.consent;

import static dev.custodian.crm.core.contact.ContactFixtures.aContact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.consent.port.out.MarketingMails;
import dev.custodian.crm.core.consent.port.out.PurposeRepository;
import dev.custodian.crm.core.consent.service.ConsentServices;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.AbstractPortContractTest;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link MarketingMails}: a queued mail's texts stored once and read back for dispatch;
 * the recipient's address answered under a lock that holds a consent recording (and an erasure) of
 * that contact until the sending transaction ends; nothing for a contact that is gone; all of it
 * inside a transaction and scoped to its workspace. Run by the in-memory fake and by the jOOQ adapter.
 */
public abstract class AbstractMarketingMailsContractTest extends AbstractPortContractTest {

  private static final Instant NOW = Instant.parse("2026-05-06T07:08:09.123456Z");
  private static final PurposeKey MARKETING = new PurposeKey("marketing-email");

  protected MarketingMails mails;
  protected ContactRepository contacts;
  protected PurposeRepository purposes;

  protected abstract MarketingMails mails();

  protected abstract ContactRepository contacts();

  protected abstract PurposeRepository purposes();

  @Override
  protected void portsReady() {
    mails = mails();
    contacts = contacts();
    purposes = purposes();
  }

  private Contact contactWithPurposes(WorkspaceId workspace) {
    Contact ada = aContact(workspace);
    run(workspace, () -> {
      contacts.insert(ada);
      if (purposes.find(workspace, MARKETING).isEmpty()) {
        ConsentServices.defaultPurposes(purposes, Clock.systemUTC()).initialize(workspace);
      }
    });
    return ada;
  }

  private MarketingMail queued(WorkspaceId workspace) {
    MarketingMail mail = new MarketingMail(workspace, UUID.randomUUID(), MARKETING, "Spring news",
        "Our spring range is in.\nSee you soon.", "Custodian GmbH, Hauptstr. 1, 10115 Berlin", NOW);
    run(workspace, () -> mails.add(mail));
    return mail;
  }

  @Test
  @DisplayName("CON-02: a queued mail's texts are read back for dispatch as stored, microseconds included")
  void aQueuedMailIsReadBackAsStored() {
    contactWithPurposes(a);
    MarketingMail mail = queued(a);

    assertThat(in(a, () -> mails.find(a, mail.id()))).hasValueSatisfying(found -> {
      assertThat(found).usingRecursiveComparison().isEqualTo(mail);
      assertThat(found.createdAt()).isEqualTo(NOW);
    });
    assertThat(in(a, () -> mails.find(a, UUID.randomUUID()))).isEmpty();
  }

  @Test
  void aMailAddedInATransactionThatRollsBackIsNotThere() {
    contactWithPurposes(a);
    MarketingMail mail = new MarketingMail(a, UUID.randomUUID(), MARKETING, "Gone", "Never sent.", "Nowhere 1", NOW);

    assertThatThrownBy(() -> run(a, () -> {
      mails.add(mail);
      throw new IllegalArgumentException("rolled back");
    })).hasMessage("rolled back");
    assertThat(in(a, () -> mails.find(a, mail.id()))).isEmpty();
  }

  @Test
  void everyCallNeedsAnOpenTransaction() {
    Contact ada = contactWithPurposes(a);
    MarketingMail mail = new MarketingMail(a, UUID.randomUUID(), MARKETING, "Loose", "No transaction.", "Nowhere 1",
        NOW);

    assertThatThrownBy(() -> mails.add(mail)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> mails.find(a, mail.id())).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> mails.lockRecipient(a, ada.id())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  @DisplayName("CON-02: the recipient is the contact's current address, and nobody once the contact is gone")
  void theRecipientIsTheContactsAddress_andNobodyOnceItIsGone() {
    Contact ada = contactWithPurposes(a);

    assertThat(in(a, () -> mails.lockRecipient(a, ada.id()))).contains(ada.email());
    assertThat(in(a, () -> mails.lockRecipient(a, ContactId.of(UUID.randomUUID())))).isEmpty();

    run(a, () -> contacts.delete(a, ada.id(), OptionalLong.empty())); // as erasure does
    assertThat(in(a, () -> mails.lockRecipient(a, ada.id()))).isEmpty();
  }

  @Test
  @DisplayName("CON-02: while a mail goes out, the contact's lock holds a consent recording until the send ends")
  void theRecipientsLockHoldsAConsentRecordingUntilTheSendEnds() throws Exception {
    Contact ada = contactWithPurposes(a);
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch recordingDone = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Boolean> recordingWasDoneDuringTheSend = pool.submit(() -> in(a, () -> {
        assertThat(mails.lockRecipient(a, ada.id())).contains(ada.email());
        locked.countDown();
        // A recording locks the contact for update; if it is not done within this bound, it waits
        // (a read that takes no lock lets it through at once).
        return awaitAtMost(recordingDone, 1);
      }));
      assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
      Future<Boolean> recording = pool.submit(() -> {
        try {
          return in(a, () -> contacts.findByIdForUpdate(a, ada.id()).isPresent());
        } finally {
          recordingDone.countDown();
        }
      });

      assertThat(recordingWasDoneDuringTheSend.get(20, TimeUnit.SECONDS))
          .as("the recording finished while the send held the contact").isFalse();
      assertThat(recording.get(20, TimeUnit.SECONDS)).as("the recording, once let through, finds the contact")
          .isTrue();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("CON-02: a send that waited for an erasure finds nobody to mail")
  void aSendThatWaitedForAnErasureFindsNobody() throws Exception {
    Contact ada = contactWithPurposes(a);
    CountDownLatch erasing = new CountDownLatch(1);
    CountDownLatch sendDone = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Boolean> sendWasDoneDuringTheErasure = pool.submit(() -> in(a, () -> {
        assertThat(contacts.findByIdForUpdate(a, ada.id())).isPresent();
        erasing.countDown();
        boolean done = awaitAtMost(sendDone, 1);
        contacts.delete(a, ada.id(), OptionalLong.empty());
        return done;
      }));
      assertThat(erasing.await(10, TimeUnit.SECONDS)).isTrue();
      Future<Boolean> sendFoundSomeone = pool.submit(() -> {
        try {
          return in(a, () -> mails.lockRecipient(a, ada.id()).isPresent());
        } finally {
          sendDone.countDown();
        }
      });

      assertThat(sendWasDoneDuringTheErasure.get(20, TimeUnit.SECONDS))
          .as("the send went on while the erasure held the contact").isFalse();
      assertThat(sendFoundSomeone.get(20, TimeUnit.SECONDS)).as("the send, once let through, found a recipient")
          .isFalse();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("TEN-01: a call made for workspace B never reads workspace A's mail or locks A's contact")
  void callsForAnotherWorkspaceNeverReachTheMailOrTheContact() {
    Contact ada = contactWithPurposes(a);
    contactWithPurposes(b);
    MarketingMail mail = queued(a);

    assertThat(in(b, () -> mails.find(b, mail.id()))).isEmpty();
    assertThat(in(b, () -> mails.lockRecipient(b, ada.id()))).isEmpty();
    assertRefusedOr(() -> in(b, () -> mails.find(a, mail.id())), found -> assertThat(found).isEmpty());
    assertRefusedOr(() -> in(b, () -> mails.lockRecipient(a, ada.id())), to -> assertThat(to).isEmpty());
    assertThat(in(a, () -> mails.find(a, mail.id()))).isPresent();
    assertThat(in(a, () -> mails.lockRecipient(a, ada.id()))).contains(ada.email());
  }
}
