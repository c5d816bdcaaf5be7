package dev.custodian.crm.core.mail;

import dev.custodian.crm.core.common.EmailAddress;
import java.util.Objects;

/**
 * One rendered plain-text mail as the {@code Mailer} sends it. It holds an address and, in its
 * body, possibly a token: {@link #toString()} shows neither.
 */
public record OutgoingMail(EmailAddress to, String subject, String body) {

  public OutgoingMail {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
    if (subject.isBlank() || subject.contains("\n") || subject.contains("\r")) {
      throw new IllegalArgumentException("a subject is one non-blank line");
    }
  }

  @Override
  public String toString() {
    return "OutgoingMail[redacted]";
  }
}
