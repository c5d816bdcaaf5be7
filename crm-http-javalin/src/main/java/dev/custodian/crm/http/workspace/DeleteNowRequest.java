package dev.custodian.crm.http.workspace;

/** The body of a delete-now: the OWNER's password, to confirm it. */
record DeleteNowRequest(String password) {

  @Override
  public String toString() {
    return "DeleteNowRequest[password=…]"; // never the password, in a log line or an error
  }
}
