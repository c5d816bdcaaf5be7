package dev.custodian.crm.core.access;

import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;

/**
 * Who a use case runs for: every use case on a workspace's data takes one and lets it in only as a
 * member with the permission the use case needs. A signed-in account, or an API key acting for its
 * workspace. An embedder that signs people in itself supplies {@link #account(AccountId)}.
 */
public sealed interface Actor {

  /** The account whose membership counts: the signed-in person, or the key's creator. */
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

  /**
   * An API key of one workspace: it acts there only, with the lower of its own role and its
   * creator's current one, and never for what only a person may do.
   */
  record ApiKey(ApiKeyId key, WorkspaceId workspace, AccountId creator, Role role) implements Actor {
    public ApiKey {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(workspace, "workspace");
      Objects.requireNonNull(creator, "creator");
      Objects.requireNonNull(role, "role");
    }

    @Override
    public AccountId account() {
      return creator;
    }
  }
}
