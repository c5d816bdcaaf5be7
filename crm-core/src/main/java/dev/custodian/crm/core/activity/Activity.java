package dev.custodian.crm.core.activity;

import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.link.Body;
import dev.custodian.crm.core.link.Links;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Aggregate: something that happened (a note, call, meeting or email) about 1 to
 * {@link Links#MAX} contacts, companies and deals of its workspace. Only calls and meetings have a
 * duration. Its subject and body are free text that may name people; no column copies a contact's
 * identifiers. Every change makes a new instance with the next {@link #version()}.
 */
public final class Activity {

  private final WorkspaceId workspace;
  private final ActivityId id;
  private final ActivityKind kind;
  private final ActivitySubject subject;
  private final Body body;
  private final Instant occurredAt;
  private final ActivityDuration duration;
  private final Links links;
  private final Instant createdAt;
  private final Instant updatedAt;
  private final long version;

  private Activity(WorkspaceId workspace, ActivityId id, ActivityKind kind, ActivitySubject subject, Body body,
      Instant occurredAt, ActivityDuration duration, Links links, Instant createdAt, Instant updatedAt,
      long version) {
    this.workspace = Objects.requireNonNull(workspace, "workspace");
    this.id = Objects.requireNonNull(id, "id");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.subject = subject;
    this.body = body;
    this.occurredAt = Timestamps.micros(Objects.requireNonNull(occurredAt, "occurredAt"));
    if (duration != null && !kind.hasDuration()) {
      throw new IllegalArgumentException("only calls and meetings have a duration");
    }
    this.duration = duration;
    this.links = Objects.requireNonNull(links, "links");
    if (links.isEmpty() || links.size() > Links.MAX) {
      throw new IllegalArgumentException("an activity links 1 to " + Links.MAX + " records");
    }
    this.createdAt = Timestamps.micros(Objects.requireNonNull(createdAt, "createdAt"));
    this.updatedAt = Timestamps.micros(Objects.requireNonNull(updatedAt, "updatedAt"));
    if (version < 1) {
      throw new IllegalArgumentException("version starts at 1");
    }
    this.version = version;
  }

  /** A new activity at version 1. */
  public static Activity create(WorkspaceId workspace, ActivityId id, ActivityKind kind,
      Optional<ActivitySubject> subject, Optional<Body> body, Instant occurredAt,
      Optional<ActivityDuration> duration, Links links, Instant now) {
    return new Activity(workspace, id, kind, subject.orElse(null), body.orElse(null), occurredAt,
        duration.orElse(null), links, now, now, 1);
  }

  /** Rebuilds a stored activity; for persistence adapters only. */
  public static Activity reconstitute(WorkspaceId workspace, ActivityId id, ActivityKind kind,
      Optional<ActivitySubject> subject, Optional<Body> body, Instant occurredAt,
      Optional<ActivityDuration> duration, Links links, Instant createdAt, Instant updatedAt, long version) {
    return new Activity(workspace, id, kind, subject.orElse(null), body.orElse(null), occurredAt,
        duration.orElse(null), links, createdAt, updatedAt, version);
  }

  /** This activity with the given values, at the next version. */
  public Activity changed(ActivityKind kind, Optional<ActivitySubject> subject, Optional<Body> body,
      Instant occurredAt, Optional<ActivityDuration> duration, Links links, Instant now) {
    return new Activity(workspace, id, kind, subject.orElse(null), body.orElse(null), occurredAt,
        duration.orElse(null), links, createdAt, now, version + 1);
  }

  public WorkspaceId workspace() {
    return workspace;
  }

  public ActivityId id() {
    return id;
  }

  public ActivityKind kind() {
    return kind;
  }

  public Optional<ActivitySubject> subject() {
    return Optional.ofNullable(subject);
  }

  public Optional<Body> body() {
    return Optional.ofNullable(body);
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public Optional<ActivityDuration> duration() {
    return Optional.ofNullable(duration);
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
    return o instanceof Activity other
        && workspace.equals(other.workspace)
        && id.equals(other.id)
        && kind == other.kind
        && Objects.equals(subject, other.subject)
        && Objects.equals(body, other.body)
        && occurredAt.equals(other.occurredAt)
        && Objects.equals(duration, other.duration)
        && links.equals(other.links)
        && createdAt.equals(other.createdAt)
        && updatedAt.equals(other.updatedAt)
        && version == other.version;
  }

  @Override
  public int hashCode() {
    return Objects.hash(workspace, id);
  }

  /** Ids and version only: the subject and body are free text. */
  @Override
  public String toString() {
    return "Activity[" + workspace + "/" + id + " v" + version + "]";
  }
}
