package dev.custodian.crm.core.common.validation;

import dev.custodian.crm.core.common.error.InvalidValueException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reading an id given as text (a path parameter, a body field): exactly the 36-character form with
 * hyphens, hex digits in either case. {@link UUID#fromString} alone would also take shorter groups
 * and read them as other ids.
 */
public final class Uuids {

  private static final Pattern FORMAT = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Uuids() {}

  /** @throws InvalidValueException when {@code raw} is not a UUID in its canonical form */
  public static UUID parse(String raw) {
    if (raw == null || !FORMAT.matcher(raw).matches()) {
      throw new InvalidValueException("must be a UUID");
    }
    return UUID.fromString(raw);
  }
}
