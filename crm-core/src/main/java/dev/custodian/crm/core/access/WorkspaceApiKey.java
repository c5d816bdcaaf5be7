package dev.custodian.crm.core.access;

import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.port.out.TokenGenerator;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An API key of one workspace, as stored: never the key itself (only its SHA-256 is kept, apart
 * from this record). Its role is VIEWER, MEMBER or ADMIN, never OWNER.
 *
 * @param lastUsedAt written at most once a minute
 */
public record WorkspaceApiKey(ApiKeyId id, WorkspaceId workspace, ApiKeyName name, Role role, AccountId createdBy,
    Instant createdAt, Optional<Instant> lastUsedAt, Optional<Instant> revokedAt) {

  /** How often the last use is written at most. */
  public static final java.time.Duration LAST_USE_RESOLUTION = java.time.Duration.ofMinutes(1);
  /** The token type of an API key: {@code crmk_} and 32 random bytes. */
  public static final String TOKEN_PREFIX = "crmk_";
  private static final Pattern TOKEN = TokenGenerator.format(TOKEN_PREFIX);

  public WorkspaceApiKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(createdBy, "createdBy");
    createdAt = Timestamps.micros(Objects.requireNonNull(createdAt, "createdAt"));
    lastUsedAt = Objects.requireNonNull(lastUsedAt, "lastUsedAt").map(Timestamps::micros);
    revokedAt = Objects.requireNonNull(revokedAt, "revokedAt").map(Timestamps::micros);
    if (role == Role.OWNER) {
      throw new IllegalArgumentException("an API key is never an OWNER");
    }
  }

  /** A new key. */
  public static WorkspaceApiKey create(ApiKeyId id, WorkspaceId workspace, ApiKeyName name, Role role,
      AccountId createdBy, Instant now) {
    return new WorkspaceApiKey(id, workspace, name, role, createdBy, now, Optional.empty(), Optional.empty());
  }

  /** Whether {@code token} looks like an API key; anything else is not looked up, nor even hashed. */
  public static boolean isWellFormed(String token) {
    return token != null && TOKEN.matcher(token).matches();
  }

  /** Whether a use at {@code now} is to be written: none was within {@link #LAST_USE_RESOLUTION}. */
  public boolean useIsDueAt(Instant now) {
    return lastUsedAt.map(last -> !now.isBefore(last.plus(LAST_USE_RESOLUTION))).orElse(true);
  }
}
