package dev.custodian.crm.core.architecture.bad.cycle.b;

import dev.custodian.crm.core.architecture.bad.cycle.a.A;

/** Bad: package {@code b} uses package {@code a}, which uses {@code b}. */
public final class B {

  public A back() {
    return new A();
  }
}
