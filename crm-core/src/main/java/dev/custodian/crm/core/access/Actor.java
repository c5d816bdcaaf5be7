package dev.custodian.crm.core.access;

import dev.custodian.crm.core.account.AccountId;
import java.util.Objects;

/**
 * Who a use case runs for: every use case on a workspace's data takes one and lets it in only as
 * a member. Today an actor is a signed-in account; API keys and system jobs come later as further
 * kinds. An embedder that signs people in itself supplies {@link #account(AccountId)}.
 */
public sealed interface Actor {

  /** The account this actor acts as (whose memberships count). */
  AccountId account();

  /** A person signed in with their account. */
  static Actor account(AccountId account) {
    return new SignedIn(account);
  }

  /** A person signed in with their account, e.g. through a session. */
  record SignedIn(AccountId account) implements Actor {
    public SignedIn {
      Objects.requireNonNull(account, "account");
    }
  }
}
