package dev.custodian.crm.core.access.port.in;

import dev.custodian.crm.core.access.WorkspaceApiKey;
import java.util.Objects;

/** A key just made: the stored record and the key itself, shown this once. {@link #toString()} leaves the key out. */
public record CreatedApiKey(WorkspaceApiKey key, String token) {

  public CreatedApiKey {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(token, "token");
  }

  @Override
  public String toString() {
    return "CreatedApiKey[id=" + key.id() + ", token=(redacted)]";
  }
}
