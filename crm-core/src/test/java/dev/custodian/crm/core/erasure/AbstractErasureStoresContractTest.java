package dev.custodian.crm.core.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.erasure.port.out.ErasureReceiptRepository;
import dev.custodian.crm.core.testing.AbstractPortContractTest;
import dev.custodian.crm.core.keys.port.out.KeyCheckRepository;
import dev.custodian.crm.core.erasure.port.out.SuppressionEntryRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of the stores behind erasure: {@link SuppressionEntryRepository},
 * {@link ErasureReceiptRepository} and {@link KeyCheckRepository}. Run by the in-memory fakes and
 * by the jOOQ adapter.
 */
public abstract class AbstractErasureStoresContractTest extends AbstractPortContractTest {

  private static final String HASH = "ab".repeat(32);

  protected SuppressionEntryRepository suppression;
  protected ErasureReceiptRepository receipts;

  protected abstract SuppressionEntryRepository suppressionEntries();

  protected abstract ErasureReceiptRepository erasureReceipts();

  protected abstract KeyCheckRepository keyChecks();

  @Override
  protected void portsReady() {
    suppression = suppressionEntries();
    receipts = erasureReceipts();
  }

  @Test
  void givenAnEntryBeingAdded_whenAnotherTransactionChecksIt_thenTheCheckWaitsAndSeesIt() throws Exception {
    String otherEmail = "ef".repeat(32);
    SuppressionEntry entry = new SuppressionEntry(a, SuppressionKind.PHONE, "cd".repeat(32), Instant.now());
    CountDownLatch added = new CountDownLatch(1);
    CountDownLatch checked = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Boolean> checkedBeforeCommit = pool.submit(() -> tx.inWorkspace(a, () -> {
        suppression.add(entry);
        added.countDown();
        // The check must wait for this transaction; if it is not done within this bound, it
        // waits (a store without the lock answers at once, and wrongly).
        return awaitAtMost(checked, 1);
      }));
      assertThat(added.await(10, TimeUnit.SECONDS)).isTrue();
      Future<Set<SuppressionKind>> check = pool.submit(() -> {
        try {
          // checked together with an email that is not on the list, as an intake checks them
          return tx.inWorkspace(a, () -> suppression.existing(a,
              Map.of(SuppressionKind.EMAIL, otherEmail, entry.kind(), entry.keyedHash())));
        } finally {
          checked.countDown();
        }
      });

      assertThat(checkedBeforeCommit.get(20, TimeUnit.SECONDS))
          .as("the check finished while the addition was uncommitted").isFalse();
      assertThat(check.get(20, TimeUnit.SECONDS)).as("the check sees the committed entry")
          .containsExactly(SuppressionKind.PHONE);
    } finally {
      pool.shutdownNow();
    }
  }


  @Test
  void suppressionEntriesAreScopedToTheirWorkspaceAndKind_andAddingTwiceIsHarmless() {
    SuppressionEntry entry = new SuppressionEntry(a, SuppressionKind.EMAIL, HASH, Instant.now());
    tx.inWorkspace(a, () -> { suppression.add(entry); suppression.add(entry); return null; });

    assertThat(tx.inWorkspace(a, () -> suppression.existing(a, Map.of(SuppressionKind.EMAIL, HASH))))
        .containsExactly(SuppressionKind.EMAIL);
    assertThat(tx.inWorkspace(a, () -> suppression.existing(a, Map.of(SuppressionKind.PHONE, HASH)))).isEmpty();
    assertThat(tx.inWorkspace(a, () -> suppression.existing(a, Map.of(SuppressionKind.EMAIL, "cd".repeat(32)))))
        .isEmpty();
    assertThat(tx.inWorkspace(b, () -> suppression.existing(b, Map.of(SuppressionKind.EMAIL, HASH)))).isEmpty();
  }

  @Test
  void givenAnEmailAndAPhoneCheckedTogether_thenTheAnswerNamesEachKindThatIsOnTheList() {
    String email = "ab".repeat(32);
    String phone = "cd".repeat(32);
    Map<SuppressionKind, String> both = Map.of(SuppressionKind.EMAIL, email, SuppressionKind.PHONE, phone);
    assertThat(tx.inWorkspace(a, () -> suppression.existing(a, both))).isEmpty();
    assertThat(tx.inWorkspace(a, () -> suppression.existing(a, Map.of()))).isEmpty();

    tx.inWorkspace(a, () -> { suppression.add(new SuppressionEntry(a, SuppressionKind.PHONE, phone, Instant.now())); return null; });
    assertThat(tx.inWorkspace(a, () -> suppression.existing(a, both))).containsExactly(SuppressionKind.PHONE);
    assertThat(tx.inWorkspace(a, () -> suppression.existing(a,
        Map.of(SuppressionKind.EMAIL, phone, SuppressionKind.PHONE, email)))).as("each hash under its own kind").isEmpty();

    tx.inWorkspace(a, () -> { suppression.add(new SuppressionEntry(a, SuppressionKind.EMAIL, email, Instant.now())); return null; });
    assertThat(tx.inWorkspace(a, () -> suppression.existing(a, both)))
        .containsExactlyInAnyOrder(SuppressionKind.EMAIL, SuppressionKind.PHONE);
    assertThat(tx.inWorkspace(b, () -> suppression.existing(b, both))).isEmpty();
  }


  @Test
  void givenABatchOfHashesOfBothKinds_thenExistingAmongNamesExactlyThoseOnTheListUnderTheirOwnKind() {
    String email = "ab".repeat(32);
    String phone = "cd".repeat(32);
    Set<String> emails = new java.util.HashSet<>(Set.of(email, phone));
    Set<String> phones = new java.util.HashSet<>(Set.of(phone, email));
    for (int i = 0; i < 1000; i++) { // a batch's size: one statement whatever the count
      emails.add(String.format("%064x", i));
      phones.add(String.format("%064x", i + 5000));
    }
    Map<SuppressionKind, Set<String>> asked = Map.of(SuppressionKind.EMAIL, emails, SuppressionKind.PHONE, phones);
    assertThat(tx.inWorkspace(a, () -> suppression.existingAmong(a, asked))).allSatisfy((kind, found) ->
        assertThat(found).isEmpty());
    assertThat(tx.inWorkspace(a, () -> suppression.existingAmong(a, Map.of()))).isEmpty();
    assertThat(tx.inWorkspace(a, () -> suppression.existingAmong(a,
        Map.of(SuppressionKind.EMAIL, Set.of(), SuppressionKind.PHONE, Set.of())))).allSatisfy((kind, found) ->
        assertThat(found).isEmpty());

    tx.inWorkspace(a, () -> {
      suppression.add(new SuppressionEntry(a, SuppressionKind.EMAIL, email, Instant.now()));
      suppression.add(new SuppressionEntry(a, SuppressionKind.PHONE, phone, Instant.now()));
      return null;
    });
    Map<SuppressionKind, Set<String>> found = tx.inWorkspace(a, () -> suppression.existingAmong(a, asked));
    assertThat(found.getOrDefault(SuppressionKind.EMAIL, Set.of())).containsExactly(email);
    assertThat(found.getOrDefault(SuppressionKind.PHONE, Set.of())).containsExactly(phone);
    assertThat(tx.inWorkspace(a, () -> suppression.existingAmong(a, Map.of(SuppressionKind.PHONE, Set.of(email)))))
        .as("each hash under its own kind").allSatisfy((kind, none) -> assertThat(none).isEmpty());
    assertThat(tx.inWorkspace(b, () -> suppression.existingAmong(b, asked))).as("TEN-01: another workspace's list")
        .allSatisfy((kind, none) -> assertThat(none).isEmpty());
  }
  @Test
  @DisplayName("TEN-01: inside a transaction of workspace A, a call naming workspace B neither reads nor writes B's entries and receipts")
  void callsNamingAnotherWorkspaceThanTheTransactionsNeverReachIt() {
    SuppressionEntry ofB = new SuppressionEntry(b, SuppressionKind.EMAIL, HASH, Instant.now());
    ErasureReceipt receiptOfB = new ErasureReceipt(new ErasureReceiptId(UUID.randomUUID()), b,
        ContactId.of(UUID.randomUUID()), Instant.now(), Map.of("contacts", 1));
    run(b, () -> {
      suppression.add(ofB);
      receipts.insert(receiptOfB);
    });
    SuppressionEntry newOfB = new SuppressionEntry(b, SuppressionKind.PHONE, HASH, Instant.now());

    run(a, () -> {
      assertRefusedOr(() -> suppression.existing(b, Map.of(SuppressionKind.EMAIL, HASH)),
          found -> assertThat(found).isEmpty());
      assertRefusedOr(() -> receipts.list(b, PageRequest.first(50)), page -> assertThat(page.items()).isEmpty());
      assertRefusedOr(() -> {
        suppression.add(newOfB);
        return true;
      }, added -> assertThat(added).as("an addition for B inside A's transaction").isFalse());
    });
    assertThat(in(b, () -> suppression.existing(b, Map.of(SuppressionKind.PHONE, HASH)))).isEmpty();
    assertThat(in(b, () -> receipts.list(b, PageRequest.first(50))).items()).containsExactly(receiptOfB);
  }

  @Test
  void givenNoOpenTransaction_thenStoresFailLoudly() {
    assertThatThrownBy(() -> suppression.existing(a, Map.of(SuppressionKind.EMAIL, HASH)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> receipts.list(a, PageRequest.first(1))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void receiptsRoundTripWithTheirRecordsForReviewAndPageOldestFirst_withinTheirWorkspaceOnly() {
    List<ErasureReceipt> stored = new ArrayList<>();
    Instant t = Instant.parse("2026-02-03T04:05:06.123456Z");
    for (int i = 0; i < 5; i++) {
      stored.add(new ErasureReceipt(new ErasureReceiptId(UUID.randomUUID()), a, ContactId.of(UUID.randomUUID()),
          t.plusSeconds(i % 2), Map.of("contacts", 1, "activities", i),
          i % 2 == 0 ? List.of() : List.of(new ErasureReceipt.ReviewItem("activityLinks", UUID.randomUUID()),
              new ErasureReceipt.ReviewItem("taskLinks", UUID.randomUUID()))));
    }
    tx.inWorkspace(a, () -> { stored.forEach(receipts::insert); return null; });
    ErasureReceipt other = new ErasureReceipt(new ErasureReceiptId(UUID.randomUUID()), b,
        ContactId.of(UUID.randomUUID()), t, Map.of("contacts", 1));
    tx.inWorkspace(b, () -> { receipts.insert(other); return null; });

    List<ErasureReceipt> walked = new ArrayList<>();
    PageRequest request = PageRequest.first(2);
    while (true) {
      PageRequest current = request;
      Page<ErasureReceipt> page = tx.inWorkspace(a, () -> receipts.list(a, current));
      walked.addAll(page.items());
      if (page.next().isEmpty()) {
        break;
      }
      request = request.next(page.next().get());
    }
    List<ErasureReceipt> expected = new ArrayList<>(stored);
    expected.sort(java.util.Comparator.comparing(ErasureReceipt::erasedAt)
        .thenComparing(r -> r.id().value(), dev.custodian.crm.core.common.paging.UuidOrder.UNSIGNED));
    assertThat(walked).containsExactlyElementsOf(expected);
    assertThat(tx.inWorkspace(b, () -> receipts.list(b, PageRequest.first(50))).items()).containsExactly(other);
  }

  @Test
  void keyCheckIsStoredOnce() {
    KeyCheckRepository keyChecks = keyChecks();
    tx.inPlatform(() -> {
      if (keyChecks.find().isEmpty()) {
        keyChecks.insert("ee".repeat(32), Instant.now());
      }
      return null;
    });
    String stored = tx.inPlatform(() -> keyChecks.find()).orElseThrow();
    assertThatThrownBy(() -> tx.inPlatform(() -> { keyChecks.insert("ff".repeat(32), Instant.now()); return null; }))
        .isInstanceOf(RuntimeException.class);
    assertThat(tx.inPlatform(() -> keyChecks.find())).contains(stored);
  }
}
