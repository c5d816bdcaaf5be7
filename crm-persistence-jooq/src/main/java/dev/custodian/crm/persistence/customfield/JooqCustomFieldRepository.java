package dev.custodian.crm.persistence.customfield;

import static dev.custodian.crm.persistence.generated.Tables.CUSTOM_FIELDS;
import static dev.custodian.crm.persistence.generated.Tables.CUSTOM_FIELD_OPTIONS;

import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.customfield.CustomFieldId;
import dev.custodian.crm.core.customfield.CustomFieldType;
import dev.custodian.crm.core.customfield.FieldKey;
import dev.custodian.crm.core.customfield.FieldLabel;
import dev.custodian.crm.core.customfield.FieldOption;
import dev.custodian.crm.core.customfield.FieldOptionId;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.customfield.port.out.CustomFieldRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.DatabaseErrors;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.SqlTime;
import dev.custodian.crm.persistence.generated.tables.records.CustomFieldOptionsRecord;
import dev.custodian.crm.persistence.generated.tables.records.CustomFieldsRecord;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record6;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.Row6;
import org.jooq.SelectConditionStep;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Persistence adapter: {@link CustomFieldRepository} on the {@code custom_fields} and
 * {@code custom_field_options} tables. A definition is read with its options in one statement (a
 * nested set) and written in one statement (a data-modifying {@code WITH}), as pipelines and their
 * stages are. Every statement filters by the workspace itself; row-level security is the second,
 * independent wall.
 */
final class JooqCustomFieldRepository implements CustomFieldRepository {

  private static final Field<Result<CustomFieldOptionsRecord>> OPTIONS = DSL.multiset(
      DSL.selectFrom(CUSTOM_FIELD_OPTIONS)
          .where(CUSTOM_FIELD_OPTIONS.TENANT_ID.eq(CUSTOM_FIELDS.TENANT_ID))
          .and(CUSTOM_FIELD_OPTIONS.FIELD_ID.eq(CUSTOM_FIELDS.ID))
          .orderBy(CUSTOM_FIELD_OPTIONS.POSITION)).as("options");

  private final JooqTransactions transactions;

