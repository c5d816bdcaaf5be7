package dev.custodian.crm.core.architecture.bad.thirdparty;

import org.assertj.core.api.Assertions;

/** Bad: a core class that uses a third-party library. */
public final class UsesThirdParty {

  public void check(String value) {
    Assertions.assertThat(value).isNotBlank();
  }
}
