package dev.custodian.crm.core.workspace.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.access.port.out.MembershipRepository;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditChain;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditEvent;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.audit.port.out.AuditLog;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.workspace.Slug;
import dev.custodian.crm.core.workspace.Workspace;
import dev.custodian.crm.core.workspace.WorkspaceInitializer;
import dev.custodian.crm.core.workspace.port.in.CreateWorkspaceCommand;
import dev.custodian.crm.core.workspace.port.in.CreateWorkspaceUseCase;
import dev.custodian.crm.core.workspace.port.out.WorkspaceRepository;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Service: creates a workspace, deriving a free slug from its name when none is asked for, and
 * makes its creator its OWNER in the same transaction: the new workspace's own transaction
 * (platform tables are visible there), in which its {@link WorkspaceInitializer}s then store what
 * it starts with, as rows of that workspace. If any step fails, no workspace exists.
 */
public final class CreateWorkspaceService implements CreateWorkspaceUseCase {

  /** Suffixes are cut from the workspace's own random id: six hex characters each. */
  private static final int SUFFIX_LENGTH = 6;
  private static final int MAX_ATTEMPTS = 3;

  private final Transactions transactions;
  private final WorkspaceRepository workspaces;
  private final MembershipRepository memberships;
  private final IdGenerator ids;
  private final Clock clock;
  private final List<WorkspaceInitializer> initializers;
  private final AuditLog audit;

  /** Without initializers: a new workspace starts empty. */
  public CreateWorkspaceService(
      Transactions transactions, WorkspaceRepository workspaces, MembershipRepository memberships,
      IdGenerator ids, Clock clock) {
    this(transactions, workspaces, memberships, ids, clock, List.of());
  }

  /** @param initializers run in this order in each new workspace's creating transaction */
  public CreateWorkspaceService(
      Transactions transactions, WorkspaceRepository workspaces, MembershipRepository memberships,
      IdGenerator ids, Clock clock, List<WorkspaceInitializer> initializers) {
    this(transactions, workspaces, memberships, ids, clock, initializers, AuditLog.NONE);
  }

  /** @param audit the trail whose platform chain records each workspace created */
  public CreateWorkspaceService(
      Transactions transactions, WorkspaceRepository workspaces, MembershipRepository memberships,
      IdGenerator ids, Clock clock, List<WorkspaceInitializer> initializers, AuditLog audit) {
    this.audit = Objects.requireNonNull(audit, "audit");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
    this.memberships = Objects.requireNonNull(memberships, "memberships");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.initializers = List.copyOf(initializers);
  }

  @Override
  public Workspace create(Actor actor, CreateWorkspaceCommand command) {
    Objects.requireNonNull(actor, "actor");
    WorkspaceId id = WorkspaceId.of(ids.newId());
    for (int attempt = 1; ; attempt++) {
      try {
        return createOnce(actor, command, id);
      } catch (ConflictException e) {
        // A derived slug taken by a concurrent create between check and insert: derive again,
        // in a new transaction that now sees it. An explicit slug is the caller's conflict.
        if (command.slug().isPresent() || attempt == MAX_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private Workspace createOnce(Actor actor, CreateWorkspaceCommand command, WorkspaceId id) {
    // The new workspace's transaction, not a platform one: what the initializers store is its own.
    return transactions.inWorkspace(id, () -> {
      Slug slug = command.slug().orElseGet(() -> freeSlugFor(command, id));
      if (command.slug().isPresent() && workspaces.existsBySlug(slug)) {
        throw new ConflictException(ConflictException.Kind.DUPLICATE, "slug is already taken");
      }
      Workspace workspace = Workspace.create(id, command.name(), slug, Timestamps.now(clock));
      workspaces.insert(workspace);
      memberships.insert(id, actor.account(), Role.OWNER, workspace.createdAt());
      initializers.forEach(initializer -> initializer.initialize(id));
      audit.append(AuditChain.platform(), AuditEvent.of(actor.audited(), AuditAction.WORKSPACE_CREATED,
          AuditTargetType.WORKSPACE, id.value(), AuditDetails.none()));
      return workspace;
    });
  }

  private Slug freeSlugFor(CreateWorkspaceCommand command, WorkspaceId id) {
    String base = Slug.baseFrom(command.name(), SUFFIX_LENGTH + 1);
    if (base.length() >= Slug.MIN_LENGTH && !workspaces.existsBySlug(new Slug(base))) {
      return new Slug(base);
    }
    String hex = id.value().toString().replace("-", "");
    for (int at = 0; at + SUFFIX_LENGTH <= hex.length(); at += SUFFIX_LENGTH) {
      String suffix = hex.substring(at, at + SUFFIX_LENGTH);
      Slug candidate = new Slug(base.isEmpty() ? "ws-" + suffix : base + "-" + suffix);
      if (!workspaces.existsBySlug(candidate)) {
        return candidate;
      }
    }
    throw new ConflictException(ConflictException.Kind.DUPLICATE, "no free slug could be derived");
  }
}
