package dev.custodian.crm.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.audit.port.out.AuditStore;
import dev.custodian.crm.core.testing.AbstractPortContractTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link AuditStore}: an append moves its chain's head only from where the row says it
 * was (no fork), rows read back as stored, newest first with filters and oldest first with the
 * head, each workspace's chain apart from the others and from the platform's, and subject keys
 * stored once and deleted. Run by the in-memory fake and by the jOOQ adapter.
 */
public abstract class AbstractAuditStoreContractTest extends AbstractPortContractTest {

  private static final Instant AT = Instant.parse("2026-11-30T10:00:00.123456Z");
  protected AuditStore store;

  protected abstract AuditStore auditStore();

  @Override
  protected void portsReady() {
    store = auditStore();
  }

  private static byte[] hash(long sequence) {
    byte[] hash = new byte[32];
    Arrays.fill(hash, (byte) sequence);
    return hash;
  }

  private static AuditStore.Row row(AuditChain chain, long sequence, AuditAction action, UUID target) {
    return new AuditStore.Row(chain, sequence, AT.plus(sequence, ChronoUnit.SECONDS), AuditActor.account(UUID.randomUUID()),
        action, AuditTargetType.CONTACT, Optional.ofNullable(target), AuditOutcome.SUCCEEDED,
        AuditDetails.none().withCount(AuditDetails.Key.COUNT, sequence), Optional.of(UUID.randomUUID()),
        Optional.of(new byte[] {1, 2, 3}), Optional.empty(), Optional.of(new byte[] {4, 5}), 1,
        sequence == 1 ? new byte[32] : hash(sequence - 1), hash(sequence));
  }

  @Test
  void anAppendMovesTheHeadOnlyFromWhereTheRowSaysItWas() {
    AuditChain chain = AuditChain.of(a);
    assertThat(in(a, () -> store.appendIfHead(row(chain, 2, AuditAction.CONTACT_DELETED, null)))).isFalse();
    assertThat(in(a, () -> store.appendIfHead(row(chain, 1, AuditAction.CONTACT_DELETED, null)))).isTrue();
    assertThat(in(a, () -> store.appendIfHead(row(chain, 1, AuditAction.CONTACT_DELETED, null))))
        .as("a second first entry: a fork").isFalse();
    AuditStore.Row wrongLink = new AuditStore.Row(chain, 2, AT, AuditActor.system(), AuditAction.CONTACT_DELETED,
        AuditTargetType.CONTACT, Optional.empty(), AuditOutcome.SUCCEEDED, AuditDetails.none(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), 1, hash(7), hash(2));
    assertThat(in(a, () -> store.appendIfHead(wrongLink))).as("a previous hash that is not the head's").isFalse();
    assertThat(in(a, () -> store.appendIfHead(row(chain, 2, AuditAction.CONTACT_DELETED, null)))).isTrue();
    AuditStore.Head head = in(a, () -> store.lockHead(chain)).orElseThrow();
    assertThat(head.sequence()).isEqualTo(2);
    assertThat(head.hash()).isEqualTo(hash(2));
  }

  @Test
  void rowsReadBackAsStored_newestFirstWithFilters_oldestFirstWithTheHead() {
    AuditChain chain = AuditChain.of(a);
    UUID target = UUID.randomUUID();
    List<AuditStore.Row> written = List.of(row(chain, 1, AuditAction.CONTACT_DELETED, null),
        row(chain, 2, AuditAction.DEAL_DELETED, target), row(chain, 3, AuditAction.CONTACT_DELETED, null));
    written.forEach(r -> assertThat(in(a, () -> store.appendIfHead(r))).isTrue());

    List<AuditStore.Row> newest = in(a, () -> store.newestFirst(chain, AuditFilter.all(), OptionalLong.empty(), 10));
    assertThat(newest).extracting(AuditStore.Row::sequence).containsExactly(3L, 2L, 1L);
    AuditStore.Row back = newest.get(1);
    AuditStore.Row sent = written.get(1);
    assertThat(back.at()).isEqualTo(sent.at());
    assertThat(back.actor()).isEqualTo(sent.actor());
    assertThat(back.details()).isEqualTo(sent.details());
    assertThat(back.subject()).isEqualTo(sent.subject());
    assertThat(back.email()).hasValueSatisfying(v -> assertThat(v).isEqualTo(new byte[] {1, 2, 3}));
    assertThat(back.ip()).isEmpty();
    assertThat(back.previousHash()).isEqualTo(sent.previousHash());
    assertThat(back.hash()).isEqualTo(sent.hash());

    assertThat(in(a, () -> store.newestFirst(chain, AuditFilter.all(), OptionalLong.of(3), 1)))
        .extracting(AuditStore.Row::sequence).containsExactly(2L);
    AuditFilter deals = new AuditFilter(Optional.empty(), Optional.empty(), Optional.of(AuditAction.DEAL_DELETED),
        Optional.of(AuditTargetType.CONTACT), Optional.of(target));
    assertThat(in(a, () -> store.newestFirst(chain, deals, OptionalLong.empty(), 10)))
        .extracting(AuditStore.Row::sequence).containsExactly(2L);
    AuditFilter window = new AuditFilter(Optional.of(AT.plusSeconds(2)), Optional.of(AT.plusSeconds(3)),
        Optional.empty(), Optional.empty(), Optional.empty());
    assertThat(in(a, () -> store.newestFirst(chain, window, OptionalLong.empty(), 10)))
        .extracting(AuditStore.Row::sequence).containsExactly(2L);

    List<Long> oldest = new ArrayList<>();
    Optional<AuditStore.Head> head = in(a, () -> store.forEachOldestFirst(chain, r -> oldest.add(r.sequence())));
    assertThat(oldest).containsExactly(1L, 2L, 3L);
    assertThat(head).hasValueSatisfying(h -> assertThat(h.sequence()).isEqualTo(3));
    assertThat(in(b, () -> store.forEachOldestFirst(AuditChain.of(b), r -> oldest.add(r.sequence())))).isEmpty();
  }

