package dev.custodian.crm.core.access;

import dev.custodian.crm.core.common.port.out.TokenHash;
import dev.custodian.crm.core.session.SessionPolicy;
import java.util.Objects;
import java.util.Optional;

/**
 * A credential as a request presented it, before anyone checked it: a session token or an API
 * key, kept only as its hash (the token itself goes no further than the factory). A token that
 * does not even look like one of its kind has no hash and is refused without a lookup.
 */
public record Credential(Kind kind, Optional<String> hash) {

  /** What the token claims to be. */
  public enum Kind { SESSION, API_KEY }

  public Credential {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(hash, "hash");
  }

  /** A session token, e.g. from the session cookie. */
  public static Credential sessionToken(String token) {
    return new Credential(Kind.SESSION,
        SessionPolicy.isWellFormed(token) ? Optional.of(TokenHash.of(token)) : Optional.empty());
  }

  /** An API key, e.g. from {@code Authorization: Bearer}. */
  public static Credential apiKey(String token) {
    return new Credential(Kind.API_KEY,
        WorkspaceApiKey.isWellFormed(token) ? Optional.of(TokenHash.of(token)) : Optional.empty());
  }

  /** Names the kind only: a hash is not for logs either. */
  @Override
  public String toString() {
    return "Credential[" + kind + "]";
  }
}
