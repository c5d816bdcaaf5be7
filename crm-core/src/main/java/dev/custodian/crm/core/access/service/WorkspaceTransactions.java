package dev.custodian.crm.core.access.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.PermissionMatrix;
import dev.custodian.crm.core.access.port.out.MembershipRepository;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.account.port.out.AccountRepository;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditActor;
import dev.custodian.crm.core.audit.AuditChain;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditEvent;
import dev.custodian.crm.core.audit.AuditOutcome;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.audit.PersonalFields;
import dev.custodian.crm.core.audit.port.out.AuditLog;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.CrmException;
import dev.custodian.crm.core.common.error.ForbiddenException;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.UnauthenticatedException;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.tenancy.PageQuery;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How every use case on a workspace's data runs: one workspace transaction that first lets the
 * actor in through the {@link Gate}, in that same transaction and its first statement (a presented
 * credential is resolved there, so a revoked one is refused at once), and checks that its role has
 * the use case's {@link Permission} in the {@link PermissionMatrix} (SEC-08). A non-member (and an API
 * key of another workspace) gets the same {@link NotFoundException} as a workspace that does not
 * exist, so an outsider cannot tell which workspace ids exist; a member lacking the permission gets
 * a {@link ForbiddenException}; a write (by the matrix's {@link PermissionMatrix.Effect}) to a
 * cancelled workspace gets a {@link ConflictException} of kind {@code WORKSPACE_CANCELLED} (RET-02);
 * either way the work does not run.
 */
public final class WorkspaceTransactions {

  private final Transactions transactions;
  private final MembershipRepository memberships;
  private final Gate gate;
  private final PermissionMatrix matrix;
  private final AuditLog audit;
  private final Optional<AccountRepository> accounts;

  /** With the product's {@link PermissionMatrix#standard() matrix}, recording no audit trail (tests). */
  public WorkspaceTransactions(Transactions transactions, MembershipRepository memberships, Gate gate) {
    this(transactions, memberships, gate, PermissionMatrix.standard(), AuditLog.NONE);
  }

  /** With the product's {@link PermissionMatrix#standard() matrix}, recording into {@code audit}. */
  public WorkspaceTransactions(Transactions transactions, MembershipRepository memberships, Gate gate, AuditLog audit) {
    this(transactions, memberships, gate, PermissionMatrix.standard(), audit);
  }

  public WorkspaceTransactions(Transactions transactions, MembershipRepository memberships, Gate gate,
      PermissionMatrix matrix) {
    this(transactions, memberships, gate, matrix, AuditLog.NONE);
  }

  public WorkspaceTransactions(Transactions transactions, MembershipRepository memberships, Gate gate,
      PermissionMatrix matrix, AuditLog audit) {
    this(transactions, memberships, gate, matrix, audit, Optional.empty());
  }

  /**
   * Recording into {@code audit} with each account actor's email, read from {@code accounts} when
   * an entry is appended, among its personal fields (RET-08).
   */
  public WorkspaceTransactions(Transactions transactions, MembershipRepository memberships, Gate gate,
      AuditLog audit, AccountRepository accounts) {
    this(transactions, memberships, gate, PermissionMatrix.standard(), audit,
        Optional.of(Objects.requireNonNull(accounts, "accounts")));
  }

  private WorkspaceTransactions(Transactions transactions, MembershipRepository memberships, Gate gate,
      PermissionMatrix matrix, AuditLog audit, Optional<AccountRepository> accounts) {
    this.accounts = accounts;
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.memberships = Objects.requireNonNull(memberships, "memberships");
    this.gate = Objects.requireNonNull(gate, "gate");
    this.matrix = Objects.requireNonNull(matrix, "matrix");
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  /** The audit trail these transactions record into. */
  public AuditLog auditLog() {
    return audit;
  }

  /**
   * Appends an entry to {@code workspace}'s audit chain, naming whom the open transaction let in
   * as {@code actor}: call it inside the work of {@link #inWorkspace} (or its kin), so the entry
   * commits, or rolls back, with the action (SEC-09). An account's entry (an API key's: its
   * creator's) carries the account's email and the request's IP and user agent as personal fields,
   * stored only encrypted under that account's subject key (RET-08).
   */
  public void audit(WorkspaceId workspace, Actor actor, AuditAction action, AuditTargetType targetType, UUID targetId,
      AuditDetails details) {
    audit.append(AuditChain.of(workspace), auditEvent(actor, action, targetType, targetId, details));
  }

  /**
   * The event {@link #audit} appends, for a use case that appends it itself (an export reading its
   * chain in the same statement): inside the work of {@link #inWorkspace}, like {@link #audit}.
   */
  public AuditEvent auditEvent(Actor actor, AuditAction action, AuditTargetType targetType, UUID targetId,
      AuditDetails details) {
    AuditActor who = actor.audited();
    PersonalFields personal = who.account()
        .map(account -> PersonalFields.of(actor.knownEmail().or(() -> emailOf(new AccountId(account))).orElse(null),
            actor.client()))
        .orElse(PersonalFields.none());
    return new AuditEvent(who, action, targetType, Optional.ofNullable(targetId), AuditOutcome.SUCCEEDED, details,
        personal);
  }

  private Optional<String> emailOf(AccountId account) {
    return accounts.flatMap(store -> store.findById(account)).map(found -> found.email().value());
  }

  /** Who may do what. */
  public PermissionMatrix matrix() {
    return matrix;
  }

  /**
   * Runs {@code work} in a transaction of {@code workspace} for {@code actor}, who must be a member
   * (a membership exists only for a workspace that exists) with {@code permission}.
   *
   * @throws UnauthenticatedException for a presented credential that lets nobody in
   * @throws NotFoundException for a workspace that does not exist or that the actor is no member of
   * @throws ForbiddenException for a member whose role lacks the permission
   * @throws ConflictException of kind {@code WORKSPACE_CANCELLED} for a write to a cancelled workspace
   */
  public <T> T inWorkspace(WorkspaceId workspace, Actor actor, Permission permission, Supplier<T> work) {
    return inWorkspaceAs(workspace, actor, permission, admission -> work.get());
  }

  /** As {@link #inWorkspace}, handing whom it let in, with their effective role, to {@code work} (for rules between roles). */
  public <T> T inWorkspaceAs(WorkspaceId workspace, Actor actor, Permission permission, Function<Admission, T> work) {
    return run(workspace, actor, permission, Mode.PLAIN, work);
  }

  /**
   * As {@link #inWorkspace}, in a {@linkplain Transactions#inWorkspaceSnapshot snapshot}
   * transaction: the actor is let in by its first statement as ever, then {@code work} reads one
   * instant of the workspace (an export). A session token due for rotation is let in unchanged: the
   * work may start a response before the transaction commits, too late for a new cookie.
   */
  public <T> T inWorkspaceSnapshot(WorkspaceId workspace, Actor actor, Permission permission, Supplier<T> work) {
    return run(workspace, actor, permission, Mode.SNAPSHOT, admission -> work.get());
  }

  /**
   * As {@link #inWorkspaceAs}, but first locks every membership of the workspace, then checks the
   * actor's role: for changes that must see the memberships as they are (the last owner, a key made
   * while its creator is removed), and whose check must not use a role another transaction holding
   * the lock changed meanwhile (an owner demoted while demoting another).
   */
  public <T> T inLockedWorkspaceAs(WorkspaceId workspace, Actor actor, Permission permission,
      Function<Admission, T> work) {
    return run(workspace, actor, permission, Mode.LOCKED, work);
  }

  /** One page of a workspace's rows, listed by {@code list} in a transaction of that workspace. */
  public <T> Page<T> page(Actor actor, Permission permission, PageQuery query,
      BiFunction<WorkspaceId, PageRequest, Page<T>> list) {
    return inWorkspace(query.workspace(), actor, permission, () -> list.apply(query.workspace(), query.page()));
  }

  /** One page of a workspace's list, read by {@code list} in a transaction of that workspace. */
  public <T> Page<T> list(Actor actor, Permission permission, WorkspaceId workspace, ListQuery query,
      BiFunction<WorkspaceId, ListQuery, Page<T>> list) {
    Objects.requireNonNull(query, "query");
    return inWorkspace(workspace, actor, permission, () -> list.apply(workspace, query));
  }

  /**
   * Checks that {@code admission} also has {@code permission}, for a use case whose permission
   * depends on whom the credential turned out to be (a member leaving needs less than removing another).
   */
  public void require(Admission admission, Permission permission) {
    if (!matrix.allows(admission.actor(), admission.role(), permission)) {
      throw new ForbiddenException("this needs the permission " + permission + ", which your role has not");
    }
  }

  /** How {@link #run} opens its transaction and lets the actor in. */
  private enum Mode { PLAIN, LOCKED, SNAPSHOT }

  private <T> T run(WorkspaceId workspace, Actor actor, Permission permission, Mode mode,
      Function<Admission, T> work) {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(permission, "permission");
    Supplier<Done<T>> admitted = () -> {
      Optional<Admission> found = gate.admit(actor, workspace, mode != Mode.SNAPSHOT);
      if (found.isEmpty()) {
        return null; // refused after writes that must stay (a reused token's revocation): commit, then answer
      }
      Admission admission = found.get();
      if (mode == Mode.LOCKED) {
        // Locked only for someone let in (a forged credential must not hold the workspace's lock),
        // then the role is read again under the lock.
        admission = gate.reread(admission, memberships.lockAll(workspace));
      }
      require(admission, permission);
      if (admission.workspaceCancelled() && !matrix.allowedWhileCancelled(permission)) {
        throw new ConflictException(CrmException.Kind.WORKSPACE_CANCELLED,
            "the workspace is cancelled: it can be read until its purge, not changed");
      }
      if (!(actor instanceof Actor.Presented presented)) {
        return new Done<>(admission, work.apply(admission));
      }
      Actor before = presented.admit(admission.actor(), admission.email());
      try {
        return new Done<>(admission, work.apply(admission));
      } finally {
        presented.restore(before); // somebody only inside the transaction that let it in
      }
    };
    Done<T> done = mode == Mode.SNAPSHOT ? transactions.inWorkspaceSnapshot(workspace, admitted)
        : transactions.inWorkspace(workspace, admitted);
    if (done == null) {
      throw new UnauthenticatedException(Gate.NO_SESSION);
    }
    if (actor instanceof Actor.Presented presented) {
      done.admission().rotated().ifPresent(presented::rotatedTo); // committed: the new token exists
    }
    return done.result();
  }

  /** What a transaction that let its actor in produced. */
  private record Done<T>(Admission admission, T result) {}
}
