package dev.custodian.crm.core.customfield;

import dev.custodian.crm.core.common.error.InvalidValueException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a custom field holds, fixed once defined; the API names it in lower case
 * ({@code single_select}). Only the select types have options.
 */
public enum CustomFieldType {
  /** Up to 1,000 characters. */
  TEXT,
  /** A whole number of 64 bits. */
  NUMBER,
  /** An exact decimal, a JSON string ({@code "12.50"}). */
  DECIMAL,
  /** An ISO-8601 date. */
  DATE,
  BOOLEAN,
  /** One option, by its key. */
  SINGLE_SELECT,
  /** Any options, by their keys. */
  MULTI_SELECT,
  /** An email address, by the contact's rules. */
  EMAIL,
  /** A phone number, by the contact's rules. */
  PHONE,
  /** An http or https URL. */
  URL,
  /** Money: {@code {"amount": "12.50", "currency": "EUR"}}. */
  CURRENCY;

  /** The name the API uses. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether fields of this type have options (and must have at least one). */
  public boolean hasOptions() {
    return this == SINGLE_SELECT || this == MULTI_SELECT;
  }

  /** @throws InvalidValueException for a name that is not one of the types' */
  public static CustomFieldType fromApi(String raw) {
    return Arrays.stream(values()).filter(t -> t.apiName().equals(raw)).findFirst()
        .orElseThrow(() -> new InvalidValueException("must be one of: "
            + Arrays.stream(values()).map(CustomFieldType::apiName).collect(Collectors.joining(", "))));
  }
}
