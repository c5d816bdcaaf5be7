package dev.custodian.crm.core.common.validation;

import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.InvalidValueException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.patch.PatchValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds a command's value objects from raw input, collecting every field error instead of
 * stopping at the first; {@link #throwIfInvalid()} then reports them all in one
 * {@link ValidationException}. One validator serves a whole request: an adapter reads path
 * parameters, headers, query parameters and the body into the same instance, and every command
 * and query has an {@code of(Validator, ...)} form that adds its own errors to it.
 */
public final class Validator {

  private final List<FieldError> errors = new ArrayList<>();

  /** A required input: absent is an error, present is built by {@code factory}. */
  public <R, T> T required(String field, R raw, Function<R, T> factory) {
    return required(FieldError.Location.FIELD, field, raw, factory);
  }

  /** A required input at the given location (e.g. a query parameter). */
  public <R, T> T required(FieldError.Location location, String name, R raw, Function<R, T> factory) {
    if (raw == null) {
      errors.add(new FieldError(location, name, "is required"));
      return null;
    }
    return build(location, name, raw, factory);
  }

  /** An optional input: absent is empty, present is built by {@code factory}. */
  public <R, T> Optional<T> optional(String field, R raw, Function<R, T> factory) {
    return optional(FieldError.Location.FIELD, field, raw, factory);
  }

  /** An optional input at the given location (e.g. a query parameter). */
  public <R, T> Optional<T> optional(
      FieldError.Location location, String name, R raw, Function<R, T> factory) {
    return raw == null ? Optional.empty() : Optional.ofNullable(build(location, name, raw, factory));
  }

  /**
   * One field of a partial update: absent stays absent, a value is built by {@code factory}, and
   * {@code null} (clear) is an error unless the field is optional.
   */
  public <R, T> PatchValue<T> patch(
      String field, PatchValue<R> raw, boolean optional, Function<R, T> factory) {
    if (raw instanceof PatchValue.Set<R> set) {
      T value = build(FieldError.Location.FIELD, field, set.value(), factory);
      return value == null ? PatchValue.absent() : PatchValue.set(value);
    }
    if (raw instanceof PatchValue.Clear<R>) {
      if (optional) {
        return PatchValue.clear();
      }
      errors.add(FieldError.field(field, "must not be null"));
    }
    return PatchValue.absent();
  }

  /** Records an error found by the caller itself (e.g. a parameter that is not in a grammar). */
  public void reject(FieldError error) {
    errors.add(java.util.Objects.requireNonNull(error, "error"));
  }

  /**
   * Records that a field breaks a rule that no single value object can check (a name taken by
   * another item of the same input, a count out of bounds); {@code detail} never quotes the value.
   */
  public void reject(String field, String detail) {
    errors.add(FieldError.field(field, detail));
  }

  /** The errors found so far, in the order found. */
  public List<FieldError> errors() {
    return List.copyOf(errors);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** Throws one {@link ValidationException} listing every error found so far, if any. */
  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  private <R, T> T build(FieldError.Location location, String name, R raw, Function<R, T> factory) {
    try {
      return factory.apply(raw);
    } catch (InvalidValueException e) {
      errors.add(new FieldError(location, name, e.getMessage()));
      return null;
    }
  }
}
