package dev.custodian.crm.http.common;

import dev.custodian.crm.core.session.port.in.IssuedSession;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * HTTP adapter: the one cookie of the API, {@value #NAME}, which carries the session token (ACC-08;
 * a token never appears in a body). The {@code __Host-} prefix makes browsers insist on
 * {@code Secure}, {@code Path=/} and no {@code Domain}; {@code HttpOnly} keeps it from scripts,
 * {@code SameSite=Lax} from other sites' requests, and {@code Max-Age} is the session's remaining
 * lifetime.
 */
public final class SessionCookie {

  public static final String NAME = "__Host-crm_session";

  private SessionCookie() {}

  /** The token the request's cookie carries, if it has one. */
  public static Optional<String> read(Context ctx) {
    return Optional.ofNullable(ctx.cookie(NAME)).filter(token -> !token.isEmpty());
  }

  /** Whether the request carries the session cookie at all (for the CSRF check). */
  public static boolean isPresent(Context ctx) {
    return ctx.cookie(NAME) != null;
  }

  /** Hands the client its (new) session token. */
  public static void set(Context ctx, IssuedSession session, Clock clock) {
    long seconds = Math.max(0, Duration.between(clock.instant(), session.expiresAt()).toSeconds());
    write(ctx, session.token(), seconds);
  }

  /** Tells the client to drop its cookie. */
  public static void clear(Context ctx) {
    write(ctx, "", 0);
  }

  // Written by hand: the servlet cookie API has no SameSite, and this way every attribute is in view.
  private static void write(Context ctx, String token, long maxAgeSeconds) {
    ctx.res().setHeader("Set-Cookie", NAME + "=" + token + "; Max-Age=" + maxAgeSeconds
        + "; Path=/; Secure; HttpOnly; SameSite=Lax");
  }
}
