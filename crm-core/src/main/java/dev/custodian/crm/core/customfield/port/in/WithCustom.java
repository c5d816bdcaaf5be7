package dev.custodian.crm.core.customfield.port.in;

import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A contact's, company's or deal's write as an adapter read it: the command of its built-in fields
 * ({@code null} when any of them is bad), their errors, and the raw custom values ({@code "custom":
 * {"tier": "gold"}}, {@code null} clearing a key). The use case checks the custom values against the
 * workspace's definitions inside its transaction and reports their errors together with
 * {@link #errors()}, every bad field at once, before anything is stored.
 *
 * @param command the built-in fields' command; {@code null} exactly when {@code errors} is not empty
 * @param custom field key to raw value, as a JSON reader gives them; empty for none
 */
public record WithCustom<C>(WorkspaceId workspace, C command, List<FieldError> errors, Map<String, Object> custom) {

  public WithCustom {
    Objects.requireNonNull(workspace, "workspace");
    errors = List.copyOf(errors);
    if ((command == null) == errors.isEmpty()) {
      throw new IllegalArgumentException("a command exactly when its fields are valid");
    }
    custom = Collections.unmodifiableMap(new LinkedHashMap<>(custom == null ? Map.of() : custom));
  }

  /** A valid command without custom values. */
  public static <C> WithCustom<C> of(WorkspaceId workspace, C command) {
    return new WithCustom<>(workspace, Objects.requireNonNull(command, "command"), List.of(), Map.of());
  }

  /**
   * The command read into {@code v} ({@code null} when {@code v} holds errors) with the raw custom
   * values.
   */
  public static <C> WithCustom<C> of(Validator v, WorkspaceId workspace, C command, Map<String, ?> custom) {
    return new WithCustom<>(workspace, v.hasErrors() ? null : command, v.errors(),
        custom == null ? Map.of() : new LinkedHashMap<>(custom));
  }
}
