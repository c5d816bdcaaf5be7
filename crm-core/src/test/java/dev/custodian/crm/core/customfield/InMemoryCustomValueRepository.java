package dev.custodian.crm.core.customfield;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.InMemoryTenantTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.Money;
import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.paging.CustomColumn;
import dev.custodian.crm.core.common.paging.TextOrder;
import dev.custodian.crm.core.customfield.port.out.CustomFieldRepository;
import dev.custodian.crm.core.customfield.port.out.CustomValueRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

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
    Map<FieldOptionId, FieldKey> optionKeys = new HashMap<>();
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

  /**
   * How a list reads one part of its records' values of one field ({@code ListFields#withCustom}):
   * a text's sort key, a select's chosen option keys (a collection, empty without a value), a
   * single select's option's position (from 1), an amount or its currency code; {@code null} without
   * a value. Each workspace's values of the field are read once (a reader lives for one page).
   */
  public BiFunction<WorkspaceId, RecordRef, Object> listed(CustomColumn column) {
    CustomFieldId id = CustomFieldId.of(column.fieldId());
    Map<WorkspaceId, Map<RecordRef, CustomValue>> read = new HashMap<>();
    Map<WorkspaceId, Optional<CustomField>> definitions = new HashMap<>();
    return (workspace, record) -> {
      Optional<CustomField> field = definitions.computeIfAbsent(workspace, w -> fields.findById(w, id))
          .filter(f -> f.objectType() == record.type());
      Map<RecordRef, CustomValue> byRecord = read.computeIfAbsent(workspace, w -> {
        Map<RecordRef, CustomValue> values = new HashMap<>();
        table.visible(w).filter(row -> row.key().field().equals(id))
            .forEach(row -> values.put(row.key().record(), row.value()));
        return values;
      });
      Optional<CustomValue> value = field.flatMap(f -> Optional.ofNullable(byRecord.get(record)).flatMap(v -> stillChosen(f, v)));
      return part(column, field, value);
    };
  }

  private static Object part(CustomColumn column, Optional<CustomField> field, Optional<CustomValue> value) {
    if (column.part() == CustomColumn.Part.OPTION) {
      return value.map(v -> v.options().stream().map(o -> field.get().options().stream()
          .filter(option -> option.id().equals(o)).findFirst().orElseThrow().key().value()).toList())
          .orElse(List.of());
    }
    if (value.isEmpty()) {
      return null;
    }
    Object v = value.get().value();
    return switch (column.part()) {
      case TEXT -> TextOrder.key(switch (value.get().type()) {
        case EMAIL -> ((EmailAddress) v).value();
        case PHONE -> ((PhoneNumber) v).value();
        default -> v.toString();
      });
      case NUMBER, DATE, BOOLEAN -> v;
      case DECIMAL -> CustomValues.canonical((BigDecimal) v);
      case OPTION_POSITION -> (long) field.get().options().stream().map(FieldOption::id).toList()
          .indexOf(value.get().options().get(0)) + 1;
      case AMOUNT -> ((Money) v).amount();
      case CURRENCY -> ((Money) v).currency().getCurrencyCode();
      case OPTION -> throw new IllegalStateException("read above");
    };
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
