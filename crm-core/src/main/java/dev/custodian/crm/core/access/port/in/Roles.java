package dev.custodian.crm.core.access.port.in;

import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.common.error.InvalidValueException;
import java.util.Locale;
import java.util.Set;

/** Reading a role from input: its name in any case, one of those allowed. */
final class Roles {

  private Roles() {}

  static Role parse(String raw, Set<Role> allowed) {
    for (Role role : allowed) {
      if (role.name().equalsIgnoreCase(raw.strip())) {
        return role;
      }
    }
    throw new InvalidValueException("must be one of " + String.join(", ", allowed.stream()
        .sorted().map(r -> r.name().toLowerCase(Locale.ROOT)).toList()));
  }
}
