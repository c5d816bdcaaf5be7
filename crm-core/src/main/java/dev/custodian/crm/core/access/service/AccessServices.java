package dev.custodian.crm.core.access.service;

import dev.custodian.crm.core.access.port.in.AccessUseCases;
import dev.custodian.crm.core.access.port.out.ApiKeyRepository;
import dev.custodian.crm.core.access.port.out.InvitationRepository;
import dev.custodian.crm.core.access.port.out.MemberDepartures;
import dev.custodian.crm.core.access.port.out.MembershipRepository;
import dev.custodian.crm.core.account.port.out.AccountRepository;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.port.out.TokenGenerator;
import dev.custodian.crm.core.mail.MailTokenPurpose;
import dev.custodian.crm.core.mail.port.out.MailOutbox;
import dev.custodian.crm.core.mail.port.out.MailTokenRepository;
import dev.custodian.crm.core.tenancy.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Factory: the access use cases (members, invitations, API keys) over their out-ports. */
public final class AccessServices {

  private AccessServices() {}

  /** @param invitationValidity how long an invitation stays pending: more than zero, at most 7 days */
  /**
   * @param inWorkspace the embedder's one {@link WorkspaceTransactions}, whose {@link Gate} also
   *     authenticates API keys here
   */
  public static AccessUseCases create(Transactions transactions, WorkspaceTransactions inWorkspace, Gate gate,
      MembershipRepository memberships,
      InvitationRepository invitations, ApiKeyRepository apiKeys, AccountRepository accounts, MailOutbox outbox,
      MailTokenRepository mailTokens, TokenGenerator tokens, IdGenerator ids, Clock clock, Duration invitationValidity) {
    return create(transactions, inWorkspace, gate, memberships, invitations, apiKeys, accounts, outbox, mailTokens,
        tokens, ids, clock, invitationValidity, List.of());
  }

  /** @param departures the stores told, in the same transaction, when a member is removed or leaves */
  public static AccessUseCases create(Transactions transactions, WorkspaceTransactions inWorkspace, Gate gate,
      MembershipRepository memberships,
      InvitationRepository invitations, ApiKeyRepository apiKeys, AccountRepository accounts, MailOutbox outbox,
      MailTokenRepository mailTokens, TokenGenerator tokens, IdGenerator ids, Clock clock, Duration invitationValidity,
      List<MemberDepartures> departures) {
    if (invitationValidity.isNegative() || invitationValidity.isZero()
        || invitationValidity.compareTo(MailTokenPurpose.INVITATION.maxTtl()) > 0) {
      throw new IllegalArgumentException("an invitation lives more than zero and at most "
          + MailTokenPurpose.INVITATION.maxTtl());
    }
    MemberService members = new MemberService(inWorkspace, memberships, apiKeys, inWorkspace.matrix(), clock,
        departures);
    InvitationService invitationService = new InvitationService(transactions, inWorkspace, invitations, memberships,
        accounts, outbox, mailTokens, ids, clock, invitationValidity);
    ApiKeyService keys = new ApiKeyService(transactions, inWorkspace, apiKeys, gate, tokens, ids, clock);
    return new AccessUseCases(members, members, members, invitationService, invitationService, invitationService,
        invitationService, keys, keys, keys, keys);
  }
}
