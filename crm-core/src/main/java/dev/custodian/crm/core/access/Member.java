package dev.custodian.crm.core.access;

import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.account.AccountName;
import dev.custodian.crm.core.common.EmailAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A member as the workspace's other members see them: the account's name and email when the
 * platform has the account (an embedder's own users have none), the role, and when they joined.
 */
public record Member(AccountId account, Optional<AccountName> name, Optional<EmailAddress> email, Role role,
    Instant joinedAt) {

  public Member {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(joinedAt, "joinedAt");
  }
}
