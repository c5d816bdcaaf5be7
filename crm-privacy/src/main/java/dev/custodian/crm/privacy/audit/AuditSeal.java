package dev.custodian.crm.privacy.audit;

import dev.custodian.crm.core.audit.port.out.AuditStore;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The canonical encoding of an entry, version 1, and its seal: HMAC-SHA256 under the chain's key.
 * Stored for good (every entry keeps the version it was sealed with; a new version gets a new
 * number and this one stays readable).
 *
 * <p>Version 1 is the UTF-8 magic {@code custodian-crm/audit/v1}, then sixteen fields, each as a
 * 4-byte big-endian length and its bytes: chain ({@code platform} or the workspace's uuid),
 * sequence (decimal), time (microseconds since the epoch, decimal), actor kind, actor account
 * (uuid or empty), actor API key (uuid or empty), action, target type, target id (uuid or empty),
 * outcome, details (canonical {@code key=value;...}), subject (uuid or empty), the ciphertexts of
 * email, IP and user agent (raw bytes or empty), and the previous entry's hash (32 zero bytes
 * before the first entry). Texts are UTF-8; names are the lower-case labels.
 */
final class AuditSeal {

  static final int VERSION = 1;
  static final byte[] GENESIS = new byte[32];
  private static final byte[] MAGIC = "custodian-crm/audit/v1".getBytes(StandardCharsets.UTF_8);

  private AuditSeal() {}

  /** The canonical encoding of {@code row} (its own hash aside). */
  static byte[] encode(AuditStore.Row row) {
    if (row.encoding() != VERSION) {
      throw new IllegalArgumentException("unknown audit encoding " + row.encoding());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.writeBytes(MAGIC);
    field(out, row.chain().label());
    field(out, Long.toString(row.sequence()));
    field(out, Long.toString(micros(row.at())));
    field(out, row.actor().kind().label());
    field(out, uuid(row.actor().account()));
    field(out, uuid(row.actor().apiKey()));
    field(out, row.action().label());
    field(out, row.targetType().label());
    field(out, uuid(row.targetId()));
    field(out, row.outcome().label());
    field(out, row.details().canonical());
    field(out, uuid(row.subject()));
    field(out, row.email().orElse(new byte[0]));
    field(out, row.ip().orElse(new byte[0]));
    field(out, row.userAgent().orElse(new byte[0]));
    field(out, row.previousHash());
    return out.toByteArray();
  }

  /** HMAC-SHA256 of the row's encoding under the chain's key. */
  static byte[] seal(byte[] chainKey, AuditStore.Row row) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(chainKey, "HmacSHA256"));
      return mac.doFinal(encode(row));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  static long micros(Instant at) {
    return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
  }

  private static String uuid(Optional<UUID> id) {
    return id.map(UUID::toString).orElse("");
  }

  private static void field(ByteArrayOutputStream out, String text) {
    field(out, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void field(ByteArrayOutputStream out, byte[] bytes) {
    out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
    out.writeBytes(bytes);
  }
}