  @Test
  void anAppendReadingAllHandsEveryRowAndItself_orNothingWhenTheHeadMoved() {
    AuditChain chain = AuditChain.of(a);
    assertThat(in(a, () -> store.appendIfHead(row(chain, 1, AuditAction.CONTACT_DELETED, null)))).isTrue();
    List<Long> read = new ArrayList<>();
    assertThat(in(a, () -> store.appendIfHeadReadingAll(row(chain, 2, AuditAction.AUDIT_EXPORTED, null), Optional.empty(),
        r -> read.add(r.sequence())))).isTrue();
    assertThat(read).containsExactly(1L, 2L);
    read.clear();
    assertThat(in(a, () -> store.appendIfHeadReadingAll(row(chain, 2, AuditAction.AUDIT_EXPORTED, null), Optional.empty(),
        r -> read.add(r.sequence())))).as("the head moved: a fork").isFalse();
    assertThat(read).isEmpty();
    assertThat(in(a, () -> store.head(chain))).hasValueSatisfying(h -> assertThat(h.sequence()).isEqualTo(2));
  }

  @Test
  void eachChainIsApart_andEveryChainWithEntriesIsListed() {
    assertThat(in(a, () -> store.appendIfHead(row(AuditChain.of(a), 1, AuditAction.CONTACT_DELETED, null)))).isTrue();
    assertThat(in(b, () -> store.appendIfHead(row(AuditChain.of(b), 1, AuditAction.CONTACT_DELETED, null)))).isTrue();
    boolean platformFirst = tx.inPlatform(() -> store.head(AuditChain.platform())).isEmpty();
    if (platformFirst) {
      assertThat(tx.inPlatform(() -> store.appendIfHead(row(AuditChain.platform(), 1, AuditAction.SIGN_IN_FAILED, null))))
          .isTrue();
    }
    assertThat(in(b, () -> store.newestFirst(AuditChain.of(b), AuditFilter.all(), OptionalLong.empty(), 10)))
        .hasSize(1);
    assertRefusedOr(() -> in(b, () -> store.newestFirst(AuditChain.of(a), AuditFilter.all(), OptionalLong.empty(), 10)),
        rows -> assertThat(rows).isEmpty());
    assertThat(tx.inPlatform(store::chains)).contains(AuditChain.of(a), AuditChain.of(b), AuditChain.platform());
  }

  @Test
  void signInsOfASubjectAreItsOwnOnly() {
    UUID subject = UUID.randomUUID();
    long next = tx.inPlatform(() -> store.head(AuditChain.platform())).map(h -> h.sequence() + 1).orElse(1L);
    for (long s = next; s < next + 3; s++) {
      long sequence = s;
      AuditStore.Row base = row(AuditChain.platform(), sequence, sequence == next + 1 ? AuditAction.PASSWORD_CHANGED
          : AuditAction.SIGN_IN_SUCCEEDED, null);
      AuditStore.Row own = new AuditStore.Row(base.chain(), sequence, base.at(), base.actor(), base.action(),
          base.targetType(), base.targetId(), base.outcome(), base.details(), Optional.of(subject), base.email(),
          base.ip(), base.userAgent(), 1, sequence == 1 ? new byte[32] : previous(sequence), hash(sequence));
      assertThat(tx.inPlatform(() -> store.appendIfHead(own))).isTrue();
    }
    List<AuditStore.Row> signIns = tx.inPlatform(() -> store.signInsOf(subject,
        List.of(AuditAction.SIGN_IN_SUCCEEDED, AuditAction.SIGN_IN_FAILED), OptionalLong.empty(), 10));
    assertThat(signIns).extracting(AuditStore.Row::sequence).containsExactly(next + 2, next);
    assertThat(tx.inPlatform(() -> store.signInsOf(UUID.randomUUID(), List.of(AuditAction.SIGN_IN_SUCCEEDED),
        OptionalLong.empty(), 10))).isEmpty();
  }

  /** The platform head's hash before {@code sequence}: whatever another test of the class left there. */
  private byte[] previous(long sequence) {
    return tx.inPlatform(() -> store.head(AuditChain.platform())).filter(h -> h.sequence() == sequence - 1)
        .map(AuditStore.Head::hash).orElse(hash(sequence - 1));
  }

  @Test
  void aSubjectKeyIsStoredOnce_andDeleted() {
    UUID subject = UUID.randomUUID();
    byte[] first = {1, 1, 1};
    assertThat(tx.inPlatform(() -> store.insertSubjectKey(subject, first, AT))).isEqualTo(first);
    assertThat(tx.inPlatform(() -> store.insertSubjectKey(subject, new byte[] {2, 2}, AT))).isEqualTo(first);
    assertThat(tx.inPlatform(() -> store.subjectKey(subject))).hasValueSatisfying(k -> assertThat(k).isEqualTo(first));
    assertThat(tx.inPlatform(() -> store.deleteSubjectKey(subject))).isTrue();
    assertThat(tx.inPlatform(() -> store.deleteSubjectKey(subject))).isFalse();
    assertThat(tx.inPlatform(() -> store.subjectKey(subject))).isEmpty();
  }
}
