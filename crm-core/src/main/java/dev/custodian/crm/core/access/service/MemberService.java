package dev.custodian.crm.core.access.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Member;
import dev.custodian.crm.core.access.Membership;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.PermissionMatrix;
import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.access.port.in.ChangeMemberRoleCommand;
import dev.custodian.crm.core.access.port.in.ChangeMemberRoleUseCase;
import dev.custodian.crm.core.access.port.in.ListMembersUseCase;
import dev.custodian.crm.core.access.port.in.RemoveMemberUseCase;
import dev.custodian.crm.core.access.port.out.ApiKeyRepository;
import dev.custodian.crm.core.access.port.out.MemberDepartures;
import dev.custodian.crm.core.access.port.out.MembershipRepository;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.CrmException;
import dev.custodian.crm.core.common.error.ForbiddenException;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.tenancy.PageQuery;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Services of members: the list, role changes and removals. Every change runs in
 * {@link WorkspaceTransactions#inLockedWorkspaceAs}, so two owners demoting each other at once are
 * serialised and the second is checked against what the first left.
 */
final class MemberService implements ListMembersUseCase, ChangeMemberRoleUseCase, RemoveMemberUseCase {

  private final WorkspaceTransactions transactions;
  private final MembershipRepository memberships;
  private final ApiKeyRepository apiKeys;
  private final PermissionMatrix matrix;
  private final Clock clock;
  private final List<MemberDepartures> departures;

  MemberService(WorkspaceTransactions transactions, MembershipRepository memberships,
      ApiKeyRepository apiKeys, PermissionMatrix matrix, Clock clock) {
    this(transactions, memberships, apiKeys, matrix, clock, List.of());
  }

  MemberService(WorkspaceTransactions transactions, MembershipRepository memberships,
      ApiKeyRepository apiKeys, PermissionMatrix matrix, Clock clock, List<MemberDepartures> departures) {
    this.departures = List.copyOf(departures);
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.memberships = Objects.requireNonNull(memberships, "memberships");
    this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
    this.matrix = Objects.requireNonNull(matrix, "matrix");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Page<Member> list(Actor actor, PageQuery query) {
    return transactions.page(actor, Permission.MEMBER_READ, query, memberships::members);
  }

  @Override
  public Membership change(Actor actor, ChangeMemberRoleCommand command) {
    WorkspaceId workspace = command.workspace();
    return transactions.inLockedWorkspaceAs(workspace, actor, Permission.MEMBER_MANAGE, admission -> {
      Role own = admission.role();
      Role current = memberships.roleOf(workspace, command.member()).orElseThrow(() -> new NotFoundException("member"));
      if ((current == Role.OWNER || command.role() == Role.OWNER)
          && !matrix.allows(admission.actor(), own, Permission.OWNER_MANAGE)) {
        throw new ForbiddenException("only an OWNER grants OWNER or changes an OWNER's role");
      }
      if (!own.isAtLeast(command.role()) || !own.isAtLeast(current)) {
        throw new ForbiddenException("no one grants a role above their own, nor changes a member above them");
      }
      if (current == Role.OWNER && command.role() != Role.OWNER) {
        requireAnotherOwner(workspace);
      }
      memberships.changeRole(workspace, command.member(), command.role());
      transactions.audit(workspace, actor, AuditAction.MEMBER_ROLE_CHANGED, AuditTargetType.MEMBER,
          command.member().value(), AuditDetails.none().withName(AuditDetails.Key.PREVIOUS_ROLE, current)
              .withName(AuditDetails.Key.ROLE, command.role()));
      return memberships.find(workspace, command.member()).orElseThrow(() -> new NotFoundException("member"));
    });
  }

  @Override
  public void remove(Actor actor, WorkspaceId workspace, AccountId member) {
    // Entered with the least any member has: who is leaving is known once the credential let someone in.
    transactions.inLockedWorkspaceAs(workspace, actor, Permission.MEMBERSHIP_LEAVE, admission -> {
      Role own = admission.role();
      boolean leaving = member.equals(admission.actor().account()) && admission.actor() instanceof Actor.SignedIn;
      if (!leaving) {
        transactions.require(admission, Permission.MEMBER_MANAGE);
      }
      Role current = memberships.roleOf(workspace, member).orElseThrow(() -> new NotFoundException("member"));
      if (current == Role.OWNER && !leaving && !matrix.allows(admission.actor(), own, Permission.OWNER_MANAGE)) {
        throw new ForbiddenException("only an OWNER removes an OWNER");
      }
      if (!leaving && !own.isAtLeast(current)) {
        throw new ForbiddenException("no one removes a member above them");
      }
      if (current == Role.OWNER) {
        requireAnotherOwner(workspace);
      }
      memberships.remove(workspace, member);
      apiKeys.revokeAllOf(workspace, member, Timestamps.now(clock)); // a key dies with its creator's membership
      for (MemberDepartures store : departures) {
        store.memberLeft(workspace, member); // e.g. their tasks are unassigned
      }
      transactions.audit(workspace, actor, leaving ? AuditAction.MEMBER_LEFT : AuditAction.MEMBER_REMOVED,
          AuditTargetType.MEMBER, member.value(), AuditDetails.none().withName(AuditDetails.Key.ROLE, current));
      return null;
    });
  }

  private void requireAnotherOwner(WorkspaceId workspace) {
    if (memberships.countOwners(workspace) <= 1) {
      throw new ConflictException(CrmException.Kind.LAST_OWNER,
          "the workspace's last OWNER cannot leave, be removed or be demoted; make another member OWNER first");
    }
  }
}
