package dev.custodian.crm.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.access.port.out.ApiKeyRepository;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.common.paging.UuidOrder;
import dev.custodian.crm.core.common.port.out.TokenGenerator;
import dev.custodian.crm.core.common.port.out.TokenHash;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.AbstractPortContractTest;
import dev.custodian.crm.core.testing.KeysetWalkCheck;
import dev.custodian.crm.core.testing.PortFixture;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link ApiKeyRepository}: platform-level API keys, found by their token's hash only
 * (revoked ones too, so the caller decides); a workspace's keys that are not revoked walked oldest
 * first; revocation once, of one key or of every key a creator made in one workspace; and a last
 * use written at most once a minute. A subclass registers the extension that provides its
 * {@link PortFixture} and supplies the repository.
 */
public abstract class AbstractApiKeyRepositoryContractTest extends AbstractPortContractTest {

  private static final Instant NOW = Instant.parse("2026-08-09T10:11:12.123456Z");
  private static final TokenGenerator TOKENS = TokenGenerator.secureRandom();

  protected ApiKeyRepository apiKeys;

  /** The repository under test, joining the fixture's transactions. */
  protected abstract ApiKeyRepository apiKeys();

  @Override
  protected void portsReady() {
    apiKeys = apiKeys();
  }

  private static String aTokenHash() {
    return TokenHash.of(TOKENS.newToken(WorkspaceApiKey.TOKEN_PREFIX));
  }

  private static WorkspaceApiKey aKey(WorkspaceId workspace, AccountId creator, Instant createdAt, UUID id) {
    return WorkspaceApiKey.create(new ApiKeyId(id), workspace, new ApiKeyName("Key " + id), Role.MEMBER, creator,
        createdAt);
  }

  private static WorkspaceApiKey aKey(WorkspaceId workspace, AccountId creator) {
    return aKey(workspace, creator, NOW, UUID.randomUUID());
  }

  /** Stores {@code key} with a fresh hash and answers the hash. */
  private String stored(WorkspaceApiKey key) {
    String hash = aTokenHash();
    tx.inPlatform(() -> { apiKeys.insert(key, hash); return null; });
    return hash;
  }

  private Optional<WorkspaceApiKey> find(String hash) {
    return tx.inPlatform(() -> apiKeys.findByTokenHash(hash));
  }

  private static AccountId anAccountId() {
    return AccountId.of(UUID.randomUUID());
  }

  @Test
  void givenAKey_whenStored_thenFoundByItsTokensHashAsStored_atMicroseconds_inAPlatformAndInTheWorkspacesTransaction() {
    Instant created = Instant.parse("2026-08-09T10:11:12.123456789Z");
    WorkspaceApiKey key = WorkspaceApiKey.create(new ApiKeyId(UUID.randomUUID()), a, new ApiKeyName("CI export"),
        Role.ADMIN, anAccountId(), created);
    String hash = aTokenHash();
    in(a, () -> { apiKeys.insert(key, hash); return null; });

    assertThat(find(hash)).contains(key);
    assertThat(in(a, () -> apiKeys.findByTokenHash(hash))).contains(key);
    assertThat(find(hash).orElseThrow().createdAt()).isEqualTo(created.truncatedTo(ChronoUnit.MICROS));
    assertThat(find(aTokenHash())).isEmpty();
  }

  @Test
  void givenARevokedKey_thenItIsStillFoundByItsHash_withItsRevocation() {
    WorkspaceApiKey key = aKey(a, anAccountId());
    String hash = stored(key);
    in(a, () -> apiKeys.revoke(a, key.id(), NOW.plusSeconds(1)));

    assertThat(find(hash).orElseThrow().revokedAt()).contains(NOW.plusSeconds(1));
  }

  @Test
  void list_walksTheWorkspacesKeysThatAreNotRevoked_oldestFirst_thenByIdInUnsignedUuidOrder() {
    AccountId creator = anAccountId();
    Instant tie = NOW;
    List<WorkspaceApiKey> listed = new ArrayList<>();
    // Ids whose high bit is set sort after the others in PostgreSQL, before them with UUID.compareTo.
    for (String id : List.of("ffffffff-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002",
        "80000000-0000-4000-8000-000000000003")) {
      listed.add(aKey(a, creator, tie, UUID.fromString(id)));
    }
    listed.add(aKey(a, anAccountId(), tie.minus(1, ChronoUnit.MICROS), UUID.randomUUID()));
    listed.add(aKey(a, creator, tie.plusMillis(1), UUID.randomUUID()));
    listed.forEach(this::stored);
    WorkspaceApiKey revoked = aKey(a, creator);
    stored(revoked);
    stored(aKey(b, creator)); // another workspace's never shows
    in(a, () -> apiKeys.revoke(a, revoked.id(), NOW));
    listed.sort(Comparator.comparing(WorkspaceApiKey::createdAt).thenComparing(k -> k.id().value(), UuidOrder.UNSIGNED));

    List<WorkspaceApiKey> walked = KeysetWalkCheck.walk(new KeysetWalkCheck.Store<WorkspaceApiKey>() {
      @Override
      public void insert(List<KeysetWalkCheck.Position> positions) {
        throw new UnsupportedOperationException("the walk only reads");
      }

      @Override
      public Page<WorkspaceApiKey> list(PageRequest request) {
        return in(a, () -> apiKeys.list(a, request));
      }
    }, 2);

    assertThat(walked).containsExactlyElementsOf(listed);
    assertThat(walked.get(1).id().value()).isEqualTo(UUID.fromString("00000000-0000-4000-8000-000000000002"));
    assertThat(walked.get(3).id().value()).isEqualTo(UUID.fromString("ffffffff-0000-4000-8000-000000000001"));
  }

