package dev.custodian.crm.core.access.port.out;

import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.access.WorkspaceApiKey;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.session.SessionToken;
import dev.custodian.crm.core.session.port.out.SessionRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.Optional;

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
   * A session token as stored, its account's role in the workspace asked about, and the account's
   * email when the statement read it too (for the audit entries of what the request does; empty:
   * the audit reads it itself).
   */
  record SessionFound(Optional<SessionToken> token, Optional<Role> role, Optional<String> email) {
    public SessionFound {
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(email, "email");
    }

    public SessionFound(Optional<SessionToken> token, Optional<Role> role) {
      this(token, role, Optional.empty());
    }
  }

  /**
   * An API key as stored, its creator's role in the key's workspace (empty once they left it), and
   * the creator's email when the statement read it too.
   */
  record KeyFound(Optional<WorkspaceApiKey> key, Optional<Role> creatorRole, Optional<String> creatorEmail) {
    public KeyFound {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(creatorRole, "creatorRole");
      Objects.requireNonNull(creatorEmail, "creatorEmail");
    }

    public KeyFound(Optional<WorkspaceApiKey> key, Optional<Role> creatorRole) {
      this(key, creatorRole, Optional.empty());
    }
  }

  /** The same answers from the separate stores: a statement per store. */
  static CredentialLookup composed(SessionRepository sessions, ApiKeyRepository apiKeys,
      MembershipRepository memberships) {
    Objects.requireNonNull(sessions, "sessions");
    Objects.requireNonNull(apiKeys, "apiKeys");
    Objects.requireNonNull(memberships, "memberships");
    return new CredentialLookup() {
      @Override
      public SessionFound session(String tokenHash, Optional<WorkspaceId> workspace) {
        Optional<SessionToken> token = sessions.findByTokenHash(tokenHash);
        return new SessionFound(token, token.flatMap(
            t -> workspace.flatMap(w -> memberships.roleOf(w, t.session().account()))));
      }

      @Override
      public KeyFound apiKey(String tokenHash) {
        Optional<WorkspaceApiKey> key = apiKeys.findByTokenHash(tokenHash);
        return new KeyFound(key, key.flatMap(k -> memberships.roleOf(k.workspace(), k.createdBy())));
      }

      @Override
      public Optional<Role> member(WorkspaceId workspace, AccountId account) {
        return memberships.roleOf(workspace, account);
      }
    };
  }
}
