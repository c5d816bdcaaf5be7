package dev.custodian.crm.core.customfield.service;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.customfield.CustomFieldType;
import dev.custodian.crm.core.customfield.CustomValue;
import dev.custodian.crm.core.customfield.CustomValues;
import dev.custodian.crm.core.customfield.FieldKey;
import dev.custodian.crm.core.customfield.FieldOptionId;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.customfield.RecordRef;
import dev.custodian.crm.core.customfield.port.in.WithCustom;
import dev.custodian.crm.core.customfield.port.out.CustomFieldRepository;
import dev.custodian.crm.core.customfield.port.out.CustomValueRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Service part: the custom values of a contact's, company's or deal's write, run inside that
 * write's transaction. {@link #check} reads the object type's definitions (only when values are
 * given) and throws one {@code ValidationException} with the built-in fields' errors and the
 * custom ones ({@code custom/<key>}) together; {@link #write} stores the changes after the record.
 */
public final class CustomValueIntake {

  private final CustomFieldRepository fields;
  private final CustomValueRepository values;

  public CustomValueIntake(CustomFieldRepository fields, CustomValueRepository values) {
    this.fields = Objects.requireNonNull(fields, "fields");
    this.values = Objects.requireNonNull(values, "values");
  }

  private CustomValueIntake() {
    this.fields = null;
    this.values = null;
  }

  /** An intake without custom fields: every custom key given is a bad field, nothing is written. */
  public static CustomValueIntake none() {
    return new CustomValueIntake();
  }

  /**
   * The input's custom values as changes (empty clears), checked against the definitions of
   * {@code type} in the workspace.
   *
   * @throws dev.custodian.crm.core.common.error.ValidationException naming every bad field, built-in
   *     or custom, at once
   */
  public Map<CustomField, Optional<CustomValue>> check(WithCustom<?> input, ObjectType type) {
    return check(input, type, List.of());
  }

  /**
   * As {@link #check(WithCustom, ObjectType)}, with {@code earlier} errors the use case found in
   * the command's references (e.g. a deal's pipeline), reported with the custom ones at once.
   */
  public Map<CustomField, Optional<CustomValue>> check(WithCustom<?> input, ObjectType type,
      List<FieldError> earlier) {
    Validator v = new Validator();
    input.errors().forEach(v::reject);
    earlier.forEach(v::reject);
    Map<CustomField, Optional<CustomValue>> changes = input.custom().isEmpty() ? Map.of()
        : CustomValues.read(v, fields == null ? List.of() : fields.list(input.workspace(), type), input.custom());
    v.throwIfInvalid();
    return changes;
  }

  /** Lists by the same definitions ({@link CustomListQueries}); without custom fields, none. */
  public CustomListQueries lists() {
    return fields == null ? CustomListQueries.none() : new CustomListQueries(fields);
  }

  /** Stores the changes of one record of the workspace (nothing when there are none). */
  public void write(WorkspaceId workspace, RecordRef record, Map<CustomField, Optional<CustomValue>> changes) {
    if (!changes.isEmpty()) {
      values.write(workspace, record, changes);
    }
  }

  /** {@code current} with the changes applied, in the definitions' order of {@code current} then new keys. */
  public static CustomValues applied(CustomValues current, Map<CustomField, Optional<CustomValue>> changes) {
    Map<FieldKey, CustomValue> next = new LinkedHashMap<>(current.values());
    Map<FieldOptionId, FieldKey> optionKeys = new HashMap<>(current.optionKeys());
    changes.forEach((field, value) -> {
      value.ifPresentOrElse(v -> next.put(field.key(), v), () -> next.remove(field.key()));
      field.options().forEach(o -> optionKeys.put(o.id(), o.key()));
    });
    return new CustomValues(next, optionKeys);
  }

  /** The EMAIL values the changes set (each must pass the suppression check, DSR-04). */
  public static List<EmailAddress> emails(Map<CustomField, Optional<CustomValue>> changes) {
    return set(changes, CustomFieldType.EMAIL).stream().map(v -> (EmailAddress) v.value()).toList();
  }

  /** The PHONE values the changes set (each must pass the suppression check, DSR-04). */
  public static List<PhoneNumber> phones(Map<CustomField, Optional<CustomValue>> changes) {
    return set(changes, CustomFieldType.PHONE).stream().map(v -> (PhoneNumber) v.value()).toList();
  }

  /** The EMAIL values the changes set that {@code current} does not hold already (what a change adds). */
  public static List<EmailAddress> addedEmails(Map<CustomField, Optional<CustomValue>> changes, CustomValues current) {
    return emails(changes).stream()
        .filter(e -> !current.values().containsValue(new CustomValue(CustomFieldType.EMAIL, e))).toList();
  }

  /** The PHONE values the changes set that {@code current} does not hold already (what a change adds). */
  public static List<PhoneNumber> addedPhones(Map<CustomField, Optional<CustomValue>> changes, CustomValues current) {
    return phones(changes).stream()
        .filter(p -> !current.values().containsValue(new CustomValue(CustomFieldType.PHONE, p))).toList();
  }

  private static List<CustomValue> set(Map<CustomField, Optional<CustomValue>> changes, CustomFieldType type) {
    return changes.values().stream().flatMap(Optional::stream).filter(v -> v.type() == type).toList();
  }
}
