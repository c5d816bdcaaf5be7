package dev.custodian.crm.core.customfield;

import dev.custodian.crm.core.common.error.InvalidValueException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kind of record a custom field belongs to; the API names it in lower case ({@code contact}). */
public enum ObjectType {
  CONTACT,
  COMPANY,
  DEAL;

  /** The name the API uses. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws InvalidValueException for a name that is none of {@code contact}, {@code company}, {@code deal} */
  public static ObjectType fromApi(String raw) {
    return Arrays.stream(values()).filter(t -> t.apiName().equals(raw)).findFirst()
        .orElseThrow(() -> new InvalidValueException("must be one of: "
            + Arrays.stream(values()).map(ObjectType::apiName).collect(Collectors.joining(", "))));
  }
}
