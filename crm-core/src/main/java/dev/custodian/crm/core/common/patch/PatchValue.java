package dev.custodian.crm.core.common.patch;

import java.util.Objects;

/**
 * One field of a partial update (JSON merge patch semantics): absent leaves the stored value,
 * {@link Clear} removes it (only allowed for optional fields), {@link Set} replaces it.
 */
public sealed interface PatchValue<T> {

  /** The field was not given: keep what is stored. */
  record Absent<T>() implements PatchValue<T> {}

  /** The field was given as {@code null}: remove the stored value. */
  record Clear<T>() implements PatchValue<T> {}

  /** The field was given a value. */
  record Set<T>(T value) implements PatchValue<T> {
    public Set {
      Objects.requireNonNull(value, "value");
    }
  }

  static <T> PatchValue<T> absent() {
    return new Absent<>();
  }

  static <T> PatchValue<T> clear() {
    return new Clear<>();
  }

  static <T> PatchValue<T> set(T value) {
    return new Set<>(value);
  }
}
