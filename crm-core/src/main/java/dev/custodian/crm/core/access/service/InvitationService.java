package dev.custodian.crm.core.access.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Invitation;
import dev.custodian.crm.core.access.InvitationId;
import dev.custodian.crm.core.access.Membership;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.port.in.AcceptInvitationUseCase;
import dev.custodian.crm.core.access.port.in.InviteMemberCommand;
import dev.custodian.crm.core.access.port.in.InviteMemberUseCase;
import dev.custodian.crm.core.access.port.in.ListInvitationsUseCase;
import dev.custodian.crm.core.access.port.in.RevokeInvitationUseCase;
import dev.custodian.crm.core.access.port.out.InvitationRepository;
import dev.custodian.crm.core.access.port.out.MembershipRepository;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.account.port.out.AccountRepository;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.ForbiddenException;
import dev.custodian.crm.core.common.error.InvalidTokenException;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.port.out.TokenHash;
import dev.custodian.crm.core.mail.MailTemplate;
import dev.custodian.crm.core.mail.MailTokenPurpose;
import dev.custodian.crm.core.mail.port.out.MailOutbox;
import dev.custodian.crm.core.mail.port.out.MailTokenRepository;
import dev.custodian.crm.core.tenancy.PageQuery;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Services of invitations. An invitation's mail goes through the outbox like every mail: its token
 * is minted when the mail is sent, issued for the invitation (the invited address may have no
 * account yet) and stored only as its SHA-256.
 */
final class InvitationService implements InviteMemberUseCase, ListInvitationsUseCase, RevokeInvitationUseCase,
    AcceptInvitationUseCase {

  /** Longer than any token we mint: anything longer is not one, and is not even hashed. */
  private static final int MAX_TOKEN_LENGTH = 200;

  private final Transactions platform;
  private final WorkspaceTransactions transactions;
  private final InvitationRepository invitations;
  private final MembershipRepository memberships;
  private final AccountRepository accounts;
  private final MailOutbox outbox;
  private final MailTokenRepository tokens;
  private final IdGenerator ids;
  private final Clock clock;
  private final Duration validity;

  InvitationService(Transactions platform, WorkspaceTransactions transactions, InvitationRepository invitations,
      MembershipRepository memberships, AccountRepository accounts, MailOutbox outbox, MailTokenRepository tokens,
      IdGenerator ids, Clock clock, Duration validity) {
    this.platform = Objects.requireNonNull(platform, "platform");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.invitations = Objects.requireNonNull(invitations, "invitations");
    this.memberships = Objects.requireNonNull(memberships, "memberships");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.validity = Objects.requireNonNull(validity, "validity");
  }

  @Override
  public Invitation invite(Actor actor, InviteMemberCommand command) {
    WorkspaceId workspace = command.workspace();
    return transactions.inWorkspaceAs(workspace, actor, Permission.INVITATION_MANAGE, admission -> {
      if (!admission.role().isAtLeast(command.role())) {
        throw new ForbiddenException("no one invites with a role above their own");
      }
      Instant now = Timestamps.now(clock);
      Invitation invitation = Invitation.create(new InvitationId(ids.newId()), workspace, command.email(),
          command.role(), actor.account(), now, now.plus(validity));
      // A newer invitation voids the older; the member check is the same statement.
      if (!invitations.insertReplacingUnlessMember(invitation)) {
        throw new ConflictException(ConflictException.Kind.DUPLICATE, "the address's account is a member already");
      }
      outbox.enqueue(MailTemplate.INVITATION, invitation.id().value(), now);
      transactions.audit(workspace, actor, AuditAction.INVITATION_CREATED, AuditTargetType.INVITATION,
          invitation.id().value(), AuditDetails.none().withName(AuditDetails.Key.ROLE, command.role()));
      return invitation;
    });
  }

  @Override
  public Page<Invitation> list(Actor actor, PageQuery query) {
    Instant now = Timestamps.now(clock);
    return transactions.page(actor, Permission.INVITATION_MANAGE, query,
        (workspace, page) -> invitations.listPending(workspace, now, page));
  }

  @Override
  public void revoke(Actor actor, WorkspaceId workspace, InvitationId invitation) {
    Instant now = Timestamps.now(clock);
    transactions.inWorkspace(workspace, actor, Permission.INVITATION_MANAGE, () -> {
      boolean pending = invitations.findById(invitation)
          .filter(i -> i.workspace().equals(workspace) && i.isPendingAt(now)).isPresent();
      if (!pending || !invitations.revoke(workspace, invitation, now)) {
        throw new NotFoundException("invitation");
      }
      transactions.audit(workspace, actor, AuditAction.INVITATION_REVOKED, AuditTargetType.INVITATION,
          invitation.value(), AuditDetails.none());
      return null;
    });
  }

  @Override
  public Membership accept(AccountId self, String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      throw new InvalidTokenException();
    }
    Instant now = Timestamps.now(clock);
    // One transaction: a refusal below rolls the token's use back, so an account that is not the
    // invited one cannot spend it.
    // The workspace first (read, not used), so the acceptance runs bound to it and its audit entry
    // joins the workspace's chain in the same transaction.
    WorkspaceId workspace = platform.inPlatform(() -> tokens.usableFor(MailTokenPurpose.INVITATION, TokenHash.of(token), now)
        .flatMap(id -> invitations.findById(new InvitationId(id))).map(Invitation::workspace))
        .orElseThrow(InvalidTokenException::new);
    return platform.inWorkspace(workspace, () -> {
      UUID id = tokens.consume(MailTokenPurpose.INVITATION, TokenHash.of(token), now)
          .orElseThrow(InvalidTokenException::new);
      Invitation invitation = invitations.findById(new InvitationId(id))
          .filter(found -> found.workspace().equals(workspace))
          .orElseThrow(() -> new NotFoundException("invitation"));
      if (!now.isBefore(invitation.expiresAt())) {
        throw new InvalidTokenException(); // the invitation's own expiry, whenever its mail was sent
      }
      if (!invitation.isPendingAt(now)) {
        throw new NotFoundException("invitation");
      }
      boolean invited = accounts.findById(self)
          .filter(account -> account.isEmailVerified()
              && account.email().normalised().equals(invitation.email().normalised()))
          .isPresent();
      if (!invited) {
        throw new NotFoundException("invitation");
      }
      // The inviter's authority now, not at invite time: one demoted or removed since cannot grant it.
      memberships.lockAll(invitation.workspace());
      boolean stillEntitled = memberships.roleOf(invitation.workspace(), invitation.invitedBy())
          .filter(inviter -> inviter.isAtLeast(invitation.role())).isPresent();
      if (!stillEntitled) {
        throw new NotFoundException("invitation");
      }
      if (!invitations.markAccepted(invitation.id(), now)) {
        throw new NotFoundException("invitation"); // revoked meanwhile
      }
      memberships.insert(invitation.workspace(), self, invitation.role(), now);
      // The new member's own act, on the workspace's chain: bound to that workspace (the platform transaction joins it).
      transactions.audit(invitation.workspace(), Actor.account(self), AuditAction.INVITATION_ACCEPTED,
          AuditTargetType.INVITATION, invitation.id().value(),
          AuditDetails.none().withName(AuditDetails.Key.ROLE, invitation.role()));
      return memberships.find(invitation.workspace(), self).orElseThrow();
    });
  }
}
