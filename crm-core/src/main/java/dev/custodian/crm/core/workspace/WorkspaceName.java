package dev.custodian.crm.core.workspace;

import dev.custodian.crm.core.common.validation.Text;

/** A workspace's display name: 1 to 200 characters after trimming, on one line. */
public record WorkspaceName(String value) {

  public static final int MAX_LENGTH = 200;

  public WorkspaceName {
    value = Text.requireSingleLine(value, MAX_LENGTH);
  }
}
