package dev.custodian.crm.core.session.service;

import dev.custodian.crm.core.account.PasswordPolicy;
import dev.custodian.crm.core.account.port.out.AccountRepository;
import dev.custodian.crm.core.account.port.out.CommonPasswords;
import dev.custodian.crm.core.account.port.out.PasswordHasher;
import dev.custodian.crm.core.audit.port.out.AuditLog;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.port.out.TokenGenerator;
import dev.custodian.crm.core.session.SessionPolicy;
import dev.custodian.crm.core.session.port.in.SessionUseCases;
import dev.custodian.crm.core.session.port.out.SessionRepository;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.throttle.service.Throttle;
import java.time.Clock;

/** Factory: the session use cases over their out-ports. */
public final class SessionServices {

  private SessionServices() {}

  /**
   * Hashes one random password with {@code hasher} now, as the stand-in an unknown email is
   * checked against (so it costs what a wrong password costs).
   */
  public static SessionUseCases create(Transactions transactions, SessionRepository sessions,
      AccountRepository accounts, PasswordHasher hasher, CommonPasswords commonPasswords, Throttle throttle,
      TokenGenerator tokens, IdGenerator ids, Clock clock, SessionPolicy policy) {
    return create(transactions, sessions, accounts, hasher, commonPasswords, throttle, tokens, ids, clock, policy,
        AuditLog.NONE);
  }

  /** As above, recording sign-ins, sign-outs, password changes and token reuse on the platform's audit chain. */
  public static SessionUseCases create(Transactions transactions, SessionRepository sessions,
      AccountRepository accounts, PasswordHasher hasher, CommonPasswords commonPasswords, Throttle throttle,
      TokenGenerator tokens, IdGenerator ids, Clock clock, SessionPolicy policy, AuditLog audit) {
    SessionService service = new SessionService(transactions, sessions, accounts, hasher, throttle, tokens, ids,
        clock, policy, audit);
    return new SessionUseCases(new PasswordPolicy(commonPasswords::contains), service, service, service, service, service);
  }
}
