package dev.custodian.crm.core.access.service;

import dev.custodian.crm.core.testing.TestGates;
import static dev.custodian.crm.core.workspace.WorkspaceFixtures.aWorkspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.ApiKeyName;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.PermissionMatrix;
import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.access.port.in.ChangeMemberRoleCommand;
import dev.custodian.crm.core.access.port.in.CreateApiKeyCommand;
import dev.custodian.crm.core.access.port.in.InviteMemberCommand;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.error.ForbiddenException;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.port.out.TokenGenerator;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.InMemoryPersistence;
import dev.custodian.crm.core.testing.MutableClock;
import dev.custodian.crm.core.workspace.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The caps between roles, which the standard matrix leaves no way to reach (only an ADMIN or OWNER
 * manages anything, and an ADMIN's only higher role, OWNER, is guarded by its own permission):
 * under a matrix that lets a MEMBER manage, a MEMBER still grants, invites and makes keys only up
 * to MEMBER. So loosening the matrix never lets a role hand out more than it has.
 */
class RoleCapsTest {

  private final InMemoryPersistence ports = new InMemoryPersistence();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final PermissionMatrix looser = looser();
  private final WorkspaceTransactions transactions =
      TestGates.workspaceTransactions(ports, clock, looser);
  private final MemberService members = new MemberService(transactions, ports.memberships(),
      ports.apiKeys(), looser, clock);
  private final InvitationService invitations = new InvitationService(ports.transactions(), transactions,
      ports.invitations(), ports.memberships(), ports.accounts(), ports.mailOutbox(), ports.mailTokens(),
      IdGenerator.random(), clock, Duration.ofDays(7));
  private final ApiKeyService keys = new ApiKeyService(ports.transactions(), transactions, ports.apiKeys(),
      TestGates.gate(ports, clock), TokenGenerator.secureRandom(), IdGenerator.random(), clock);

  private static PermissionMatrix looser() {
    Map<Permission, PermissionMatrix.Grant> grants = new HashMap<>(PermissionMatrix.standard().rows());
    for (Permission managing : new Permission[] {
        Permission.MEMBER_MANAGE, Permission.INVITATION_MANAGE, Permission.API_KEY_MANAGE}) {
      grants.put(managing, new PermissionMatrix.Grant(Role.MEMBER, true, PermissionMatrix.Effect.WRITE));
    }
    return new PermissionMatrix(grants);
  }

  private WorkspaceId aWorkspaceWith(Actor member, Role role, Actor viewer) {
    Workspace workspace = aWorkspace();
    ports.transactions().inPlatform(() -> {
      ports.workspaces().insert(workspace);
      ports.memberships().insert(workspace.id(), member.account(), role, clock.instant());
      ports.memberships().insert(workspace.id(), viewer.account(), Role.VIEWER, clock.instant());
      return null;
    });
    return workspace.id();
  }

  @Test
  @DisplayName("SEC-08: no one grants, invites with or makes a key of a role above their own, whatever the matrix")
  void noOneHandsOutARoleAboveTheirOwn() {
    Actor member = Actor.account(AccountId.of(UUID.randomUUID()));
    Actor viewer = Actor.account(AccountId.of(UUID.randomUUID()));
    WorkspaceId ws = aWorkspaceWith(member, Role.MEMBER, viewer);

    assertThatThrownBy(() -> members.change(member, new ChangeMemberRoleCommand(ws, viewer.account(), Role.ADMIN)))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> invitations.invite(member,
        new InviteMemberCommand(ws, new EmailAddress("grace@example.org"), Role.ADMIN)))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> keys.create(member, new CreateApiKeyCommand(ws, new ApiKeyName("CI"), Role.ADMIN)))
        .isInstanceOf(ForbiddenException.class);
    assertThat(ports.transactions().inPlatform(() -> ports.memberships().roleOf(ws, viewer.account())))
        .contains(Role.VIEWER);
    assertThat(ports.transactions().inPlatform(() -> ports.invitations().rows())).isEmpty();
    assertThat(ports.transactions().inPlatform(() -> ports.apiKeys().rows())).isEmpty();

    // Up to one's own role is allowed: the looser matrix really lets the MEMBER manage.
    assertThat(members.change(member, new ChangeMemberRoleCommand(ws, viewer.account(), Role.MEMBER)).role())
        .isEqualTo(Role.MEMBER);
    assertThat(invitations.invite(member,
        new InviteMemberCommand(ws, new EmailAddress("grace@example.org"), Role.MEMBER)).role()).isEqualTo(Role.MEMBER);
    assertThat(keys.create(member, new CreateApiKeyCommand(ws, new ApiKeyName("CI"), Role.MEMBER)).key().role())
        .isEqualTo(Role.MEMBER);
  }
}
