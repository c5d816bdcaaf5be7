package dev.custodian.crm.http;

import dev.custodian.crm.core.access.Permission;
import java.util.Objects;

/**
 * HTTP adapter: who may call a route, as its table entry declares it. Every route has one; a route
 * without is refused when the API is built.
 */
public sealed interface Access {

  /** Anyone, without credentials (the health probes, sign-up and sign-in, the OpenAPI document). */
  Access PUBLIC = new Public();

  /** A signed-in account (a session), whatever its workspaces; an API key gets 401. */
  Access ACCOUNT = new Account();

  /** A session or an API key whose role in the path's workspace has the permission (checked by the use case). */
  static Access permission(Permission permission) {
    return new InWorkspace(permission);
  }

  /** See {@link #PUBLIC}. */
  record Public() implements Access {}

  /** See {@link #ACCOUNT}. */
  record Account() implements Access {}

  /** See {@link #permission(Permission)}. */
  record InWorkspace(Permission permission) implements Access {
    public InWorkspace {
      Objects.requireNonNull(permission, "permission");
    }
  }
}
