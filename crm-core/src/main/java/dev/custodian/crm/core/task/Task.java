package dev.custodian.crm.core.task;

import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.link.Body;
import dev.custodian.crm.core.link.Links;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Aggregate: something to be done, perhaps by a member of the workspace (its assignee) and by a
 * time, about 0 to {@link Links#MAX} contacts, companies and deals. {@link #doneAt()} is set when
 * it is marked done and cleared when it is reopened. A task stays when its linked records go.
 */
public final class Task {

  private final WorkspaceId workspace;
  private final TaskId id;
  private final TaskTitle title;
  private final Body body;
  private final Instant dueAt;
  private final Instant doneAt;
  private final AccountId assignee;
  private final Links links;
  private final Instant createdAt;
  private final Instant updatedAt;
  private final long version;

  private Task(WorkspaceId workspace, TaskId id, TaskTitle title, Body body, Instant dueAt, Instant doneAt,
      AccountId assignee, Links links, Instant createdAt, Instant updatedAt, long version) {
    this.workspace = Objects.requireNonNull(workspace, "workspace");
    this.id = Objects.requireNonNull(id, "id");
    this.title = Objects.requireNonNull(title, "title");
    this.body = body;
    this.dueAt = dueAt == null ? null : Timestamps.micros(dueAt);
    this.doneAt = doneAt == null ? null : Timestamps.micros(doneAt);
    this.assignee = assignee;
    this.links = Objects.requireNonNull(links, "links");
    if (links.size() > Links.MAX) {
      throw new IllegalArgumentException("a task links at most " + Links.MAX + " records");
    }
    this.createdAt = Timestamps.micros(Objects.requireNonNull(createdAt, "createdAt"));
    this.updatedAt = Timestamps.micros(Objects.requireNonNull(updatedAt, "updatedAt"));
    if (version < 1) {
      throw new IllegalArgumentException("version starts at 1");
    }
    this.version = version;
  }

  /** A new task at version 1; done now if {@code done}. */
  public static Task create(WorkspaceId workspace, TaskId id, TaskTitle title, Optional<Body> body,
      Optional<Instant> dueAt, boolean done, Optional<AccountId> assignee, Links links, Instant now) {
    return new Task(workspace, id, title, body.orElse(null), dueAt.orElse(null), done ? now : null,
        assignee.orElse(null), links, now, now, 1);
  }

  /** Rebuilds a stored task; for persistence adapters only. */
  public static Task reconstitute(WorkspaceId workspace, TaskId id, TaskTitle title, Optional<Body> body,
      Optional<Instant> dueAt, Optional<Instant> doneAt, Optional<AccountId> assignee, Links links,
      Instant createdAt, Instant updatedAt, long version) {
    return new Task(workspace, id, title, body.orElse(null), dueAt.orElse(null), doneAt.orElse(null),
        assignee.orElse(null), links, createdAt, updatedAt, version);
  }

  /** This task with the given values, at the next version; marking it done sets its done time now, reopening clears it. */
  public Task changed(TaskTitle title, Optional<Body> body, Optional<Instant> dueAt, boolean done,
      Optional<AccountId> assignee, Links links, Instant now) {
    Instant doneTime = !done ? null : doneAt != null ? doneAt : now;
    return new Task(workspace, id, title, body.orElse(null), dueAt.orElse(null), doneTime, assignee.orElse(null),
        links, createdAt, now, version + 1);
  }

  public WorkspaceId workspace() {
    return workspace;
  }

  public TaskId id() {
    return id;
  }

  public TaskTitle title() {
    return title;
  }

  public Optional<Body> body() {
    return Optional.ofNullable(body);
  }

  public Optional<Instant> dueAt() {
    return Optional.ofNullable(dueAt);
  }

  public boolean done() {
    return doneAt != null;
  }

  public Optional<Instant> doneAt() {
    return Optional.ofNullable(doneAt);
  }

  public Optional<AccountId> assignee() {
    return Optional.ofNullable(assignee);
  }

  public Links links() {
    return links;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Task other
        && workspace.equals(other.workspace)
        && id.equals(other.id)
        && title.equals(other.title)
        && Objects.equals(body, other.body)
        && Objects.equals(dueAt, other.dueAt)
        && Objects.equals(doneAt, other.doneAt)
        && Objects.equals(assignee, other.assignee)
        && links.equals(other.links)
        && createdAt.equals(other.createdAt)
        && updatedAt.equals(other.updatedAt)
        && version == other.version;
  }

  @Override
  public int hashCode() {
    return Objects.hash(workspace, id);
  }

  /** Ids and version only: the title and body are free text. */
  @Override
  public String toString() {
    return "Task[" + workspace + "/" + id + " v" + version + "]";
  }
}
