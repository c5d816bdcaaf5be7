package dev.custodian.crm.core.access;

/** A member's level in one workspace, highest first: OWNER > ADMIN > MEMBER > VIEWER (read-only). */
public enum Role {
  OWNER,
  ADMIN,
  MEMBER,
  VIEWER;

  /** Whether this role is {@code other} or above it. */
  public boolean isAtLeast(Role other) {
    return ordinal() <= other.ordinal();
  }

  /** The lower of two roles (an API key acts with the lower of its own role and its creator's). */
  public static Role lower(Role a, Role b) {
    return a.isAtLeast(b) ? b : a;
  }
}
