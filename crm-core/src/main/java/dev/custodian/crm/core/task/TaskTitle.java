package dev.custodian.crm.core.task;

import dev.custodian.crm.core.common.validation.Text;

/** A task's title: 1 to 200 characters of one line; free text, so {@link #toString()} does not show it. */
public record TaskTitle(String value) {

  public static final int MAX_LENGTH = 200;

  public TaskTitle {
    value = Text.requireSingleLine(value, MAX_LENGTH);
  }

  @Override
  public String toString() {
    return "TaskTitle[redacted]";
  }
}
