package dev.custodian.crm.core.testing;

import dev.custodian.crm.core.Persistence;
import dev.custodian.crm.core.access.PermissionMatrix;
import dev.custodian.crm.core.access.port.out.CredentialLookup;
import dev.custodian.crm.core.access.port.out.MembershipRepository;
import dev.custodian.crm.core.access.service.Gate;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.access.InMemoryApiKeyRepository;
import dev.custodian.crm.core.common.port.out.TokenGenerator;
import dev.custodian.crm.core.session.InMemorySessionRepository;
import dev.custodian.crm.core.session.SessionPolicy;
import dev.custodian.crm.core.session.service.SessionTokenCheck;
import java.time.Clock;

/** The access gate and the workspace transactions over it, wired for tests as {@code Custodian} wires them. */
public final class TestGates {

  private TestGates() {}

  /** Over a whole persistence: sessions, API keys and accounts as they are stored there. */
  public static Gate gate(Persistence persistence, Clock clock) {
    return new Gate(persistence.credentials(), persistence.apiKeys(),
        new SessionTokenCheck(persistence.sessions(), TokenGenerator.secureRandom(), clock, SessionPolicy.defaults()),
        clock);
  }

  public static WorkspaceTransactions workspaceTransactions(Persistence persistence, Clock clock) {
    return new WorkspaceTransactions(persistence.transactions(), persistence.memberships(), gate(persistence, clock));
  }

  public static WorkspaceTransactions workspaceTransactions(Persistence persistence, Clock clock,
      PermissionMatrix matrix) {
    return new WorkspaceTransactions(persistence.transactions(), persistence.memberships(), gate(persistence, clock),
        matrix);
  }

  /** For tests whose actors are known accounts: memberships only, no session or key is ever found. */
  public static WorkspaceTransactions workspaceTransactions(InMemoryTransactions tx, MembershipRepository memberships) {
    InMemorySessionRepository sessions = new InMemorySessionRepository(tx);
    InMemoryApiKeyRepository apiKeys = new InMemoryApiKeyRepository(tx);
    Clock clock = Clock.systemUTC();
    Gate gate = new Gate(CredentialLookup.composed(sessions, apiKeys, memberships), apiKeys,
        new SessionTokenCheck(sessions, TokenGenerator.secureRandom(), clock, SessionPolicy.defaults()), clock);
    return new WorkspaceTransactions(tx, memberships, gate);
  }
}
