package dev.custodian.crm.core.consent;

import dev.custodian.crm.core.common.error.InvalidValueException;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A marketing mail a workspace queued for a purpose (CON-02): its subject line, plain text and the
 * sender's postal address, sent to each contact the purpose allowed when queued, and asked again
 * when each mail goes out.
 */
public record MarketingMail(WorkspaceId workspace, UUID id, PurposeKey purpose, String subject, String text,
    String postalAddress, Instant createdAt) {

  public static final int SUBJECT_MAX = 200;
  public static final int TEXT_MAX = 20_000;
  public static final int POSTAL_ADDRESS_MAX = 500;

  public MarketingMail {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(purpose, "purpose");
    subject = subject(subject);
    text = text(text, TEXT_MAX);
    postalAddress = text(postalAddress, POSTAL_ADDRESS_MAX);
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** A subject line: one non-blank line of at most {@link #SUBJECT_MAX} characters. */
  public static String subject(String value) {
    String line = text(value, SUBJECT_MAX);
    if (line.contains("\n") || line.contains("\r")) {
      throw new InvalidValueException("must be one line");
    }
    return line;
  }

  /** A non-blank text of at most {@code max} characters, stripped. */
  public static String text(String value, int max) {
    Objects.requireNonNull(value, "value");
    String stripped = value.strip();
    if (stripped.isEmpty()) {
      throw new InvalidValueException("must not be blank");
    }
    if (stripped.length() > max) {
      throw new InvalidValueException("must be at most " + max + " characters");
    }
    return stripped;
  }

  @Override
  public String toString() {
    return "MarketingMail[" + id + "]";
  }
}
