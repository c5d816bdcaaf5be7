package dev.custodian.crm.core.mail;

import dev.custodian.crm.core.common.EmailAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One rendered plain-text mail as the {@code Mailer} sends it. It holds an address and, in its
 * body, possibly a token: {@link #toString()} shows neither.
 *
 * @param headers extra header fields, in order (e.g. {@code List-Unsubscribe}); each one line
 */
public record OutgoingMail(EmailAddress to, String subject, String body, Map<String, String> headers) {

  /** The RFC 2369 header naming the one-click unsubscribe URL. */
  public static final String LIST_UNSUBSCRIBE = "List-Unsubscribe";
  /** The RFC 8058 header that makes it one-click. */
  public static final String LIST_UNSUBSCRIBE_POST = "List-Unsubscribe-Post";

  public OutgoingMail(EmailAddress to, String subject, String body) {
    this(to, subject, body, Map.of());
  }

  public OutgoingMail {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(headers, "headers");
    if (subject.isBlank() || subject.contains("\n") || subject.contains("\r")) {
      throw new IllegalArgumentException("a subject is one non-blank line");
    }
    headers.forEach((name, value) -> {
      if (!name.matches("[A-Za-z][A-Za-z0-9-]*") || value.contains("\n") || value.contains("\r")) {
        throw new IllegalArgumentException("a header is a name and one line");
      }
    });
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** The headers of a one-click unsubscribe through {@code link} (RFC 2369, RFC 8058). */
  public static Map<String, String> unsubscribeHeaders(URI link) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(LIST_UNSUBSCRIBE, "<" + link + ">");
    headers.put(LIST_UNSUBSCRIBE_POST, "List-Unsubscribe=One-Click");
    return headers;
  }

  @Override
  public String toString() {
    return "OutgoingMail[redacted]";
  }
}
