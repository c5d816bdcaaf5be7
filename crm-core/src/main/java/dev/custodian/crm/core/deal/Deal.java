package dev.custodian.crm.core.deal;

import dev.custodian.crm.core.common.Money;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.customfield.CustomValues;
import dev.custodian.crm.core.pipeline.PipelineId;
import dev.custodian.crm.core.pipeline.StageId;
import dev.custodian.crm.core.pipeline.StageKind;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Aggregate: a deal the workspace pursues, in a stage of one of its pipelines. Tenant-owned; it
 * may name a company and up to {@link #MAX_CONTACTS} contacts of its workspace. {@link #closedAt()}
 * is set when it enters a WON or LOST stage and cleared when it leaves for an OPEN one. Every
 * change makes a new instance with the next {@link #version()}, which optimistic locking compares.
 */
public final class Deal {

  /** Contacts a deal may name. */
  public static final int MAX_CONTACTS = 100;

  private final WorkspaceId workspace;
  private final DealId id;
  private final DealTitle title;
  private final Money amount;
  private final PipelineId pipeline;
  private final StageId stage;
  private final StageKind stageKind;
  private final LocalDate expectedCloseDate;
  private final Instant closedAt;
  private final CompanyId company;
  private final Set<ContactId> contacts;
  private final Instant createdAt;
  private final Instant updatedAt;
  private final long version;
  private final CustomValues custom;

  private Deal(WorkspaceId workspace, DealId id, DealTitle title, Money amount, PipelineId pipeline,
      StageId stage, StageKind stageKind, LocalDate expectedCloseDate, Instant closedAt,
      CompanyId company, Set<ContactId> contacts, Instant createdAt, Instant updatedAt, long version) {
    this(workspace, id, title, amount, pipeline, stage, stageKind, expectedCloseDate, closedAt, company, contacts,
        createdAt, updatedAt, version, CustomValues.NONE);
  }

  private Deal(WorkspaceId workspace, DealId id, DealTitle title, Money amount, PipelineId pipeline,
      StageId stage, StageKind stageKind, LocalDate expectedCloseDate, Instant closedAt,
      CompanyId company, Set<ContactId> contacts, Instant createdAt, Instant updatedAt, long version,
      CustomValues custom) {
    this.workspace = Objects.requireNonNull(workspace, "workspace");
    this.id = Objects.requireNonNull(id, "id");
    this.title = Objects.requireNonNull(title, "title");
    this.amount = amount;
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.stage = Objects.requireNonNull(stage, "stage");
    this.stageKind = Objects.requireNonNull(stageKind, "stageKind");
    this.expectedCloseDate = expectedCloseDate;
    this.closedAt = closedAt == null ? null : Timestamps.micros(closedAt);
    if ((stageKind == StageKind.OPEN) != (closedAt == null)) {
      throw new IllegalArgumentException("a deal is closed exactly when its stage is WON or LOST");
    }
    this.company = company;
    this.contacts = Set.copyOf(contacts);
    if (this.contacts.size() > MAX_CONTACTS) {
      throw new IllegalArgumentException("a deal names at most " + MAX_CONTACTS + " contacts");
    }
    this.createdAt = Timestamps.micros(Objects.requireNonNull(createdAt, "createdAt"));
    this.updatedAt = Timestamps.micros(Objects.requireNonNull(updatedAt, "updatedAt"));
    if (version < 1) {
      throw new IllegalArgumentException("version starts at 1");
    }
    this.version = version;
    this.custom = Objects.requireNonNull(custom, "custom");
  }

  /** A new deal at version 1 in {@code stage} of {@code pipeline}; closed now if that stage is WON or LOST. */
  public static Deal create(WorkspaceId workspace, DealId id, DealTitle title, Optional<Money> amount,
      PipelineId pipeline, StageSnapshot stage, Optional<LocalDate> expectedCloseDate,
      Optional<CompanyId> company, Set<ContactId> contacts, Instant now) {
    return new Deal(workspace, id, title, amount.orElse(null), pipeline, stage.id(), stage.kind(),
        expectedCloseDate.orElse(null), stage.kind() == StageKind.OPEN ? null : now, company.orElse(null),
        contacts, now, now, 1);
  }

  /** Rebuilds a stored deal; for persistence adapters only. */
  public static Deal reconstitute(WorkspaceId workspace, DealId id, DealTitle title, Optional<Money> amount,
      PipelineId pipeline, StageId stage, StageKind stageKind, Optional<LocalDate> expectedCloseDate,
      Optional<Instant> closedAt, Optional<CompanyId> company, Set<ContactId> contacts, Instant createdAt,
      Instant updatedAt, long version) {
    return new Deal(workspace, id, title, amount.orElse(null), pipeline, stage, stageKind,
        expectedCloseDate.orElse(null), closedAt.orElse(null), company.orElse(null), contacts, createdAt,
        updatedAt, version);
  }

  /**
   * This deal with the given values, at the next version. Entering a WON or LOST stage from
   * another closes it now; leaving for an OPEN one reopens it; staying keeps its close time.
   */
  public Deal changed(DealTitle title, Optional<Money> amount, PipelineId pipeline, StageId stage,
      StageKind stageKind, Optional<LocalDate> expectedCloseDate, Optional<CompanyId> company,
      Set<ContactId> contacts, Instant now) {
    Instant closed;
    if (stageKind == StageKind.OPEN) {
      closed = null;
    } else if (stage.equals(this.stage) && closedAt != null) {
      closed = closedAt;
    } else {
      closed = now;
    }
    return new Deal(workspace, id, title, amount.orElse(null), pipeline, stage, stageKind,
        expectedCloseDate.orElse(null), closed, company.orElse(null), contacts, createdAt, now, version + 1, custom);
  }

  /** This deal naming no company, at the next version; its update time stays (as for contacts). */
  public Deal unlinkedFromCompany() {
    return new Deal(workspace, id, title, amount, pipeline, stage, stageKind, expectedCloseDate, closedAt,
        null, contacts, createdAt, updatedAt, version + 1, custom);
  }

  /** This deal without {@code contact} among its contacts, at the next version; its update time stays. */
  public Deal withoutContact(ContactId contact) {
    Set<ContactId> rest = new java.util.HashSet<>(contacts);
    rest.remove(contact);
    return new Deal(workspace, id, title, amount, pipeline, stage, stageKind, expectedCloseDate, closedAt,
        company, rest, createdAt, updatedAt, version + 1, custom);
  }

  /**
   * This deal carrying {@code custom}, its custom field values (stored apart from it, read with
   * it), at the same version.
   */
  public Deal withCustom(CustomValues custom) {
    return new Deal(workspace, id, title, amount, pipeline, stage, stageKind, expectedCloseDate, closedAt,
        company, contacts, createdAt, updatedAt, version, custom);
  }

  public WorkspaceId workspace() {
    return workspace;
  }

  public DealId id() {
    return id;
  }

  public DealTitle title() {
    return title;
  }

  public Optional<Money> amount() {
    return Optional.ofNullable(amount);
  }

  public PipelineId pipeline() {
    return pipeline;
  }

  public StageId stage() {
    return stage;
  }

  /** The kind of its stage (fixed once a stage exists), which makes its status. */
  public StageKind stageKind() {
    return stageKind;
  }

  public DealStatus status() {
    return DealStatus.of(stageKind);
  }

  public Optional<LocalDate> expectedCloseDate() {
    return Optional.ofNullable(expectedCloseDate);
  }

  public Optional<Instant> closedAt() {
    return Optional.ofNullable(closedAt);
  }

  public Optional<CompanyId> company() {
    return Optional.ofNullable(company);
  }

  public Set<ContactId> contacts() {
    return contacts;
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

  /** Its custom field values, sensitive ones included; {@link CustomValues#NONE} when it has none. */
  public CustomValues custom() {
    return custom;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Deal other
        && workspace.equals(other.workspace)
        && id.equals(other.id)
        && title.equals(other.title)
        && Objects.equals(amount, other.amount)
        && pipeline.equals(other.pipeline)
        && stage.equals(other.stage)
        && stageKind == other.stageKind
        && Objects.equals(expectedCloseDate, other.expectedCloseDate)
        && Objects.equals(closedAt, other.closedAt)
        && Objects.equals(company, other.company)
        && contacts.equals(other.contacts)
        && createdAt.equals(other.createdAt)
        && updatedAt.equals(other.updatedAt)
        && version == other.version
        && custom.equals(other.custom);
  }

  @Override
  public int hashCode() {
    return Objects.hash(workspace, id);
  }

  /** Ids and version only: the title is free text. */
  @Override
  public String toString() {
    return "Deal[" + workspace + "/" + id + " v" + version + "]";
  }
}
