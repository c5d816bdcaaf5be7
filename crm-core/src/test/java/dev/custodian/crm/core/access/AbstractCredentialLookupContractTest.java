package dev.custodian.crm.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.access.port.out.ApiKeyRepository;
import dev.custodian.crm.core.access.port.out.CredentialLookup;
import dev.custodian.crm.core.access.port.out.MembershipRepository;
import dev.custodian.crm.core.account.Account;
import dev.custodian.crm.core.account.AccountFixtures;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.port.out.TokenGenerator;
import dev.custodian.crm.core.common.port.out.TokenHash;
import dev.custodian.crm.core.session.Session;
import dev.custodian.crm.core.session.SessionId;
import dev.custodian.crm.core.session.SessionPolicy;
import dev.custodian.crm.core.session.SessionToken;
import dev.custodian.crm.core.session.port.out.SessionRepository;
import dev.custodian.crm.core.testing.AbstractPortContractTest;
import dev.custodian.crm.core.testing.PortFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link CredentialLookup}: the same answers as the stores it reads (a session token
 * with its account's role in the workspace asked about; an API key, revoked or not, with its
 * creator's role in the key's workspace; an account's role), in a platform transaction and in a
 * workspace transaction alike. A subclass registers the extension that provides its
 * {@link PortFixture} and supplies the stores and the lookup, all joining the fixture's transactions.
 */
public abstract class AbstractCredentialLookupContractTest extends AbstractPortContractTest {

  private static final Instant NOW = Instant.parse("2026-08-09T10:11:12.123456Z");
  private static final TokenGenerator TOKENS = TokenGenerator.secureRandom();

  protected CredentialLookup lookup;
  protected SessionRepository sessions;
  protected ApiKeyRepository apiKeys;
  protected MembershipRepository memberships;

  private AccountId ada;
  private String adaEmail;
  private final AccountId outsider = AccountId.of(UUID.randomUUID());

  protected abstract CredentialLookup lookup();

  protected abstract SessionRepository sessions();

  protected abstract ApiKeyRepository apiKeys();

  @Override
  protected void portsReady() {
    lookup = lookup();
    sessions = sessions();
    apiKeys = apiKeys();
  }

  @BeforeEach
  void adaIsAnAdminOfA(PortFixture ports) {
    memberships = ports.memberships();
    Account account = AccountFixtures.anAccount(); // a session's account is stored
    ada = account.id();
    adaEmail = account.email().value();
    tx.inPlatform(() -> {
      ports.accounts().insert(account);
      memberships.insert(a, ada, Role.ADMIN, NOW);
      return null;
    });
  }

  private String aSession(AccountId account) {
    String hash = TokenHash.of(TOKENS.newToken(SessionPolicy.TOKEN_PREFIX));
    Session session = Session.start(new SessionId(UUID.randomUUID()), account, NOW, NOW.plus(Duration.ofDays(30)));
    tx.inPlatform(() -> {
      sessions.insert(session, hash);
      return null;
    });
    return hash;
  }

  private String aKey(AccountId creator, Role role) {
    String hash = TokenHash.of(TOKENS.newToken(WorkspaceApiKey.TOKEN_PREFIX));
    WorkspaceApiKey key = WorkspaceApiKey.create(new ApiKeyId(UUID.randomUUID()), a, new ApiKeyName("CI"), role,
        creator, NOW);
    tx.inPlatform(() -> {
      apiKeys.insert(key, hash);
      return null;
    });
    return hash;
  }

  @Test
  void aSessionToken_isFoundAsTheSessionStoreHasIt_withItsAccountsRoleInTheWorkspaceAsked() {
    String hash = aSession(ada);
    Optional<SessionToken> stored = tx.inPlatform(() -> sessions.findByTokenHash(hash));

    CredentialLookup.SessionFound inA = in(a, () -> lookup.session(hash, Optional.of(a)));
    CredentialLookup.SessionFound inB = in(b, () -> lookup.session(hash, Optional.of(b)));
    CredentialLookup.SessionFound inPlatform = tx.inPlatform(() -> lookup.session(hash, Optional.empty()));

    assertThat(inA.token()).isPresent().isEqualTo(stored);
    assertThat(inA.role()).contains(Role.ADMIN);
    assertThat(inB.token()).isEqualTo(stored);
    assertThat(inB.role()).as("not a member of b").isEmpty();
    assertThat(inPlatform.token()).isEqualTo(stored);
    assertThat(inPlatform.role()).as("no workspace asked").isEmpty();
    assertThat(inA.email()).as("the account's email, read along, or nothing").isIn(Optional.of(adaEmail), Optional.empty());
  }

  @Test
  void anUnknownSessionToken_isNothing() {
    aSession(ada);
    CredentialLookup.SessionFound found =
        in(a, () -> lookup.session(TokenHash.of(TOKENS.newToken(SessionPolicy.TOKEN_PREFIX)), Optional.of(a)));

    assertThat(found.token()).isEmpty();
    assertThat(found.role()).isEmpty();
  }

  @Test
  void anApiKey_isFoundRevokedOrNot_withItsCreatorsRoleInItsWorkspace_inAnyTransaction() {
    String hash = aKey(ada, Role.MEMBER);
    WorkspaceApiKey stored = tx.inPlatform(() -> apiKeys.findByTokenHash(hash)).orElseThrow();

    CredentialLookup.KeyFound found = tx.inPlatform(() -> lookup.apiKey(hash));
    assertThat(found.key()).contains(stored);
    assertThat(found.creatorRole()).contains(Role.ADMIN);
    assertThat(found.workspaceCancelled()).isFalse();
    assertThat(found.creatorEmail()).as("the creator's email, read along, or nothing")
        .isIn(Optional.of(adaEmail), Optional.empty());
    assertThat(in(b, () -> lookup.apiKey(hash)))
        .as("asked in another workspace's transaction: the same answer, the caller compares workspaces")
        .isEqualTo(found);

    in(a, () -> apiKeys.revoke(a, stored.id(), NOW.plusSeconds(1)));
    assertThat(in(a, () -> lookup.apiKey(hash)).key().orElseThrow().revokedAt()).contains(NOW.plusSeconds(1));
  }

  @Test
  void anApiKeyWhoseCreatorLeft_isFoundWithoutARole_andAnUnknownOneIsNothing() {
    String orphan = aKey(outsider, Role.VIEWER);

    assertThat(in(a, () -> lookup.apiKey(orphan)).key()).isPresent();
    assertThat(in(a, () -> lookup.apiKey(orphan)).creatorRole()).isEmpty();
    CredentialLookup.KeyFound unknown =
        in(a, () -> lookup.apiKey(TokenHash.of(TOKENS.newToken(WorkspaceApiKey.TOKEN_PREFIX))));
    assertThat(unknown.key()).isEmpty();
    assertThat(unknown.creatorRole()).isEmpty();
    assertThat(unknown.creatorEmail()).isEmpty();
    assertThat(unknown.workspaceCancelled()).isFalse();
  }

  @Test
  void anAccountsRole_isItsMembershipThere() {
    assertThat(in(a, () -> lookup.member(a, ada))).contains(Role.ADMIN);
    assertThat(tx.inPlatform(() -> lookup.member(a, ada))).contains(Role.ADMIN);
    assertThat(in(b, () -> lookup.member(b, ada))).isEmpty();
    assertThat(in(a, () -> lookup.member(a, outsider))).isEmpty();
  }
}
