package dev.custodian.crm.core.customfield;

import dev.custodian.crm.core.common.InMemoryTenantTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.customfield.port.out.CustomFieldRepository;
import dev.custodian.crm.core.customfield.port.out.CustomValueRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * In-memory fake of {@link CustomValueRepository}; passes the same contract as the jOOQ adapter.
 * One row per record and field; a value whose field or option is gone is not read, as the
 * database's cascades would have deleted it.
 */
public final class InMemoryCustomValueRepository implements CustomValueRepository {

  /** One field's value of one record. */
  private record Key(RecordRef record, CustomFieldId field) {}

  private record Row(WorkspaceId workspace, Key key, CustomValue value) {}

  private final InMemoryTenantTable<Key, Row> table;
  private final CustomFieldRepository fields;

  public InMemoryCustomValueRepository(InMemoryTransactions transactions, CustomFieldRepository fields) {
    this.table = InMemoryTenantTable.builder(transactions, Row::workspace, Row::key).build();
    this.fields = fields;
  }

  @Override
  public void write(WorkspaceId workspace, RecordRef record, Map<CustomField, Optional<CustomValue>> changes) {
    List<FieldError> gone = new ArrayList<>();
    changes.forEach((field, value) -> {
      Optional<CustomField> stored = fields.findById(workspace, field.id()).filter(f -> f.objectType() == record.type());
      String pointer = FieldError.path("custom", field.key().value());
      if (stored.isEmpty()) {
        gone.add(FieldError.field(pointer, CustomValues.UNKNOWN_FIELD));
      } else if (value.isPresent() && !stored.get().options().stream().map(FieldOption::id).toList()
          .containsAll(value.get().options())) {
        gone.add(FieldError.field(pointer, CustomValues.UNKNOWN_OPTION));
      }
    });
    if (!gone.isEmpty()) { // as the jOOQ adapter finds them under its key-share locks
      throw new ValidationException(gone);
    }
    changes.forEach((field, value) -> {
      Key key = new Key(record, field.id());
      table.remove(workspace, key);
      value.ifPresent(v -> table.insert(new Row(workspace, key, v)));
    });
  }

  @Override
  public CustomValues read(WorkspaceId workspace, RecordRef record) {
    Map<FieldKey, CustomValue> values = new LinkedHashMap<>();
    Map<FieldOptionId, FieldKey> optionKeys = new java.util.HashMap<>();
    for (CustomField field : fields.list(workspace, record.type())) {
      field.options().forEach(o -> optionKeys.put(o.id(), o.key()));
      table.find(workspace, new Key(record, field.id())).map(Row::value)
          .flatMap(v -> stillChosen(field, v)).ifPresent(v -> values.put(field.key(), v));
    }
    return new CustomValues(values, optionKeys);
  }

  /** The value without options deleted since (a multi-select keeps the others). */
  private static Optional<CustomValue> stillChosen(CustomField field, CustomValue value) {
    if (!field.type().hasOptions()) {
      return Optional.of(value);
    }
    List<FieldOptionId> kept = value.options().stream()
        .filter(id -> field.options().stream().anyMatch(o -> o.id().equals(id))).toList();
    if (kept.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(field.type() == CustomFieldType.SINGLE_SELECT ? value : new CustomValue(field.type(), kept));
  }

  @Override
  public int eraseContact(WorkspaceId workspace, RecordRef contact, String emailNormalised, Optional<String> phone) {
    List<Row> erased = table.visible(workspace).filter(row -> row.key().record().equals(contact)
        || row.value().type() == CustomFieldType.EMAIL
            && ((dev.custodian.crm.core.common.EmailAddress) row.value().value()).normalised().equals(emailNormalised)
        || row.value().type() == CustomFieldType.PHONE
            && phone.equals(Optional.of(((dev.custodian.crm.core.common.PhoneNumber) row.value().value()).value())))
        .filter(row -> fields.findById(workspace, row.key().field()).isPresent())
        .toList();
    erased.forEach(row -> table.remove(workspace, row.key()));
    return erased.size();
  }
}
