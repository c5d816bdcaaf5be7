package dev.custodian.crm.privacy.architecture.bad.thirdparty;

import org.assertj.core.api.Assertions;

/** Bad: a privacy class that uses a library other than BouncyCastle. */
public final class UsesThirdParty {

  public void check(String value) {
    Assertions.assertThat(value).isNotBlank();
  }
}
