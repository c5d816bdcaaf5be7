package dev.custodian.crm.privacy.architecture.bad.cycle.a;

import dev.custodian.crm.privacy.architecture.bad.cycle.b.B;

/** Bad: package {@code a} uses package {@code b}, which uses {@code a}. */
public final class A {

  public B next() {
    return new B();
  }
}
