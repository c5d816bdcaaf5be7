package dev.custodian.crm.core.account.service;

import dev.custodian.crm.core.account.PasswordPolicy;
import dev.custodian.crm.core.account.port.in.AccountUseCases;
import dev.custodian.crm.core.account.port.out.AccountRepository;
import dev.custodian.crm.core.account.port.out.AccountSessions;
import dev.custodian.crm.core.account.port.out.CommonPasswords;
import dev.custodian.crm.core.account.port.out.PasswordHasher;
import dev.custodian.crm.core.audit.port.out.AuditLog;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.mail.port.out.MailOutbox;
import dev.custodian.crm.core.mail.port.out.MailTokenRepository;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.throttle.service.Throttle;
import java.time.Clock;

/** Factory: the account use cases over their out-ports. */
public final class AccountServices {

  private AccountServices() {}

  /** @param minimumAge the age a person attests at sign-up; at least 16 (TRN-13) */
  public static AccountUseCases create(Transactions transactions, AccountRepository accounts,
      AccountSessions sessions, PasswordHasher hasher, CommonPasswords commonPasswords, MailOutbox outbox,
      MailTokenRepository tokens,
      Throttle throttle, IdGenerator ids, Clock clock, int minimumAge) {
    return create(transactions, accounts, sessions, hasher, commonPasswords, outbox, tokens, throttle, ids, clock,
        minimumAge, AuditLog.NONE);
  }

  /** As above, recording email verifications and password resets on the platform's audit chain. */
  public static AccountUseCases create(Transactions transactions, AccountRepository accounts,
      AccountSessions sessions, PasswordHasher hasher, CommonPasswords commonPasswords, MailOutbox outbox,
      MailTokenRepository tokens,
      Throttle throttle, IdGenerator ids, Clock clock, int minimumAge, AuditLog audit) {
    AccountService service = new AccountService(transactions, accounts, sessions, hasher, outbox, tokens, throttle,
        ids, clock, minimumAge, audit);
    return new AccountUseCases(new PasswordPolicy(commonPasswords::contains), service, service, service,
        service, service, service, service);
  }
}
