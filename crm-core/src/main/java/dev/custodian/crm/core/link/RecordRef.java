package dev.custodian.crm.core.link;

import java.util.Objects;
import java.util.UUID;

/** A contact, company or deal of a workspace, by kind and id: what a link or a timeline names. */
public record RecordRef(Kind kind, UUID id) {

  /** The kinds of record an activity or a task links to. */
  public enum Kind {
    CONTACT("contact"),
    COMPANY("company"),
    DEAL("deal");

    private final String noun;

    Kind(String noun) {
      this.noun = noun;
    }

    /** The record's name in a 404 ({@code contact}, ...). */
    public String noun() {
      return noun;
    }
  }

  public RecordRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
  }

  @Override
  public String toString() {
    return kind.noun() + "/" + id;
  }
}
