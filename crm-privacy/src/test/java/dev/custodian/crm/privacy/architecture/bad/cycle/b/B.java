package dev.custodian.crm.privacy.architecture.bad.cycle.b;

import dev.custodian.crm.privacy.architecture.bad.cycle.a.A;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;

/** Bad: package {@code b} uses package {@code a}, which uses {@code b} (javax.crypto is fine). */
public final class B {

  public A back() {
    return new A();
  }

  public Mac mac() throws NoSuchAlgorithmException {
    return Mac.getInstance("HmacSHA256");
  }
}
