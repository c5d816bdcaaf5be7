package dev.custodian.crm.core.access.port.out;

import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.access.WorkspaceApiKey;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.session.SessionToken;
import dev.custodian.crm.core.session.port.out.SessionRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Out-port: what a request's first statement reads, so that identity and tenancy cost it one round
 * trip. Each method is meant to be one statement of the open transaction that finds the credential
 * (or account) and its membership together; in a workspace transaction, that statement is also
 * the one that binds the transaction to its workspace (an adapter whose transactions bind
 * otherwise just reads). Every method joins the open transaction and fails with
 * {@link IllegalStateException} when none is open. {@link #composed} answers the same from the
 * other stores, in more statements, for an adapter that has no single-statement version.
 */
public interface CredentialLookup {

  /**
   * The session token with this hash, and the role its account has in {@code workspace} (empty:
   * no such token, or no workspace asked, or not a member).
   */
  SessionFound session(String tokenHash, Optional<WorkspaceId> workspace);

  /** The API key with this hash, revoked or not, and its creator's role in the key's own workspace. */
  KeyFound apiKey(String tokenHash);

  /** The account's role in the workspace; empty when it is not a member (or there is no such workspace). */
  Optional<Role> member(WorkspaceId workspace, AccountId account);

  /**
   * As {@link #member}, with whether the workspace is cancelled (RET-02), in the same one
   * statement.
   */
  MemberFound memberOf(WorkspaceId workspace, AccountId account);

  /** An account's role in a workspace (empty: not a member), and whether that workspace is cancelled. */
  record MemberFound(Optional<Role> role, boolean workspaceCancelled) {
    public MemberFound {
      Objects.requireNonNull(role, "role");
    }
  }

  /**
   * A session token as stored, its account's role in the workspace asked about, whether that
   * workspace is cancelled (false when none was asked), and the account's email when the statement
   * read it too (for the audit entries of what the request does; empty: the audit reads it itself).
   */
  record SessionFound(Optional<SessionToken> token, Optional<Role> role, boolean workspaceCancelled,
      Optional<String> email) {
    public SessionFound {
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(email, "email");
    }

    public SessionFound(Optional<SessionToken> token, Optional<Role> role, boolean workspaceCancelled) {
      this(token, role, workspaceCancelled, Optional.empty());
    }
  }

  /**
   * An API key as stored, its creator's role in the key's workspace (empty once they left it),
   * whether the key's workspace is cancelled, and the creator's email when the statement read it too.
   */
  record KeyFound(Optional<WorkspaceApiKey> key, Optional<Role> creatorRole, boolean workspaceCancelled,
      Optional<String> creatorEmail) {
    public KeyFound {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(creatorRole, "creatorRole");
      Objects.requireNonNull(creatorEmail, "creatorEmail");
    }

    public KeyFound(Optional<WorkspaceApiKey> key, Optional<Role> creatorRole, boolean workspaceCancelled) {
      this(key, creatorRole, workspaceCancelled, Optional.empty());
    }
  }

  /**
   * The same answers from the separate stores, a statement per store, for stores without
   * workspaces: every workspace counts as active.
   */
  static CredentialLookup composed(SessionRepository sessions, ApiKeyRepository apiKeys,
      MembershipRepository memberships) {
    return composed(sessions, apiKeys, memberships, workspace -> false);
  }

  /**
   * The same answers from the separate stores: a statement per store.
   *
   * @param cancelled whether a workspace is cancelled (one more statement)
   */
  static CredentialLookup composed(SessionRepository sessions, ApiKeyRepository apiKeys,
      MembershipRepository memberships, Predicate<WorkspaceId> cancelled) {
    Objects.requireNonNull(cancelled, "cancelled");
    Objects.requireNonNull(sessions, "sessions");
    Objects.requireNonNull(apiKeys, "apiKeys");
    Objects.requireNonNull(memberships, "memberships");
    return new CredentialLookup() {
      @Override
      public SessionFound session(String tokenHash, Optional<WorkspaceId> workspace) {
        Optional<SessionToken> token = sessions.findByTokenHash(tokenHash);
        return new SessionFound(token, token.flatMap(
            t -> workspace.flatMap(w -> memberships.roleOf(w, t.session().account()))),
            workspace.map(cancelled::test).orElse(false));
      }

      @Override
      public KeyFound apiKey(String tokenHash) {
        Optional<WorkspaceApiKey> key = apiKeys.findByTokenHash(tokenHash);
        return new KeyFound(key, key.flatMap(k -> memberships.roleOf(k.workspace(), k.createdBy())),
            key.map(k -> cancelled.test(k.workspace())).orElse(false));
      }

      @Override
      public Optional<Role> member(WorkspaceId workspace, AccountId account) {
        return memberships.roleOf(workspace, account);
      }

      @Override
      public MemberFound memberOf(WorkspaceId workspace, AccountId account) {
        return new MemberFound(memberships.roleOf(workspace, account), cancelled.test(workspace));
      }
    };
  }
}
