package dev.custodian.crm.core.customfield;

import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Aggregate: the definition of a custom field of one object type in a workspace: its key and type
 * (both fixed once defined), its label, whether its values are sensitive (CRM-01: kept out of
 * logs, search and the projection later analytics read), and for a select type its options (1 to
 * {@value #MAX_OPTIONS}, keys unique). Tenant-owned; the key is unique per object type. Every
 * change makes a new instance with the next {@link #version()}.
 */
public final class CustomField {

  /** The most fields one object type of a workspace may have. */
  public static final int MAX_PER_OBJECT_TYPE = 100;
  /** The most options a select field may have. */
  public static final int MAX_OPTIONS = 200;

  private final WorkspaceId workspace;
  private final CustomFieldId id;
  private final ObjectType objectType;
  private final FieldKey key;
  private final CustomFieldType type;
  private final FieldLabel label;
  private final boolean sensitive;
  private final List<FieldOption> options;
  private final Instant createdAt;
  private final Instant updatedAt;
  private final long version;

  private CustomField(WorkspaceId workspace, CustomFieldId id, ObjectType objectType, FieldKey key,
      CustomFieldType type, FieldLabel label, boolean sensitive, List<FieldOption> options, Instant createdAt,
      Instant updatedAt, long version) {
    this.workspace = Objects.requireNonNull(workspace, "workspace");
    this.id = Objects.requireNonNull(id, "id");
    this.objectType = Objects.requireNonNull(objectType, "objectType");
    this.key = Objects.requireNonNull(key, "key");
    this.type = Objects.requireNonNull(type, "type");
    this.label = Objects.requireNonNull(label, "label");
    this.sensitive = sensitive;
    this.options = List.copyOf(options);
    this.createdAt = Timestamps.micros(Objects.requireNonNull(createdAt, "createdAt"));
    this.updatedAt = Timestamps.micros(Objects.requireNonNull(updatedAt, "updatedAt"));
    if (version < 1) {
      throw new IllegalArgumentException("version starts at 1");
    }
    this.version = version;
    requireValidOptions(type, this.options);
  }

  /** A new definition at version 1. */
  public static CustomField create(WorkspaceId workspace, CustomFieldId id, ObjectType objectType, FieldKey key,
      CustomFieldType type, FieldLabel label, boolean sensitive, List<FieldOption> options, Instant now) {
    return new CustomField(workspace, id, objectType, key, type, label, sensitive, options, now, now, 1);
  }

  /** Rebuilds a stored definition; for persistence adapters only. */
  public static CustomField reconstitute(WorkspaceId workspace, CustomFieldId id, ObjectType objectType,
      FieldKey key, CustomFieldType type, FieldLabel label, boolean sensitive, List<FieldOption> options,
      Instant createdAt, Instant updatedAt, long version) {
    return new CustomField(workspace, id, objectType, key, type, label, sensitive, options, createdAt, updatedAt,
        version);
  }

  /** This definition with another label, sensitivity and options, at the next version; key and type stay. */
  public CustomField changed(FieldLabel label, boolean sensitive, List<FieldOption> options, Instant now) {
    return new CustomField(workspace, id, objectType, key, type, label, sensitive, options, createdAt, now,
        version + 1);
  }

  /** Whether a select field of this type may hold these options (a list of others is refused). */
  private static void requireValidOptions(CustomFieldType type, List<FieldOption> options) {
    if (type.hasOptions() != !options.isEmpty() || options.size() > MAX_OPTIONS) {
      throw new IllegalArgumentException("a select field has 1 to " + MAX_OPTIONS + " options, another type none");
    }
    Set<FieldKey> keys = new HashSet<>();
    Set<FieldOptionId> ids = new HashSet<>();
    for (FieldOption option : options) {
      if (!keys.add(option.key()) || !ids.add(option.id())) {
        throw new IllegalArgumentException("option keys and ids are unique in a field");
      }
    }
  }

  public WorkspaceId workspace() {
    return workspace;
  }

  public CustomFieldId id() {
    return id;
  }

  public ObjectType objectType() {
    return objectType;
  }

  public FieldKey key() {
    return key;
  }

  public CustomFieldType type() {
    return type;
  }

  public FieldLabel label() {
    return label;
  }

  /** Whether its values are sensitive (CRM-01). */
  public boolean sensitive() {
    return sensitive;
  }

  /** Its options in the order given; empty unless it is a select field. */
  public List<FieldOption> options() {
    return options;
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
    return o instanceof CustomField other
        && workspace.equals(other.workspace)
        && id.equals(other.id)
        && objectType == other.objectType
        && key.equals(other.key)
        && type == other.type
        && label.equals(other.label)
        && sensitive == other.sensitive
        && options.equals(other.options)
        && createdAt.equals(other.createdAt)
        && updatedAt.equals(other.updatedAt)
        && version == other.version;
  }

  @Override
  public int hashCode() {
    return Objects.hash(workspace, id);
  }

  @Override
  public String toString() {
    return "CustomField[" + workspace + "/" + id + " " + objectType.apiName() + "." + key + " v" + version + "]";
  }
}
