package dev.custodian.crm.http.common;

import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * HTTP adapter: collects the validation errors of a request's parts (path parameters, headers,
 * the body's fields) so the client learns of every bad input at once, not one per round trip.
 */
public final class InputErrors {

  /** One part of a request to read; may fail with a {@link ValidationException}. */
  @FunctionalInterface
  public interface Part<T> {
    T read() throws Exception;
  }

  private static final UUID PLACEHOLDER = new UUID(0, 0);

  private final List<FieldError> errors = new ArrayList<>();

  /**
   * Stands in for an id that failed validation, so that a command can still be validated for its
   * other errors. A command built on a placeholder is never executed: its request already has an
   * error.
   */
  public static UUID placeholder() {
    return PLACEHOLDER;
  }

  /** The workspace, or a {@link #placeholder()} when its id failed validation. */
  public static TenantId orPlaceholder(TenantId workspace) {
    return workspace != null ? workspace : TenantId.of(PLACEHOLDER);
  }

  /** The part's value, or {@code null} after recording its errors. Other failures propagate. */
  public <T> T read(Part<T> part) throws Exception {
    try {
      return part.read();
    } catch (ValidationException e) {
      errors.addAll(e.errors());
      return null;
    }
  }

  public boolean any() {
    return !errors.isEmpty();
  }

  /** Throws one {@link ValidationException} with every error recorded, if any. */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }
}
