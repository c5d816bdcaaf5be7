package dev.custodian.crm.persistence.common;

import static dev.custodian.crm.persistence.generated.Tables.CUSTOM_FIELDS;
import static dev.custodian.crm.persistence.generated.Tables.CUSTOM_FIELD_OPTIONS;
import static dev.custodian.crm.persistence.generated.Tables.CUSTOM_FIELD_VALUES;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.Money;
import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.customfield.CustomFieldType;
import dev.custodian.crm.core.customfield.CustomValue;
import dev.custodian.crm.core.customfield.CustomValues;
import dev.custodian.crm.core.customfield.FieldKey;
import dev.custodian.crm.core.customfield.FieldOptionId;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.persistence.generated.tables.CustomFieldValues;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A record's custom values as one column of its own row's statement, so a contact, company or deal
 * is read with its values in one round trip, a page or an export of them too. The column is one
 * flat text array, {@value #PER_VALUE} items per stored value: its field's key, its type, the value
 * as text and a select value's option key. An array of text costs PostgreSQL and the driver far
 * less per row than a nested set (a JSON document jOOQ parses), and reads the same from a jOOQ
 * record and a JDBC result set. Texts are PostgreSQL's own output forms (the driver holds
 * {@code DateStyle} at ISO), parsed back exactly.
 */
public final class CustomValueColumns {

  /** Items in the array per stored value. */
  static final int PER_VALUE = 4;

  private static final String NAME = "custom";

  private CustomValueColumns() {}

  /**
   * The values of the record of {@code type} whose row has {@code tenant} and {@code id}, with
   * their field's key and type (and a select value's option key), in the fields' order (a
   * multi-select's options in the order they were stored).
   */
  public static Field<String[]> of(ObjectType type, Field<UUID> tenant, Field<UUID> id) {
    return of(type, tenant, id, DSL.noCondition());
  }

  /**
   * {@link #of(ObjectType, Field, Field)} with the values of {@code fields} only (an export's
   * columns): none, and the column is a constant {@code NULL} that reads nothing.
   */
  public static Field<String[]> of(ObjectType type, Field<UUID> tenant, Field<UUID> id, List<CustomField> fields) {
    if (fields.isEmpty()) {
      return DSL.inline(null, SQLDataType.VARCHAR.array()).as(NAME);
    }
    UUID[] ids = fields.stream().map(field -> field.id().value()).toArray(UUID[]::new);
    return of(type, tenant, id, CUSTOM_FIELD_VALUES.FIELD_ID.eq(DSL.any(DSL.val(ids))));
  }

  private static Field<String[]> of(ObjectType type, Field<UUID> tenant, Field<UUID> id, Condition which) {
    Field<UUID> record = switch (type) {
      case CONTACT -> CUSTOM_FIELD_VALUES.CONTACT_ID;
      case COMPANY -> CUSTOM_FIELD_VALUES.COMPANY_ID;
      case DEAL -> CUSTOM_FIELD_VALUES.DEAL_ID;
    };
    CustomFieldValues v = CUSTOM_FIELD_VALUES;
    // exactly one of these is set for a value of the field's type (a currency's amount with its currency)
    Field<String> text = DSL.coalesce(v.TEXT_VALUE, v.NUMBER_VALUE.cast(String.class), v.DECIMAL_VALUE.cast(String.class),
        v.DATE_VALUE.cast(String.class), v.BOOLEAN_VALUE.cast(String.class), v.OPTION_ID.cast(String.class),
        v.AMOUNT.cast(String.class).concat(DSL.inline(" "), v.CURRENCY));
    Table<?> items = DSL.unnest(DSL.array(CUSTOM_FIELDS.FIELD_KEY, CUSTOM_FIELDS.TYPE, text, CUSTOM_FIELD_OPTIONS.OPTION_KEY))
        .withOrdinality().as("item", "text", "n");
    return DSL.array(DSL.select(items.field("text", String.class))
        .from(v).join(CUSTOM_FIELDS)
        .on(CUSTOM_FIELDS.TENANT_ID.eq(v.TENANT_ID)).and(CUSTOM_FIELDS.ID.eq(v.FIELD_ID))
        .leftJoin(CUSTOM_FIELD_OPTIONS)
        .on(CUSTOM_FIELD_OPTIONS.TENANT_ID.eq(v.TENANT_ID)).and(CUSTOM_FIELD_OPTIONS.ID.eq(v.OPTION_ID))
        .crossJoin(DSL.lateral(items))
        .where(v.TENANT_ID.eq(tenant)).and(record.eq(id)).and(which)
        .orderBy(CUSTOM_FIELDS.CREATED_AT, CUSTOM_FIELDS.ID, v.ID, items.field("n"))).as(NAME);
  }

  /** Values from {@link #of}'s array (none: no values), a multi-select's items into one value. */
  public static CustomValues values(String[] items) {
    if (items == null || items.length == 0) {
      return CustomValues.NONE;
    }
    Map<FieldKey, CustomValue> values = new LinkedHashMap<>();
    Map<FieldKey, List<FieldOptionId>> chosen = new LinkedHashMap<>();
    Map<FieldOptionId, FieldKey> optionKeys = new HashMap<>();
    for (int i = 0; i + PER_VALUE <= items.length; i += PER_VALUE) {
      FieldKey key = new FieldKey(items[i]);
      CustomFieldType type = CustomFieldType.valueOf(items[i + 1]);
      String text = items[i + 2];
      String optionKey = items[i + 3];
      boolean select = type == CustomFieldType.SINGLE_SELECT || type == CustomFieldType.MULTI_SELECT;
      FieldOptionId option = select ? FieldOptionId.of(UUID.fromString(text)) : null; // parsed once
      if (optionKey != null) {
        optionKeys.put(option, new FieldKey(optionKey));
      }
      if (type == CustomFieldType.MULTI_SELECT) {
        chosen.computeIfAbsent(key, k -> new ArrayList<>()).add(option);
        values.putIfAbsent(key, null); // its place in the order
        continue;
      }
      Object value = switch (type) {
        case TEXT -> text;
        case EMAIL -> new EmailAddress(text);
        case PHONE -> new PhoneNumber(text);
        case URL -> URI.create(text);
        case NUMBER -> Long.valueOf(text);
        case DECIMAL -> CustomValues.canonical(new BigDecimal(text));
        case DATE -> LocalDate.parse(text);
        case BOOLEAN -> Boolean.valueOf(text);
        case SINGLE_SELECT -> option;
        case CURRENCY -> money(text);
        case MULTI_SELECT -> throw new IllegalStateException("read above");
      };
      values.put(key, new CustomValue(type, value));
    }
    chosen.forEach((key, options) -> values.put(key, new CustomValue(CustomFieldType.MULTI_SELECT, options)));
    return new CustomValues(values, optionKeys);
  }

  /** {@code <amount> <currency>}, as {@link #of} writes a currency value. */
  private static Money money(String text) {
    int space = text.indexOf(' ');
    return new Money(new BigDecimal(text.substring(0, space)), Money.currency(text.substring(space + 1)));
  }
}
