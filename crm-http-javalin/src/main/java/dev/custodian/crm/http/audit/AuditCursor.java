package dev.custodian.crm.http.audit;

import dev.custodian.crm.core.common.error.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The audit list's own opaque cursor: where the next page starts (below a sequence), base64url. */
final class AuditCursor {

  private static final String PREFIX = "audit1:";

  private AuditCursor() {}

  static String encode(long below) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((PREFIX + below).getBytes(StandardCharsets.US_ASCII));
  }

  /** @throws InvalidValueException for a cursor this list did not hand out */
  static long decode(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      if (text.startsWith(PREFIX)) {
        long below = Long.parseLong(text.substring(PREFIX.length()));
        if (below > 1) {
          return below;
        }
      }
    } catch (IllegalArgumentException e) {
      // below: not one of ours
    }
    throw new InvalidValueException("must be a cursor this list answered");
  }
}
