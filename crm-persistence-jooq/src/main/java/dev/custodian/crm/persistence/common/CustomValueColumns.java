package dev.custodian.crm.persistence.common;

import static dev.custodian.crm.persistence.generated.Tables.CUSTOM_FIELDS;
import static dev.custodian.crm.persistence.generated.Tables.CUSTOM_FIELD_OPTIONS;
import static dev.custodian.crm.persistence.generated.Tables.CUSTOM_FIELD_VALUES;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.Money;
import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.customfield.CustomFieldType;
import dev.custodian.crm.core.customfield.CustomValue;
import dev.custodian.crm.core.customfield.CustomValues;
import dev.custodian.crm.core.customfield.FieldKey;
import dev.custodian.crm.core.customfield.FieldOptionId;
import dev.custodian.crm.core.customfield.ObjectType;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.DSL;

/**
 * A record's custom values as one column of its own row's statement (a nested set), so a contact,
 * company or deal is read with its values in one round trip, a page of them too (a set per row).
 */
public final class CustomValueColumns {

  private CustomValueColumns() {}

  /**
   * The values of the record of {@code type} whose row has {@code tenant} and {@code id}, with
   * their field's key and type (and a select value's option key), in the fields' order.
   */
  public static Field<Result<Record>> of(ObjectType type, Field<UUID> tenant, Field<UUID> id) {
    Field<UUID> record = switch (type) {
      case CONTACT -> CUSTOM_FIELD_VALUES.CONTACT_ID;
      case COMPANY -> CUSTOM_FIELD_VALUES.COMPANY_ID;
      case DEAL -> CUSTOM_FIELD_VALUES.DEAL_ID;
    };
    return DSL.multiset(DSL.select(CUSTOM_FIELD_VALUES.fields())
        .select(CUSTOM_FIELDS.FIELD_KEY, CUSTOM_FIELDS.TYPE, CUSTOM_FIELD_OPTIONS.OPTION_KEY)
        .from(CUSTOM_FIELD_VALUES).join(CUSTOM_FIELDS)
        .on(CUSTOM_FIELDS.TENANT_ID.eq(CUSTOM_FIELD_VALUES.TENANT_ID)).and(CUSTOM_FIELDS.ID.eq(CUSTOM_FIELD_VALUES.FIELD_ID))
        .leftJoin(CUSTOM_FIELD_OPTIONS)
        .on(CUSTOM_FIELD_OPTIONS.TENANT_ID.eq(CUSTOM_FIELD_VALUES.TENANT_ID))
        .and(CUSTOM_FIELD_OPTIONS.ID.eq(CUSTOM_FIELD_VALUES.OPTION_ID))
        .where(CUSTOM_FIELD_VALUES.TENANT_ID.eq(tenant)).and(record.eq(id))
        .orderBy(CUSTOM_FIELDS.CREATED_AT, CUSTOM_FIELDS.ID, CUSTOM_FIELD_VALUES.ID)).as("custom");
  }

  /** Values from their rows (with the field's key and type), a multi-select's rows into one. */
  public static CustomValues values(List<Record> rows) {
    Map<FieldKey, CustomValue> values = new LinkedHashMap<>();
    Map<FieldKey, List<FieldOptionId>> chosen = new LinkedHashMap<>();
    Map<FieldOptionId, FieldKey> optionKeys = new HashMap<>();
    for (Record row : rows) {
      FieldKey key = new FieldKey(row.get(CUSTOM_FIELDS.FIELD_KEY));
      if (row.field(CUSTOM_FIELD_OPTIONS.OPTION_KEY) != null && row.get(CUSTOM_FIELD_OPTIONS.OPTION_KEY) != null) {
        optionKeys.put(FieldOptionId.of(row.get(CUSTOM_FIELD_VALUES.OPTION_ID)),
            new FieldKey(row.get(CUSTOM_FIELD_OPTIONS.OPTION_KEY)));
      }
      CustomFieldType type = CustomFieldType.valueOf(row.get(CUSTOM_FIELDS.TYPE));
      if (type == CustomFieldType.MULTI_SELECT) {
        chosen.computeIfAbsent(key, k -> new ArrayList<>()).add(FieldOptionId.of(row.get(CUSTOM_FIELD_VALUES.OPTION_ID)));
        values.putIfAbsent(key, null); // its place in the order
        continue;
      }
      String text = row.get(CUSTOM_FIELD_VALUES.TEXT_VALUE);
      Object value = switch (type) {
        case TEXT -> text;
        case EMAIL -> new EmailAddress(text);
        case PHONE -> new PhoneNumber(text);
        case URL -> URI.create(text);
        case NUMBER -> row.get(CUSTOM_FIELD_VALUES.NUMBER_VALUE);
        case DECIMAL -> CustomValues.canonical(row.get(CUSTOM_FIELD_VALUES.DECIMAL_VALUE));
        case DATE -> row.get(CUSTOM_FIELD_VALUES.DATE_VALUE);
        case BOOLEAN -> row.get(CUSTOM_FIELD_VALUES.BOOLEAN_VALUE);
        case SINGLE_SELECT -> FieldOptionId.of(row.get(CUSTOM_FIELD_VALUES.OPTION_ID));
        case CURRENCY -> new Money(row.get(CUSTOM_FIELD_VALUES.AMOUNT), Money.currency(row.get(CUSTOM_FIELD_VALUES.CURRENCY)));
        case MULTI_SELECT -> throw new IllegalStateException("read above");
      };
      values.put(key, new CustomValue(type, value));
    }
    chosen.forEach((key, options) -> values.put(key, new CustomValue(CustomFieldType.MULTI_SELECT, options)));
    return new CustomValues(values, optionKeys);
  }
}
