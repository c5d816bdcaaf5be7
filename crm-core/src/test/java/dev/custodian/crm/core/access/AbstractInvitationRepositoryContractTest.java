package dev.custodian.crm.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.access.port.out.InvitationRepository;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.common.paging.UuidOrder;
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
 * Contract of {@link InvitationRepository}: platform-level invitations, used in a workspace's
 * transaction (invite, list, revoke) and in a platform one (accept). A workspace's pending ones are
 * walked oldest first; revocation and acceptance each happen once and exclude each other; a new
 * invitation's revocation of the older ones compares normalised addresses within one workspace. A
 * subclass registers the extension that provides its {@link PortFixture} and supplies the repository.
 */
public abstract class AbstractInvitationRepositoryContractTest extends AbstractPortContractTest {

  private static final Instant NOW = Instant.parse("2026-07-08T09:10:11.123456Z");
  private static final Duration VALIDITY = Duration.ofDays(7);

  protected InvitationRepository invitations;

  /** The repository under test, joining the fixture's transactions. */
  protected abstract InvitationRepository invitations();

  @Override
  protected void portsReady() {
    invitations = invitations();
  }

  private static Invitation anInvitation(WorkspaceId workspace, String email, Instant createdAt, UUID id) {
    return Invitation.create(new InvitationId(id), workspace, new EmailAddress(email), Role.MEMBER,
        AccountId.of(UUID.randomUUID()), createdAt, createdAt.plus(VALIDITY));
  }

  private static Invitation anInvitation(WorkspaceId workspace, String email) {
    return anInvitation(workspace, email, NOW, UUID.randomUUID());
  }

  private Invitation stored(Invitation invitation) {
    tx.inPlatform(() -> { invitations.insert(invitation); return null; });
    return invitation;
  }

  private Optional<Invitation> find(InvitationId id) {
    return tx.inPlatform(() -> invitations.findById(id));
  }

  private List<Invitation> walkPending(WorkspaceId workspace, Instant now) {
    return KeysetWalkCheck.walk(new KeysetWalkCheck.Store<Invitation>() {
      @Override
      public void insert(List<KeysetWalkCheck.Position> positions) {
        throw new UnsupportedOperationException("the walk only reads");
      }

      @Override
      public Page<Invitation> list(PageRequest request) {
        return in(workspace, () -> invitations.listPending(workspace, now, request));
      }
    }, 2);
  }

  @Test
  void givenAnInvitation_whenStored_thenFoundAsStored_atMicroseconds_inAPlatformAndInTheWorkspacesTransaction() {
    Instant created = Instant.parse("2026-07-08T09:10:11.123456789Z");
    Invitation invitation = Invitation.create(new InvitationId(UUID.randomUUID()), a,
        new EmailAddress("Ada.Lovelace@Example.org"), Role.ADMIN, AccountId.of(UUID.randomUUID()), created,
        created.plus(VALIDITY));
    in(a, () -> { invitations.insert(invitation); return null; });

    assertThat(find(invitation.id())).contains(invitation);
    assertThat(in(a, () -> invitations.findById(invitation.id()))).contains(invitation);
    assertThat(find(invitation.id()).orElseThrow().email().value()).as("as given").isEqualTo("Ada.Lovelace@Example.org");
    assertThat(find(invitation.id()).orElseThrow().createdAt()).isEqualTo(created.truncatedTo(ChronoUnit.MICROS));
    assertThat(find(new InvitationId(UUID.randomUUID()))).isEmpty();
  }

  @Test
  void listPending_walksTheWorkspacesPendingInvitations_oldestFirst_thenByIdInUnsignedUuidOrder() {
    Instant tie = NOW.minus(Duration.ofHours(1));
    List<Invitation> pending = new ArrayList<>();
    // Ids whose high bit is set sort after the others in PostgreSQL, before them with UUID.compareTo.
    for (String id : List.of("ffffffff-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002",
        "80000000-0000-4000-8000-000000000003")) {
      pending.add(stored(anInvitation(a, "p-" + id + "@example.org", tie, UUID.fromString(id))));
    }
    pending.add(stored(anInvitation(a, "older@example.org", tie.minus(1, ChronoUnit.MICROS), UUID.randomUUID())));
    pending.add(stored(anInvitation(a, "newer@example.org", tie.plusMillis(1), UUID.randomUUID())));
    // Not pending: accepted, revoked, expired (at now exactly), or another workspace's.
    Invitation accepted = stored(anInvitation(a, "accepted@example.org"));
    Invitation revoked = stored(anInvitation(a, "revoked@example.org"));
    stored(anInvitation(a, "expired@example.org", NOW.minus(VALIDITY), UUID.randomUUID()));
    stored(anInvitation(b, "elsewhere@example.org"));
    tx.inPlatform(() -> {
      invitations.markAccepted(accepted.id(), NOW);
      invitations.revoke(a, revoked.id(), NOW);
      return null;
    });
    pending.sort(Comparator.comparing(Invitation::createdAt).thenComparing(i -> i.id().value(), UuidOrder.UNSIGNED));

    List<Invitation> walked = walkPending(a, NOW);

    assertThat(walked).containsExactlyElementsOf(pending);
    assertThat(walked.get(1).id().value()).isEqualTo(UUID.fromString("00000000-0000-4000-8000-000000000002"));
    assertThat(walked.get(3).id().value()).isEqualTo(UUID.fromString("ffffffff-0000-4000-8000-000000000001"));
    assertThat(walkPending(a, NOW.minus(1, ChronoUnit.MICROS)))
        .as("the one expiring at NOW was pending a moment before")
        .hasSize(pending.size() + 1);
  }

