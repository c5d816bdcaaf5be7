package dev.custodian.crm.core.account.port.out;

import dev.custodian.crm.core.account.AccountId;
import java.time.Instant;

/**
 * Out-port: ends an account's sessions when its password is replaced (ACC-07), so a password
 * reset logs out whoever knew the old one. The session feature's store implements it.
 */
@FunctionalInterface
public interface AccountSessions {

  /** Revokes every live session of the account; returns how many. Joins the open transaction. */
  int endAllSessions(AccountId account, Instant at);
}
