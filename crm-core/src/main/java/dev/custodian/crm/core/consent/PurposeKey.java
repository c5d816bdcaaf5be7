package dev.custodian.crm.core.consent;

import dev.custodian.crm.core.common.error.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Value object: a purpose's key, a slug unique in its workspace ({@code marketing-email}); it never
 * changes, since ledger entries name their purpose by it.
 */
public record PurposeKey(String value) {

  public static final int MAX_LENGTH = 64;
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  public PurposeKey {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty() || value.length() > MAX_LENGTH || !SLUG.matcher(value).matches()) {
      throw new InvalidValueException("must be a slug of lower-case letters, digits and single hyphens, at most "
          + MAX_LENGTH + " characters");
    }
  }

  /**
   * How the audit trail names the purpose: a name-based UUID of {@code purpose:<key>}, the same in
   * every workspace and forever (the key never changes); audit details hold ids, never a slug.
   */
  public UUID auditId() {
    return UUID.nameUUIDFromBytes(("purpose:" + value).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return value;
  }
}