  JooqCustomFieldRepository(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void insert(CustomField field) {
    DSLContext dsl = transactions.dsl(field.workspace());
    // The count lock: a transaction-scoped advisory lock on the workspace's count of this object
    // type's definitions (no row is locked, so nothing else waits), taken by the field's row
    // selecting from it, as pipelines do.
    CommonTableExpression<Record1<Boolean>> locked = DSL.name("count_lock").fields("locked")
        .as(DSL.select(DSL.field("(select true from (select pg_advisory_xact_lock(hashtextextended({0}, 0))) lock)",
            Boolean.class, DSL.val("crm.custom_fields:" + field.workspace().value() + ":" + field.objectType().name()))));
    CustomFieldsRecord row = toRecord(field);
    List<Field<?>> columns = Stream.of(CUSTOM_FIELDS.fields()).filter(row::changed).toList(); // columns with defaults keep them
    List<Field<?>> values = columns.stream().<Field<?>>map(column -> DSL.val(row.get(column), column)).toList();
    if (field.options().isEmpty()) {
      translatingViolations(() -> dsl.with(locked).insertInto(CUSTOM_FIELDS).columns(columns)
          .select(DSL.select(values).from(locked).where(locked.field("locked", Boolean.class))).execute());
      return;
    }
    // The options' insert runs to completion with the field's; their foreign key is checked at the statement's end.
    CommonTableExpression<Record1<UUID>> options = DSL.name("options").fields("id").as(dsl
        .insertInto(CUSTOM_FIELD_OPTIONS, CUSTOM_FIELD_OPTIONS.TENANT_ID, CUSTOM_FIELD_OPTIONS.ID,
            CUSTOM_FIELD_OPTIONS.FIELD_ID, CUSTOM_FIELD_OPTIONS.OPTION_KEY, CUSTOM_FIELD_OPTIONS.LABEL,
            CUSTOM_FIELD_OPTIONS.POSITION)
        .select(DSL.selectFrom(rows(field)))
        .returningResult(CUSTOM_FIELD_OPTIONS.ID));
    translatingViolations(() -> dsl.with(locked).with(options).insertInto(CUSTOM_FIELDS).columns(columns)
        .select(DSL.select(values).from(locked).where(locked.field("locked", Boolean.class))).execute());
  }

  @Override
  public Optional<CustomField> findById(WorkspaceId workspace, CustomFieldId id) {
    return selectWithOptions(workspace).and(CUSTOM_FIELDS.ID.eq(id.value())).fetchOptional()
        .map(JooqCustomFieldRepository::toField);
  }

  @Override
  public List<CustomField> list(WorkspaceId workspace, ObjectType objectType) {
    return selectWithOptions(workspace).and(CUSTOM_FIELDS.OBJECT_TYPE.eq(objectType.name()))
        .orderBy(CUSTOM_FIELDS.CREATED_AT, CUSTOM_FIELDS.ID).fetch(JooqCustomFieldRepository::toField);
  }

  private SelectConditionStep<Record> selectWithOptions(WorkspaceId workspace) {
    return transactions.dsl(workspace).select(CUSTOM_FIELDS.fields()).select(OPTIONS).from(CUSTOM_FIELDS)
        .where(CUSTOM_FIELDS.TENANT_ID.eq(workspace.value()));
  }

  @Override
  public int count(WorkspaceId workspace, ObjectType objectType) {
    return transactions.dsl(workspace).fetchCount(CUSTOM_FIELDS, CUSTOM_FIELDS.TENANT_ID.eq(workspace.value())
        .and(CUSTOM_FIELDS.OBJECT_TYPE.eq(objectType.name())));
  }

  @Override
  public boolean update(CustomField changed, long expectedVersion) {
    DSLContext dsl = transactions.dsl(changed.workspace());
    UUID tenant = changed.workspace().value();
    UUID id = changed.id().value();
    CommonTableExpression<Record1<UUID>> updated = DSL.name("updated").fields("id").as(dsl.update(CUSTOM_FIELDS)
        .set(CUSTOM_FIELDS.LABEL, changed.label().value())
        .set(CUSTOM_FIELDS.SENSITIVE, changed.sensitive())
        .set(CUSTOM_FIELDS.UPDATED_AT, SqlTime.utc(changed.updatedAt()))
        .set(CUSTOM_FIELDS.VERSION, changed.version())
        .where(key(changed.workspace(), changed.id()))
        .and(CUSTOM_FIELDS.VERSION.eq(expectedVersion))
        .returningResult(CUSTOM_FIELDS.ID));
    Condition whenUpdated = DSL.exists(DSL.selectOne().from(updated));
    UUID[] kept = changed.options().stream().map(o -> o.id().value()).toArray(UUID[]::new);
    // An option left out goes, with its values (their foreign key cascades).
    CommonTableExpression<Record1<UUID>> removed = DSL.name("removed").fields("id").as(dsl
        .deleteFrom(CUSTOM_FIELD_OPTIONS)
        .where(CUSTOM_FIELD_OPTIONS.TENANT_ID.eq(tenant))
        .and(CUSTOM_FIELD_OPTIONS.FIELD_ID.eq(id))
        .and(CUSTOM_FIELD_OPTIONS.ID.notEqual(DSL.all(kept)))
        .and(whenUpdated)
        .returningResult(CUSTOM_FIELD_OPTIONS.ID));
    CommonTableExpression<Record1<UUID>> written = changed.options().isEmpty() ? null : DSL.name("written").fields("id")
        .as(dsl.insertInto(CUSTOM_FIELD_OPTIONS, CUSTOM_FIELD_OPTIONS.TENANT_ID, CUSTOM_FIELD_OPTIONS.ID,
                CUSTOM_FIELD_OPTIONS.FIELD_ID, CUSTOM_FIELD_OPTIONS.OPTION_KEY, CUSTOM_FIELD_OPTIONS.LABEL,
                CUSTOM_FIELD_OPTIONS.POSITION)
            .select(DSL.selectFrom(rows(changed)).where(whenUpdated))
            .onConflict(CUSTOM_FIELD_OPTIONS.TENANT_ID, CUSTOM_FIELD_OPTIONS.ID)
            .doUpdate()
            .set(CUSTOM_FIELD_OPTIONS.LABEL, DSL.excluded(CUSTOM_FIELD_OPTIONS.LABEL))
            .set(CUSTOM_FIELD_OPTIONS.POSITION, DSL.excluded(CUSTOM_FIELD_OPTIONS.POSITION))
            // never another field's option, and an option's key stays
            .where(CUSTOM_FIELD_OPTIONS.FIELD_ID.eq(DSL.excluded(CUSTOM_FIELD_OPTIONS.FIELD_ID)))
            .and(CUSTOM_FIELD_OPTIONS.OPTION_KEY.eq(DSL.excluded(CUSTOM_FIELD_OPTIONS.OPTION_KEY)))
            .returningResult(CUSTOM_FIELD_OPTIONS.ID));
    // One statement: the options change only if the field's conditional update did.
    Integer changedRows = translatingViolations(() -> (written == null ? dsl.with(updated, removed)
        : dsl.with(updated, removed, written))
        .select(DSL.field(DSL.selectCount().from(updated)))
        .fetchOne(0, Integer.class));
    return changedRows != null && changedRows == 1;
  }

  @Override
  public boolean delete(WorkspaceId workspace, CustomFieldId id, long expectedVersion) {
    // Its options and values go with it (their foreign keys cascade).
    return transactions.dsl(workspace).deleteFrom(CUSTOM_FIELDS)
        .where(key(workspace, id))
        .and(CUSTOM_FIELDS.VERSION.eq(expectedVersion))
        .execute() == 1;
  }

  /** A field's options as a {@code VALUES} table, positions from 1. */
  @SuppressWarnings("unchecked") // an array of one generic row type
  private static Table<Record6<UUID, UUID, UUID, String, String, Integer>> rows(CustomField field) {
    Row6<UUID, UUID, UUID, String, String, Integer>[] rows = new Row6[field.options().size()];
    for (int i = 0; i < rows.length; i++) {
      FieldOption option = field.options().get(i);
      rows[i] = DSL.row(
          DSL.val(field.workspace().value(), CUSTOM_FIELD_OPTIONS.TENANT_ID),
          DSL.val(option.id().value(), CUSTOM_FIELD_OPTIONS.ID),
          DSL.val(field.id().value(), CUSTOM_FIELD_OPTIONS.FIELD_ID),
          DSL.val(option.key().value(), CUSTOM_FIELD_OPTIONS.OPTION_KEY),
          DSL.val(option.label().value(), CUSTOM_FIELD_OPTIONS.LABEL),
          DSL.val(i + 1, CUSTOM_FIELD_OPTIONS.POSITION));
    }
    return DSL.values(rows).as("given", "tenant_id", "id", "field_id", "option_key", "label", "position");
  }

  private static CustomFieldsRecord toRecord(CustomField field) {
    CustomFieldsRecord row = new CustomFieldsRecord();
    row.setTenantId(field.workspace().value());
    row.setId(field.id().value());
    row.setObjectType(field.objectType().name());
    row.setFieldKey(field.key().value());
    row.setType(field.type().name());
    row.setLabel(field.label().value());
    row.setSensitive(field.sensitive());
    row.setCreatedAt(SqlTime.utc(field.createdAt()));
    row.setUpdatedAt(SqlTime.utc(field.updatedAt()));
    row.setVersion(field.version());
    return row;
  }

  private static CustomField toField(Record row) {
    return CustomField.reconstitute(
        WorkspaceId.of(row.get(CUSTOM_FIELDS.TENANT_ID)),
        CustomFieldId.of(row.get(CUSTOM_FIELDS.ID)),
        ObjectType.valueOf(row.get(CUSTOM_FIELDS.OBJECT_TYPE)),
        new FieldKey(row.get(CUSTOM_FIELDS.FIELD_KEY)),
        CustomFieldType.valueOf(row.get(CUSTOM_FIELDS.TYPE)),
        new FieldLabel(row.get(CUSTOM_FIELDS.LABEL)),
        row.get(CUSTOM_FIELDS.SENSITIVE),
        row.get(OPTIONS).map(o -> new FieldOption(FieldOptionId.of(o.getId()), new FieldKey(o.getOptionKey()),
            new FieldLabel(o.getLabel()))),
        row.get(CUSTOM_FIELDS.CREATED_AT).toInstant(),
        row.get(CUSTOM_FIELDS.UPDATED_AT).toInstant(),
        row.get(CUSTOM_FIELDS.VERSION));
  }

  private static Condition key(WorkspaceId workspace, CustomFieldId id) {
    return CUSTOM_FIELDS.TENANT_ID.eq(workspace.value()).and(CUSTOM_FIELDS.ID.eq(id.value()));
  }

  private static <T> T translatingViolations(Supplier<T> write) {
    try {
      return write.get();
    } catch (org.jooq.exception.DataAccessException e) {
      if (DatabaseErrors.isViolation(e, DatabaseErrors.UNIQUE_VIOLATION, "custom_fields_key_uk")) {
        throw new ConflictException(ConflictException.Kind.DUPLICATE, "the key is taken for this object type");
      }
      if (DatabaseErrors.isViolation(e, DatabaseErrors.UNIQUE_VIOLATION, "custom_fields_pk")
          || DatabaseErrors.isViolation(e, DatabaseErrors.UNIQUE_VIOLATION, "custom_field_options_pk")) {
        throw new ConflictException(ConflictException.Kind.DUPLICATE, "custom field already exists");
      }
      if (DatabaseErrors.isViolation(e, DatabaseErrors.FOREIGN_KEY_VIOLATION, "custom_fields_workspace_fk")) {
        throw new NotFoundException("workspace");
      }
      throw e;
    }
  }
}
