package dev.custodian.crm.persistence.customfield;

import static dev.custodian.crm.persistence.generated.Tables.CUSTOM_FIELDS;
import static dev.custodian.crm.persistence.generated.Tables.CUSTOM_FIELD_OPTIONS;
import static dev.custodian.crm.persistence.generated.Tables.CUSTOM_FIELD_VALUES;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.Money;
import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.paging.TextOrder;
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.customfield.CustomFieldType;
import dev.custodian.crm.core.customfield.CustomValue;
import dev.custodian.crm.core.customfield.CustomValues;
import dev.custodian.crm.core.customfield.FieldOptionId;
import dev.custodian.crm.core.customfield.RecordRef;
import dev.custodian.crm.core.customfield.port.out.CustomValueRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.CustomValueColumns;
import dev.custodian.crm.persistence.common.DatabaseErrors;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.generated.tables.records.CustomFieldValuesRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Persistence adapter: {@link CustomValueRepository} on {@code custom_field_values}: a value in its
 * type's column (a multi-select's options a row each), keyed to its record, field and option, every
 * key cascading. A write first takes a key-share lock on the named fields (and the options chosen),
 * then takes the named fields' old values out and puts the new ones in. A field or option deleted
 * before the lock is found missing (the 400 of an unknown key); one deleted after it waits for the
 * write's commit and then cascades to the new value: never an orphan, and never a deadlock between
 * the write's old-value row locks and the cascade of a delete holding the field.
 */
final class JooqCustomValueRepository implements CustomValueRepository {

  private final JooqTransactions transactions;

