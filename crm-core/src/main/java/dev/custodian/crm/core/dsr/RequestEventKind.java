package dev.custodian.crm.core.dsr;

/** What happened to a request: one entry of its append-only history per step. */
public enum RequestEventKind {
  RECEIVED, VERIFIED, STARTED, EXTENDED, COMPLETED, REJECTED, CANCELLED
}
