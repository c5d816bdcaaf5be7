package dev.custodian.crm.http.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.Money;
import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.customfield.CustomValue;
import dev.custodian.crm.core.customfield.CustomValues;
import dev.custodian.crm.core.customfield.FieldKey;
import dev.custodian.crm.core.customfield.FieldOptionId;
import dev.custodian.crm.core.customfield.port.in.WithCustom;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A record's {@code custom} member: each value in its type's JSON form, the form a write takes
 * (TEXT, EMAIL, PHONE, URL, DATE and DECIMAL a string, NUMBER a number, BOOLEAN true or false, a
 * select its option's key or keys, CURRENCY {@code {"amount": "12.50", "currency": "EUR"}}).
 */
public final class CustomJson {

  private CustomJson() {}

  /** The values by key, in their fields' order; empty when the record has none. */
  public static Map<String, Object> of(CustomValues custom) {
    Map<String, Object> json = new LinkedHashMap<>();
    custom.values().forEach((key, value) -> json.put(key.value(), value(custom, value)));
    return json;
  }

  /**
   * A write with its custom values, for the use case to check with the workspace's definitions (its
   * errors then join the built-in fields' in one 400); without custom values or a workspace, the
   * 400 at once.
   *
   * @param command the built-in fields' command, {@code null} when {@code v} holds their errors
   */
  public static <C> WithCustom<C> withCustom(Validator v, WorkspaceId workspace, C command,
      Map<String, Object> custom) {
    if (workspace == null || custom == null || custom.isEmpty()) {
      v.throwIfInvalid();
    }
    return WithCustom.of(v, workspace, command, custom);
  }

  /**
   * The {@code custom} member of a merge patch as raw values ({@code null} clears a key; a key left
   * out keeps its value); empty when absent. Anything but an object is recorded in {@code v}.
   */
  public static Map<String, Object> fromPatch(ObjectNode body, Validator v) {
    JsonNode custom = body.get("custom");
    if (custom == null) {
      return Map.of();
    }
    if (!custom.isObject()) {
      v.reject("custom", "must be an object of custom field values by key");
      return Map.of();
    }
    Map<String, Object> raw = new LinkedHashMap<>();
    custom.fields().forEachRemaining(member -> raw.put(member.getKey(), raw(member.getValue())));
    return raw;
  }

  /** A JSON value as a JSON reader gives it: string, whole number, decimal, boolean, list, map or null. */
  private static Object raw(JsonNode node) {
    if (node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isArray()) {
      List<Object> items = new ArrayList<>();
      node.forEach(item -> items.add(raw(item)));
      return items;
    }
    Map<String, Object> members = new LinkedHashMap<>();
    node.fields().forEachRemaining(member -> members.put(member.getKey(), raw(member.getValue())));
    return members;
  }

  @SuppressWarnings("unchecked")
  private static Object value(CustomValues custom, CustomValue value) {
    return switch (value.type()) {
      case TEXT, NUMBER, BOOLEAN -> value.value();
      case DECIMAL -> ((BigDecimal) value.value()).toPlainString();
      case DATE, URL -> value.value().toString();
      case EMAIL -> ((EmailAddress) value.value()).value();
      case PHONE -> ((PhoneNumber) value.value()).value();
      case SINGLE_SELECT -> key(custom, (FieldOptionId) value.value());
      case MULTI_SELECT -> ((List<FieldOptionId>) value.value()).stream().map(o -> key(custom, o)).sorted().toList(); // one order, whatever the rows
      case CURRENCY -> MoneyJson.from((Money) value.value());
    };
  }

  private static String key(CustomValues custom, FieldOptionId option) {
    return custom.optionKey(option).map(FieldKey::value).orElse(option.toString());
  }
}
