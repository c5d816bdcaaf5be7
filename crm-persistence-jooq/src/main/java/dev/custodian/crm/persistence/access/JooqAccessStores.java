package dev.custodian.crm.persistence.access;

import dev.custodian.crm.core.access.port.out.ApiKeyRepository;
import dev.custodian.crm.core.access.port.out.CredentialLookup;
import dev.custodian.crm.core.access.port.out.InvitationRepository;
import dev.custodian.crm.core.access.port.out.MembershipRepository;
import dev.custodian.crm.persistence.common.JooqTransactions;

/**
 * Persistence adapter, the access feature's entry: its membership, invitation and API-key
 * repositories over the adapter's {@link JooqTransactions}.
 */
public final class JooqAccessStores {

  private JooqAccessStores() {}

  public static MembershipRepository memberships(JooqTransactions transactions) {
    return new JooqMembershipRepository(transactions);
  }

  public static InvitationRepository invitations(JooqTransactions transactions) {
    return new JooqInvitationRepository(transactions);
  }

  public static ApiKeyRepository apiKeys(JooqTransactions transactions) {
    return new JooqApiKeyRepository(transactions);
  }

  public static CredentialLookup credentials(JooqTransactions transactions) {
    return new JooqCredentialLookup(transactions);
  }
}
