package dev.custodian.crm.core.common.error;

import java.util.List;
import java.util.stream.Collectors;

/** Rejection of bad input: every field error found, all at once (HTTP 400). */
public final class ValidationException extends CrmException {

  private final List<FieldError> errors;

  public ValidationException(List<FieldError> errors) {
    super(Kind.VALIDATION, describe(errors));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a validation exception needs at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  public static ValidationException of(FieldError error) {
    return new ValidationException(List.of(error));
  }

  public List<FieldError> errors() {
    return errors;
  }

  private static String describe(List<FieldError> errors) {
    return "invalid input: "
        + errors.stream().map(e -> e.name() + " (" + e.detail() + ")").collect(Collectors.joining(", "));
  }
}
