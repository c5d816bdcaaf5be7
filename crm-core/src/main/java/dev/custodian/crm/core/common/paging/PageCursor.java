package dev.custodian.crm.core.common.paging;

import dev.custodian.crm.core.common.error.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/**
 * Position in a keyset walk (oldest first): the creation time and id of the last item seen. Its
 * text form is opaque to clients (base64url of a versioned string) and validated when read back.
 */
public record PageCursor(Instant createdAt, UUID id) {

  private static final String VERSION = "v1";
  /** Cursors outside these years are not ours (and PostgreSQL's timestamps could not hold all). */
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  public PageCursor {
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(id, "id");
    createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
  }

  public String encode() {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
    String plain = VERSION + ":" + micros + ":" + id;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** @throws InvalidValueException when {@code text} is not a cursor this code produced */
  public static PageCursor decode(String text) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      String[] parts = plain.split(":", -1);
      if (parts.length != 3 || !parts[0].equals(VERSION) || parts[2].length() != 36) {
        throw new InvalidValueException("is not a valid cursor");
      }
      Instant createdAt = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
      if (createdAt.isBefore(EARLIEST) || createdAt.isAfter(LATEST)) {
        throw new InvalidValueException("is not a valid cursor");
      }
      return new PageCursor(createdAt, UUID.fromString(parts[2]));
    } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
      throw new InvalidValueException("is not a valid cursor");
    }
  }
}
