package dev.custodian.crm.core.erasure;

import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One suppressed identifier of a workspace: only its keyed hash (HMAC-SHA256 under the
 * workspace's suppression key, lower-case hex), so the list holds no email or phone in clear and a
 * database dump alone cannot be used to test guesses.
 */
public record SuppressionEntry(WorkspaceId workspace, SuppressionKind kind, String keyedHash, Instant createdAt) {

  private static final Pattern HEX_256 = Pattern.compile("[0-9a-f]{64}");

  public SuppressionEntry {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(keyedHash, "keyedHash");
    if (!HEX_256.matcher(keyedHash).matches()) {
      throw new IllegalArgumentException("a keyed hash is 64 lower-case hex characters");
    }
    createdAt = Timestamps.micros(Objects.requireNonNull(createdAt, "createdAt"));
  }
}
