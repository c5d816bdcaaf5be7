package dev.custodian.crm.core.workspace.port.in;

import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.workspace.Slug;
import dev.custodian.crm.core.workspace.WorkspaceName;
import java.util.Objects;
import java.util.Optional;

/**
 * Input of {@link CreateWorkspaceUseCase}: a valid name and, optionally, the slug asked for.
 *
 * @param slug empty to derive the slug from the name
 */
public record CreateWorkspaceCommand(WorkspaceName name, Optional<Slug> slug) {

  public CreateWorkspaceCommand {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(slug, "slug");
  }

  /**
   * Validates raw input, reporting every bad field at once.
   *
   * @param slug {@code null} to derive the slug from the name
   * @throws dev.custodian.crm.core.common.error.ValidationException listing every bad field
   */
  public static CreateWorkspaceCommand of(String name, String slug) {
    Validator v = new Validator();
    CreateWorkspaceCommand command = of(v, name, slug);
    v.throwIfInvalid();
    return command;
  }

  /**
   * A workspace with this name and a slug derived from it.
   *
   * @throws dev.custodian.crm.core.common.error.ValidationException when the name is not valid
   */
  public static CreateWorkspaceCommand named(String name) {
    return of(name, null);
  }

  /** Validates raw input into {@code v}; {@code null} when {@code v} holds any error. */
  public static CreateWorkspaceCommand of(Validator v, String name, String slug) {
    WorkspaceName validName = v.required("name", name, WorkspaceName::new);
    Optional<Slug> validSlug = v.optional("slug", slug, Slug::new);
    return v.hasErrors() ? null : new CreateWorkspaceCommand(validName, validSlug);
  }
}
