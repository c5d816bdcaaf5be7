package dev.custodian.crm.core.access;

import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.audit.AuditActor;
import dev.custodian.crm.core.audit.ClientInfo;
import dev.custodian.crm.core.session.port.in.IssuedSession;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a use case runs for: every use case on a workspace's data takes one and lets it in only as a
 * member with the permission the use case needs. A signed-in account, or an API key acting for its
 * workspace. An embedder that signs people in itself supplies {@link #account(AccountId)}.
 */
public sealed interface Actor {

  /**
   * The account whose membership counts: the signed-in person, or the key's creator.
   *
   * @throws IllegalStateException for a {@link Presented} credential no transaction let in yet
   */
  AccountId account();

  /** How an audit entry names this actor (a {@link Presented} one: whom its transaction let in). */
  default AuditActor audited() {
    Actor who = admitted();
    if (who instanceof ApiKey key) {
      return AuditActor.apiKey(key.key().value(), key.creator().value());
    }
    if (who instanceof Unaccountable nobody) {
      return nobody.kind() == Unaccountable.Kind.SYSTEM ? AuditActor.system() : AuditActor.anonymous();
    }
    return AuditActor.account(who.account().value());
  }

  /**
   * Where the request came from (IP, user agent), for the audit entries it causes: known for a
   * {@link Presented} credential the HTTP adapter built, unknown for a library call.
   */
  default ClientInfo client() {
    return ClientInfo.unknown();
  }

  /**
   * The account's email (a key's: its creator's) when the check that let this actor in read it
   * along, so an audit entry need not read it again; empty otherwise.
   */
  default Optional<String> knownEmail() {
    return Optional.empty();
  }

  /** Who this actor turned out to be: itself, or whom a {@link Presented} credential let in. */
  default Actor admitted() {
    return this;
  }

  /** A job of the product itself (e.g. the retention engine): it writes audit entries, never a workspace's data. */
  Actor SYSTEM = new Unaccountable(Unaccountable.Kind.SYSTEM);

  /** Nobody known: a sign-in attempt for an email without an account. It is let in nowhere. */
  Actor ANONYMOUS = new Unaccountable(Unaccountable.Kind.ANONYMOUS);

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

  /**
   * An actor with no account: {@link #SYSTEM} or {@link #ANONYMOUS}. It names who acted in an
   * audit entry; {@code WorkspaceTransactions.inWorkspace} refuses it.
   */
  final class Unaccountable implements Actor {

    /** Which of the two. */
    public enum Kind { SYSTEM, ANONYMOUS }

    private final Kind kind;

    private Unaccountable(Kind kind) {
      this.kind = kind;
    }

    public Kind kind() {
      return kind;
    }

    /** @throws IllegalStateException always: neither has an account */
    @Override
    public AccountId account() {
      throw new IllegalStateException(kind + " has no account");
    }

    @Override
    public String toString() {
      return kind.name();
    }
  }

  /**
   * A credential a request presented, checked by the transaction of the use case it is handed to
   * rather than before: in the statement that also reads the membership and binds the workspace,
   * so identity, revocation, membership and permission cost the request one round trip, and a
   * revoked token is refused by its very next request on any instance. Until a transaction let it
   * in it is nobody ({@link #account()} fails), and so again once that transaction's work ended: each
   * use case checks it anew. One per request.
   */
  final class Presented implements Actor {

    private final Credential credential;
    private final ClientInfo client;
    private volatile Actor admitted;
    private volatile String admittedEmail;
    private volatile IssuedSession rotated;

    public Presented(Credential credential) {
      this(credential, ClientInfo.unknown());
    }

    /** A credential presented by a client at {@code client} (its IP and user agent ride along into audit entries). */
    public Presented(Credential credential, ClientInfo client) {
      this.credential = Objects.requireNonNull(credential, "credential");
      this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public ClientInfo client() {
      return client;
    }

    public Credential credential() {
      return credential;
    }

    @Override
    public AccountId account() {
      return admitted().account();
    }

    @Override
    public Actor admitted() {
      if (admitted == null) {
        throw new IllegalStateException("a presented credential is somebody only once a transaction let it in");
      }
      return admitted;
    }

    /** The session's new token, when a transaction that let this session token in rotated it and committed. */
    public Optional<IssuedSession> rotated() {
      return Optional.ofNullable(rotated);
    }

    /**
     * Records whom a transaction let in, for its work; returns whom it was before (null: nobody),
     * for {@link #restore} when that work ends.
     */
    public Actor admit(Actor who) {
      return admit(who, Optional.empty());
    }

    /** As {@link #admit(Actor)}, with the email the check read along ({@link #knownEmail()}). */
    public Actor admit(Actor who, Optional<String> email) {
      if (who instanceof Presented) {
        throw new IllegalArgumentException("a credential lets in an account or a key");
      }
      Actor before = admitted;
      this.admitted = Objects.requireNonNull(who, "who");
      this.admittedEmail = email.orElse(null);
      return before;
    }

    /** Back to {@code before} (null: nobody) once the work of the transaction that let it in ended. */
    public void restore(Actor before) {
      this.admitted = before;
      this.admittedEmail = null;
    }

    @Override
    public Optional<String> knownEmail() {
      return admitted == null ? Optional.empty() : Optional.ofNullable(admittedEmail);
    }

    /** Records the session's new token once the transaction that rotated it committed. */
    public void rotatedTo(IssuedSession next) {
      this.rotated = Objects.requireNonNull(next, "next");
    }

    @Override
    public String toString() {
      return "Presented[" + credential.kind() + (admitted == null ? "" : " as " + admitted) + "]";
    }
  }
}
