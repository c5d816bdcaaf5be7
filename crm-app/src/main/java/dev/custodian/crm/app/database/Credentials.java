package dev.custodian.crm.app.database;

import java.util.Objects;

/** A database user and its password; {@link #toString()} never shows the password. */
public record Credentials(String user, String password) {

  public Credentials {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  @Override
  public String toString() {
    return "Credentials[user=" + user + "]";
  }
}
