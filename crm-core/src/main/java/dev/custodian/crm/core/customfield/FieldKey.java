package dev.custodian.crm.core.customfield;

import dev.custodian.crm.core.common.error.InvalidValueException;
import java.util.regex.Pattern;

/**
 * The stable key of a custom field (unique per object type of a workspace) or of a select field's
 * option (unique in its field): a lower-case letter, then up to 49 lower-case letters, digits or
 * {@code _}. Fixed once given: values and clients name fields and options by it.
 */
public record FieldKey(String value) {

  public static final int MAX_LENGTH = 50;
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,49}");

  public FieldKey {
    if (value == null || !KEY.matcher(value).matches()) {
      throw new InvalidValueException("must be a lower-case letter, then up to 49 lower-case letters, digits or _");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
