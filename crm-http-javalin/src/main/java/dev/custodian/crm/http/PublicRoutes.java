package dev.custodian.crm.http;

import io.javalin.http.HandlerType;
import java.util.Set;

/**
 * HTTP adapter: the one list of routes that answer without a session. Every other route, including
 * one a feature adds without listing it here, needs a valid session (deny by default).
 */
final class PublicRoutes {

  private static final Set<String> ROUTES = Set.of(
      "GET /health",
      "GET /ready",
      "POST /api/v1/auth/signup",
      "POST /api/v1/auth/verify-email",
      "POST /api/v1/auth/verify-email/resend",
      "POST /api/v1/auth/password-reset",
      "POST /api/v1/auth/password-reset/confirm",
      "POST /api/v1/auth/login",
      // Public so that a client with an ended session can still clear its cookie.
      "POST /api/v1/auth/logout");

  private PublicRoutes() {}

  static boolean contains(HandlerType method, String path) {
    return ROUTES.contains(method.name() + " " + path);
  }

  /** The list, for tests and documentation: {@code METHOD /path} each. */
  static Set<String> all() {
    return ROUTES;
  }
}
