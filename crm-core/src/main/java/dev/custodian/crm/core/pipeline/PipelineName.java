package dev.custodian.crm.core.pipeline;

import dev.custodian.crm.core.common.validation.Text;
import java.util.Locale;

/** A pipeline's name: 1 to 100 characters after trimming, on one line; unique in its workspace ignoring case. */
public record PipelineName(String value) {

  public static final int MAX_LENGTH = 100;

  public PipelineName {
    value = Text.requireSingleLine(value, MAX_LENGTH);
  }

  /** What uniqueness compares: the name in lower case ({@link Locale#ROOT}), alike in every adapter. */
  public String key() {
    return value.toLowerCase(Locale.ROOT);
  }
}
