package dev.custodian.crm.http.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodian.crm.core.common.Money;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.validation.Validator;
import java.util.Iterator;
import java.util.Set;

/**
 * Money's JSON form, {@code {"amount":"12500.50","currency":"EUR"}}: the amount a string (never a
 * number), answered at the currency's scale. Read strictly by {@link Money}, each part's error
 * named under the field that holds it ({@code #/amount/amount}, {@code #/amount/currency}).
 */
public record MoneyJson(String amount, String currency) {

  private static final Set<String> MEMBERS = Set.of("amount", "currency");

  public static MoneyJson from(Money money) {
    return money == null ? null : new MoneyJson(money.amountText(), money.currency().getCurrencyCode());
  }

  /** The money this form holds, its errors recorded in {@code v} under {@code field}; {@code null} when bad. */
  public Money toMoney(Validator v, String field) {
    return Money.of(v, FieldError.path(field, "amount"), FieldError.path(field, "currency"), amount, currency);
  }

  /**
   * One money field of a merge patch: absent, clear ({@code null}) or an object of the form above;
   * anything else, an unknown member or a non-string part is recorded in {@code v} (and absent).
   */
  public static PatchValue<Money> patch(ObjectNode body, String field, Validator v) {
    if (!body.has(field)) {
      return PatchValue.absent();
    }
    JsonNode value = body.get(field);
    if (value.isNull()) {
      return PatchValue.clear();
    }
    if (!value.isObject()) {
      v.reject(field, "must be an object with amount and currency, or null");
      return PatchValue.absent();
    }
    boolean bad = false;
    for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!MEMBERS.contains(name)) {
        v.reject(FieldError.path(field, name), "is not a field of an amount of money");
        bad = true;
      }
    }
    for (String member : MEMBERS) {
      JsonNode part = value.get(member);
      if (part != null && !part.isNull() && !part.isTextual()) {
        v.reject(FieldError.path(field, member), "must be a string");
        bad = true;
      }
    }
    if (bad) {
      return PatchValue.absent();
    }
    Money money = new MoneyJson(text(value.get("amount")), text(value.get("currency"))).toMoney(v, field);
    return money == null ? PatchValue.absent() : PatchValue.set(money);
  }

  /** A string part, or null for none (which Money names as required). */
  private static String text(JsonNode part) {
    return part == null || part.isNull() ? null : part.textValue();
  }
}