  @Test
  void revoke_happensOnce_andOnlyForTheKeysOwnWorkspace() {
    WorkspaceApiKey key = aKey(a, anAccountId());
    String hash = stored(key);

    assertThat(in(b, () -> apiKeys.revoke(b, key.id(), NOW))).as("another workspace's").isFalse();
    assertThat(find(hash).orElseThrow().revokedAt()).isEmpty();

    Instant at = NOW.plusSeconds(2);
    assertThat(in(a, () -> apiKeys.revoke(a, key.id(), at))).isTrue();
    assertThat(in(a, () -> apiKeys.revoke(a, key.id(), at.plusSeconds(1)))).isFalse();
    assertThat(find(hash).orElseThrow().revokedAt()).contains(at);
    assertThat(in(a, () -> apiKeys.revoke(a, new ApiKeyId(UUID.randomUUID()), at))).isFalse();
  }

  @Test
  void revokeAllOf_revokesTheCreatorsKeysInThatWorkspaceOnly_countingThoseItRevoked() {
    AccountId creator = anAccountId();
    String first = stored(aKey(a, creator));
    String second = stored(aKey(a, creator));
    WorkspaceApiKey earlier = aKey(a, creator);
    String revokedBefore = stored(earlier);
    String anotherCreators = stored(aKey(a, anAccountId()));
    String anotherWorkspaces = stored(aKey(b, creator));
    in(a, () -> apiKeys.revoke(a, earlier.id(), NOW));

    Instant at = NOW.plusSeconds(4);
    assertThat(in(a, () -> apiKeys.revokeAllOf(a, creator, at))).isEqualTo(2);
    assertThat(in(a, () -> apiKeys.revokeAllOf(a, creator, at.plusSeconds(1)))).isZero();

    assertThat(find(first).orElseThrow().revokedAt()).contains(at);
    assertThat(find(second).orElseThrow().revokedAt()).contains(at);
    assertThat(find(revokedBefore).orElseThrow().revokedAt()).as("revoked once, at first").contains(NOW);
    assertThat(find(anotherCreators).orElseThrow().revokedAt()).isEmpty();
    assertThat(find(anotherWorkspaces).orElseThrow().revokedAt()).isEmpty();
  }

  @Test
  void recordUse_writesTheFirstUse_notASecondWithinTheMinute_andOneAfterIt() {
    WorkspaceApiKey key = aKey(a, anAccountId());
    String hash = stored(key);
    WorkspaceApiKey other = aKey(a, anAccountId());
    String otherHash = stored(other);
    Instant first = Instant.parse("2026-08-09T11:00:00.123456789Z");

    tx.inPlatform(() -> { apiKeys.recordUse(key.id(), first); return null; });
    Instant written = first.truncatedTo(ChronoUnit.MICROS);
    assertThat(find(hash).orElseThrow().lastUsedAt()).contains(written);

    tx.inPlatform(() -> { apiKeys.recordUse(key.id(), first.plusSeconds(59)); return null; });
    assertThat(find(hash).orElseThrow().lastUsedAt()).as("within the minute").contains(written);

    Instant later = first.plus(WorkspaceApiKey.LAST_USE_RESOLUTION).plusSeconds(1);
    in(a, () -> { apiKeys.recordUse(key.id(), later); return null; });
    assertThat(find(hash).orElseThrow().lastUsedAt()).as("after the minute").contains(later.truncatedTo(ChronoUnit.MICROS));

    assertThat(find(otherHash).orElseThrow().lastUsedAt()).as("another key's").isEmpty();
    tx.inPlatform(() -> { apiKeys.recordUse(new ApiKeyId(UUID.randomUUID()), later); return null; });
  }

  @Test
  void recordUse_neverMovesTheLastUseBack() {
    WorkspaceApiKey key = aKey(a, anAccountId());
    String hash = stored(key);
    Instant first = NOW.plus(Duration.ofHours(1));
    tx.inPlatform(() -> { apiKeys.recordUse(key.id(), first); return null; });

    // A request that read its time before another's, and records after it.
    tx.inPlatform(() -> { apiKeys.recordUse(key.id(), first.minus(Duration.ofMinutes(5))); return null; });

    assertThat(find(hash).orElseThrow().lastUsedAt()).contains(first);
  }

  @Test
  void givenNoOpenTransaction_whenCalled_thenFailsLoudly() {
    WorkspaceApiKey key = aKey(a, anAccountId());
    String hash = aTokenHash();
    assertThatThrownBy(() -> apiKeys.insert(key, hash)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> apiKeys.findByTokenHash(hash)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> apiKeys.list(a, PageRequest.first(10))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> apiKeys.revoke(a, key.id(), NOW)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> apiKeys.revokeAllOf(a, key.createdBy(), NOW)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> apiKeys.recordUse(key.id(), NOW)).isInstanceOf(IllegalStateException.class);
    assertThat(find(hash)).isEmpty();
  }

  @Test
  void givenExceptionInTheTransaction_thenTheKeyAndItsChangesAreRolledBack() {
    WorkspaceApiKey kept = aKey(a, anAccountId());
    String keptHash = stored(kept);
    WorkspaceApiKey key = aKey(a, anAccountId());
    String hash = aTokenHash();
    assertThatThrownBy(() -> in(a, () -> {
      apiKeys.insert(key, hash);
      apiKeys.revoke(a, kept.id(), NOW);
      apiKeys.recordUse(kept.id(), NOW);
      throw new IllegalStateException("boom");
    })).hasMessage("boom");

    assertThat(find(hash)).isEmpty();
    assertThat(find(keptHash)).contains(kept);
  }
}