  @Test
  void revoke_happensOnce_onlyForTheInvitationsOwnWorkspace_andNotAfterAcceptance() {
    Invitation invitation = stored(anInvitation(a, "ada@example.org"));
    Invitation accepted = stored(anInvitation(a, "grace@example.org"));
    tx.inPlatform(() -> invitations.markAccepted(accepted.id(), NOW));

    assertThat(in(b, () -> invitations.revoke(b, invitation.id(), NOW))).as("another workspace's").isFalse();
    assertThat(find(invitation.id()).orElseThrow().revokedAt()).isEmpty();

    Instant at = NOW.plusSeconds(5);
    assertThat(in(a, () -> invitations.revoke(a, invitation.id(), at))).isTrue();
    assertThat(in(a, () -> invitations.revoke(a, invitation.id(), at.plusSeconds(1)))).isFalse();
    assertThat(find(invitation.id()).orElseThrow().revokedAt()).contains(at);

    assertThat(in(a, () -> invitations.revoke(a, accepted.id(), at))).isFalse();
    assertThat(find(accepted.id()).orElseThrow().revokedAt()).isEmpty();
    assertThat(in(a, () -> invitations.revoke(a, new InvitationId(UUID.randomUUID()), at))).isFalse();
  }

  @Test
  void insertReplacing_revokesTheWorkspacesOpenInvitationsToTheNormalisedAddress_only_atTheNewOnesCreation() {
    Invitation first = stored(anInvitation(a, "Ada@Example.org"));
    Invitation second = stored(anInvitation(a, "ada@example.org"));
    Invitation accepted = stored(anInvitation(a, "ADA@example.org"));
    Invitation otherAddress = stored(anInvitation(a, "grace@example.org"));
    Invitation otherWorkspace = stored(anInvitation(b, "ada@example.org"));
    tx.inPlatform(() -> invitations.markAccepted(accepted.id(), NOW));

    Instant at = NOW.plusSeconds(1);
    Invitation newest = Invitation.create(new InvitationId(UUID.randomUUID()), a, new EmailAddress("aDa@exAmple.ORG"),
        Role.MEMBER, AccountId.of(UUID.randomUUID()), at, at.plus(Duration.ofDays(7)));
    in(a, () -> {
      invitations.insertReplacing(newest);
      return null;
    });

    assertThat(find(first.id()).orElseThrow().revokedAt()).contains(at);
    assertThat(find(second.id()).orElseThrow().revokedAt()).contains(at);
    assertThat(find(newest.id())).contains(newest);
    assertThat(find(accepted.id()).orElseThrow().revokedAt()).isEmpty();
    assertThat(find(otherAddress.id()).orElseThrow().revokedAt()).isEmpty();
    assertThat(find(otherWorkspace.id()).orElseThrow().revokedAt()).isEmpty();
  }

  @Test
  void markAccepted_happensOnce_andNotAfterRevocation() {
    Invitation invitation = stored(anInvitation(a, "ada@example.org"));
    Invitation revoked = stored(anInvitation(a, "grace@example.org"));
    in(a, () -> invitations.revoke(a, revoked.id(), NOW));

    Instant at = NOW.plusSeconds(3);
    assertThat(tx.inPlatform(() -> invitations.markAccepted(invitation.id(), at))).isTrue();
    assertThat(tx.inPlatform(() -> invitations.markAccepted(invitation.id(), at.plusSeconds(1)))).isFalse();
    assertThat(find(invitation.id()).orElseThrow().acceptedAt()).contains(at);

    assertThat(tx.inPlatform(() -> invitations.markAccepted(revoked.id(), at))).isFalse();
    assertThat(find(revoked.id()).orElseThrow().acceptedAt()).isEmpty();
    assertThat(tx.inPlatform(() -> invitations.markAccepted(new InvitationId(UUID.randomUUID()), at))).isFalse();
  }

  @Test
  void givenNoOpenTransaction_whenCalled_thenFailsLoudly() {
    Invitation invitation = anInvitation(a, "ada@example.org");
    assertThatThrownBy(() -> invitations.insert(invitation)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> invitations.findById(invitation.id())).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> invitations.listPending(a, NOW, PageRequest.first(10)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> invitations.revoke(a, invitation.id(), NOW)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> invitations.insertReplacing(anInvitation(a, "ada@example.org")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> invitations.markAccepted(invitation.id(), NOW)).isInstanceOf(IllegalStateException.class);
    assertThat(find(invitation.id())).isEmpty();
  }

  @Test
  void givenExceptionInTheTransaction_thenTheInvitationAndItsChangesAreRolledBack() {
    Invitation kept = stored(anInvitation(a, "grace@example.org"));
    Invitation invitation = anInvitation(a, "ada@example.org");
    assertThatThrownBy(() -> in(a, () -> {
      invitations.insert(invitation);
      invitations.revoke(a, kept.id(), NOW);
      throw new IllegalStateException("boom");
    })).hasMessage("boom");

    assertThat(find(invitation.id())).isEmpty();
    assertThat(find(kept.id())).contains(kept);
  }
}
