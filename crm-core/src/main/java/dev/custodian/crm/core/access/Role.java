package dev.custodian.crm.core.access;

/** A member's level in one workspace, highest first: OWNER > ADMIN > MEMBER > VIEWER (read-only). */
public enum Role {
  OWNER,
  ADMIN,
  MEMBER,
  VIEWER
}