  JooqCustomValueRepository(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  private static Field<UUID> recordColumn(RecordRef record) {
    return switch (record.type()) {
      case CONTACT -> CUSTOM_FIELD_VALUES.CONTACT_ID;
      case COMPANY -> CUSTOM_FIELD_VALUES.COMPANY_ID;
      case DEAL -> CUSTOM_FIELD_VALUES.DEAL_ID;
    };
  }

  private static Condition ofRecord(WorkspaceId workspace, RecordRef record) {
    return CUSTOM_FIELD_VALUES.TENANT_ID.eq(workspace.value()).and(recordColumn(record).eq(record.id()));
  }

  @Override
  public void write(WorkspaceId workspace, RecordRef record, Map<CustomField, Optional<CustomValue>> changes) {
    if (changes.isEmpty()) {
      return;
    }
    DSLContext dsl = transactions.dsl(workspace);
    List<UUID> fieldIds = changes.keySet().stream().map(f -> f.id().value()).toList();
    lockFieldsAndOptions(dsl, workspace, changes);
    dsl.deleteFrom(CUSTOM_FIELD_VALUES).where(ofRecord(workspace, record))
        .and(CUSTOM_FIELD_VALUES.FIELD_ID.in(fieldIds)).execute();
    List<CustomFieldValuesRecord> rows = new ArrayList<>();
    changes.forEach((field, value) -> value.ifPresent(v -> rows.addAll(rows(workspace, record, field, v))));
    if (rows.isEmpty()) {
      return;
    }
    rows.forEach(row -> row.changed(true)); // every column in every row: one multi-row insert
    var insert = dsl.insertInto(CUSTOM_FIELD_VALUES).set(rows.get(0));
    for (CustomFieldValuesRecord row : rows.subList(1, rows.size())) {
      insert = insert.newRecord().set(row);
    }
    try {
      insert.execute();
    } catch (org.jooq.exception.DataAccessException e) {
      throw translated(e);
    }
  }

  /**
   * Key-share locks the named fields and the options the values choose, before any value row is
   * locked (the order a definition's delete takes them in: its row, then its values by cascade).
   *
   * @throws ValidationException naming each field or option gone meanwhile, as an unknown one
   */
  private static void lockFieldsAndOptions(DSLContext dsl, WorkspaceId workspace,
      Map<CustomField, Optional<CustomValue>> changes) {
    Set<UUID> fieldsFound = dsl.select(CUSTOM_FIELDS.ID).from(CUSTOM_FIELDS)
        .where(CUSTOM_FIELDS.TENANT_ID.eq(workspace.value()))
        .and(CUSTOM_FIELDS.ID.in(changes.keySet().stream().map(f -> f.id().value()).toList()))
        .forKeyShare().fetchSet(CUSTOM_FIELDS.ID);
    List<UUID> chosen = changes.values().stream().flatMap(Optional::stream)
        .flatMap(v -> v.options().stream()).map(FieldOptionId::value).toList();
    Set<UUID> optionsFound = chosen.isEmpty() ? Set.of() : dsl.select(CUSTOM_FIELD_OPTIONS.ID)
        .from(CUSTOM_FIELD_OPTIONS)
        .where(CUSTOM_FIELD_OPTIONS.TENANT_ID.eq(workspace.value())).and(CUSTOM_FIELD_OPTIONS.ID.in(chosen))
        .forKeyShare().fetchSet(CUSTOM_FIELD_OPTIONS.ID);
    List<FieldError> gone = new ArrayList<>();
    changes.forEach((field, value) -> {
      String pointer = FieldError.path("custom", field.key().value());
      if (!fieldsFound.contains(field.id().value())) {
        gone.add(FieldError.field(pointer, CustomValues.UNKNOWN_FIELD));
      } else if (value.isPresent()
          && !value.get().options().stream().allMatch(o -> optionsFound.contains(o.value()))) {
        gone.add(FieldError.field(pointer, CustomValues.UNKNOWN_OPTION));
      }
    });
    if (!gone.isEmpty()) {
      throw new ValidationException(gone);
    }
  }

  private static RuntimeException translated(org.jooq.exception.DataAccessException e) {
    for (String key : List.of("custom_field_values_field_fk", "custom_field_values_option_fk")) {
      if (DatabaseErrors.isViolation(e, DatabaseErrors.FOREIGN_KEY_VIOLATION, key)) {
        return new NotFoundException("custom field");
      }
    }
    for (String key : List.of("custom_field_values_contact_fk", "custom_field_values_company_fk",
        "custom_field_values_deal_fk")) {
      if (DatabaseErrors.isViolation(e, DatabaseErrors.FOREIGN_KEY_VIOLATION, key)) {
        return new NotFoundException("record");
      }
    }
    return e;
  }

  /** The rows of one value: one, or one per option of a multi-select. */
  private static List<CustomFieldValuesRecord> rows(WorkspaceId workspace, RecordRef record, CustomField field,
      CustomValue value) {
    if (field.type() == CustomFieldType.MULTI_SELECT) {
      return value.options().stream().map(option -> {
        CustomFieldValuesRecord row = row(workspace, record, field);
        row.setOptionId(option.value());
        return row;
      }).toList();
    }
    CustomFieldValuesRecord row = row(workspace, record, field);
    switch (field.type()) {
      case TEXT -> text(row, (String) value.value());
      case EMAIL -> text(row, ((EmailAddress) value.value()).value());
      case PHONE -> text(row, ((PhoneNumber) value.value()).value());
      case URL -> text(row, value.value().toString());
      case NUMBER -> row.setNumberValue((Long) value.value());
      case DECIMAL -> row.setDecimalValue((java.math.BigDecimal) value.value());
      case DATE -> row.setDateValue((java.time.LocalDate) value.value());
      case BOOLEAN -> row.setBooleanValue((Boolean) value.value());
      case SINGLE_SELECT -> row.setOptionId(((FieldOptionId) value.value()).value());
      case CURRENCY -> {
        Money money = (Money) value.value();
        row.setAmount(money.amount());
        row.setCurrency(money.currency().getCurrencyCode());
      }
      case MULTI_SELECT -> throw new IllegalStateException("a row per option");
    }
    return List.of(row);
  }

  private static void text(CustomFieldValuesRecord row, String text) {
    row.setTextValue(text);
    row.setTextSort(TextOrder.key(text)); // what a list sorting by the field reads (V21)
  }

  private static CustomFieldValuesRecord row(WorkspaceId workspace, RecordRef record, CustomField field) {
    CustomFieldValuesRecord row = new CustomFieldValuesRecord();
    row.setTenantId(workspace.value());
    row.setId(UUID.randomUUID());
    row.setFieldId(field.id().value());
    switch (record.type()) {
      case CONTACT -> row.setContactId(record.id());
      case COMPANY -> row.setCompanyId(record.id());
      case DEAL -> row.setDealId(record.id());
    }
    return row;
  }

  @Override
  public CustomValues read(WorkspaceId workspace, RecordRef record) {
    return CustomValueColumns.values(transactions.dsl(workspace)
        .select(CustomValueColumns.of(record.type(), DSL.val(workspace.value()), DSL.val(record.id())))
        .fetchOne(0, String[].class));
  }



  @Override
  public int eraseContact(WorkspaceId workspace, RecordRef contact, String emailNormalised, Optional<String> phone) {
    DSLContext dsl = transactions.dsl(workspace);
    Condition copies = CUSTOM_FIELD_VALUES.FIELD_ID.in(DSL.select(CUSTOM_FIELDS.ID).from(CUSTOM_FIELDS)
            .where(CUSTOM_FIELDS.TENANT_ID.eq(workspace.value())).and(CUSTOM_FIELDS.TYPE.eq(CustomFieldType.EMAIL.name())))
        .and(DSL.lower(CUSTOM_FIELD_VALUES.TEXT_VALUE).eq(emailNormalised));
    if (phone.isPresent()) {
      copies = copies.or(CUSTOM_FIELD_VALUES.FIELD_ID.in(DSL.select(CUSTOM_FIELDS.ID).from(CUSTOM_FIELDS)
              .where(CUSTOM_FIELDS.TENANT_ID.eq(workspace.value())).and(CUSTOM_FIELDS.TYPE.eq(CustomFieldType.PHONE.name())))
          .and(CUSTOM_FIELD_VALUES.TEXT_VALUE.eq(phone.get())));
    }
    // A value is a row, or a row per option of a multi-select: counted once per field and record.
    var deleted = DSL.name("deleted").as(dsl.deleteFrom(CUSTOM_FIELD_VALUES)
        .where(CUSTOM_FIELD_VALUES.TENANT_ID.eq(workspace.value()))
        .and(recordColumn(contact).eq(contact.id()).or(copies))
        .returningResult(CUSTOM_FIELD_VALUES.FIELD_ID, CUSTOM_FIELD_VALUES.CONTACT_ID, CUSTOM_FIELD_VALUES.COMPANY_ID,
            CUSTOM_FIELD_VALUES.DEAL_ID));
    Integer count = dsl.with(deleted)
        .selectCount().from(DSL.selectDistinct(deleted.fields()).from(deleted))
        .fetchOne(0, Integer.class);
    return count == null ? 0 : count;
  }
}
