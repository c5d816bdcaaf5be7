package dev.custodian.crm.http;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Credential;
import dev.custodian.crm.core.audit.ClientInfo;
import dev.custodian.crm.core.common.error.UnauthenticatedException;
import dev.custodian.crm.core.session.port.in.Authentication;
import dev.custodian.crm.http.common.CurrentActor;
import dev.custodian.crm.http.common.Requests;
import dev.custodian.crm.http.common.SessionCookie;
import dev.custodian.crm.http.problem.ProblemType;
import dev.custodian.crm.http.problem.RequestRefused;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * HTTP adapter: the before-handler, run once a request matched a route, that closes the API. It
 * reads the route's access from the route table (SEC-08). First the CSRF check: an unsafe request
 * that carries the session cookie, or goes to {@code /api/v1/auth}, must name our origin in
 * {@code Origin} (else {@code Referer}); a request with an API key carries no ambient credential and
 * needs none. Then the credential the access asks for: none for a public route; a session for an
 * account route, checked here (a rotated token goes back in a new cookie); a session or an API key
 * ({@code Authorization: Bearer}, which wins over a cookie) for a workspace route, handed on
 * unchecked as an {@link Actor.Presented}: the use case's transaction checks it, its membership and
 * the permission in its first statement (and {@link #afterHandler} sets a token it rotated there).
 */
final class AccessFilter {

  private static final Set<HandlerType> UNSAFE = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
      HandlerType.DELETE);
  private static final String AUTH_ROOT = "/api/v1/auth/";
  private static final String BEARER = "bearer ";
  private static final String NO_SESSION = "sign in first: there is no valid session";

  private final RouteTable table;
  private final HttpApi.Credentials credentials;
  private final Optional<String> publicOrigin;
  private final Clock clock;

  /** @param publicOrigin the origin of {@code CRM_PUBLIC_URL}; empty: the origin the request's {@code Host} names */
  AccessFilter(RouteTable table, HttpApi.Credentials credentials, Optional<String> publicOrigin, Clock clock) {
    this.table = Objects.requireNonNull(table, "table");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.publicOrigin = publicOrigin.map(AccessFilter::originOf).map(o -> o.orElseThrow(
        () -> new IllegalArgumentException("the public origin must be an http(s) URL with a host")));
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  void handle(Context ctx) {
    // Only a bearer key is a credential here; any other Authorization (e.g. a browser's cached
    // Basic credentials) is ignored, so it neither skips the CSRF check nor hides the cookie.
    String authorization = Optional.ofNullable(ctx.header("Authorization"))
        .filter(value -> value.regionMatches(true, 0, BEARER, 0, BEARER.length())).orElse(null);
    if (authorization == null && UNSAFE.contains(ctx.method())
        && (SessionCookie.isPresent(ctx) || ctx.path().startsWith(AUTH_ROOT))) {
      requireSameOrigin(ctx);
    }
    Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
    Access access = matched == null ? Access.ACCOUNT // cannot happen once matched; closed if it does
        : table.find(matched.method, matched.path).map(Route::access).orElse(Access.ACCOUNT);
    if (access instanceof Access.Public) {
      return;
    }
    if (authorization != null) {
      if (access instanceof Access.Account) {
        throw new UnauthenticatedException("this route needs a signed-in person; an API key cannot use it");
      }
      CurrentActor.set(ctx, presented(ctx, Credential.apiKey(bearerToken(authorization)), "the API key is not valid"));
      return;
    }
    String token = SessionCookie.read(ctx)
        .orElseThrow(() -> new UnauthenticatedException(NO_SESSION));
    if (access instanceof Access.Account) { // the account's own routes: checked here, in a transaction of its own
      Authentication authentication = credentials.sessions().authenticate(token);
      CurrentActor.set(ctx, Actor.account(authentication.account()));
      authentication.rotated().ifPresent(next -> SessionCookie.set(ctx, next, clock));
      return;
    }
    CurrentActor.set(ctx, presented(ctx, Credential.sessionToken(token), NO_SESSION));
  }

  /**
   * After a workspace route: when the use case's transaction let the session token in and rotated
   * it, the new token goes back in the cookie (only then: a rolled-back rotation left the old one current).
   */
  void afterHandler(Context ctx) {
    CurrentActor.find(ctx)
        .filter(Actor.Presented.class::isInstance)
        .flatMap(actor -> ((Actor.Presented) actor).rotated())
        .ifPresent(next -> SessionCookie.set(ctx, next, clock));
  }

  /**
   * A credential for the use case's transaction to check; one that does not even look like its
   * kind is refused here, without a lookup and before the route reads its input. The client's IP
   * and user agent go along, for the audit entries of what it does.
   */
  private static Actor.Presented presented(Context ctx, Credential credential, String refusal) {
    if (credential.hash().isEmpty()) {
      throw new UnauthenticatedException(refusal);
    }
    return new Actor.Presented(credential, ClientInfo.of(Requests.clientIp(ctx), ctx.userAgent()));
  }

  private static String bearerToken(String authorization) {
    return authorization.substring(BEARER.length()).strip();
  }

  private void requireSameOrigin(Context ctx) {
    // The Host header passed the allowed-hosts guard already, so another site's origin never equals it.
    String expected = publicOrigin.orElseGet(() -> originOf("http://" + ctx.header("Host")).orElse(""));
    String origin = ctx.header("Origin");
    Optional<String> named = origin != null
        ? originOf(origin)
        : Optional.ofNullable(ctx.header("Referer")).flatMap(AccessFilter::originOf);
    if (named.isEmpty() || !named.get().equals(expected)) {
      throw new RequestRefused(ProblemType.CROSS_ORIGIN,
          "This request must come from the CRM's own origin: send Origin (or Referer) with it.");
    }
  }

  /** {@code scheme://host[:port]} of an http(s) URL, lower case, without a default port; empty for anything else. */
  static Optional<String> originOf(String url) {
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        return Optional.empty();
      }
      int port = uri.getPort();
      boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
      return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
