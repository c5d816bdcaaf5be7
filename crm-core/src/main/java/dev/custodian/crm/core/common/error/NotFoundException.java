package dev.custodian.crm.core.common.error;

/**
 * The resource does not exist for the caller's workspace (HTTP 404). A resource of another
 * workspace is reported exactly like one that does not exist.
 */
public final class NotFoundException extends CrmException {

  private final String resource;

  public NotFoundException(String resource) {
    super(Kind.NOT_FOUND, resource + " not found");
    this.resource = resource;
  }

  /** The kind of resource, e.g. {@code workspace} or {@code contact}. */
  public String resource() {
    return resource;
  }
}
