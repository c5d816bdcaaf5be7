package dev.custodian.crm.core.common.error;

/**
 * Root of the one unchecked hierarchy a use case throws when it cannot complete. Every exception
 * names its {@link Kind}; adapters map kinds with exhaustive switches, so a new kind that an
 * adapter does not map is a compile error there, not a 500 at run time.
 *
 * <p>Messages name ids, fields and quantities only, never personal data: they may reach a log line
 * or an HTTP problem body.
 *
 * <p>These are answers, not bugs, so by default they carry no stack trace (cheap to throw, nothing
 * to log). Run with {@code -D}{@value #STACK_TRACES_PROPERTY}{@code =true} to keep it, to see
 * which call of yours threw.
 */
public abstract sealed class CrmException extends RuntimeException
    permits ValidationException, NotFoundException, ForbiddenException, ConflictException,
        PreconditionFailedException, RateLimitedException, UnavailableException, BusyException,
        InvalidTokenException, UnauthenticatedException {

  /** Why a use case could not complete; each kind is its own problem type over HTTP. */
  public enum Kind {
    /** Bad input: one or more field errors ({@link ValidationException}). */
    VALIDATION(ValidationException.class),
    /** A token from a mail link is unknown, expired or used ({@link InvalidTokenException}). */
    INVALID_TOKEN(InvalidTokenException.class),
    /** No valid credentials: no session, an ended one, or a wrong email or password ({@link UnauthenticatedException}). */
    UNAUTHENTICATED(UnauthenticatedException.class),
    /** No such resource for the caller's workspace ({@link NotFoundException}). */
    NOT_FOUND(NotFoundException.class),
    /** The caller may not do this ({@link ForbiddenException}). */
    FORBIDDEN(ForbiddenException.class),
    /** The right password, but the account's email is not verified yet ({@link ForbiddenException}). */
    EMAIL_NOT_VERIFIED(ForbiddenException.class),
    /** The password given to confirm a sensitive step is wrong ({@link ForbiddenException}). */
    REAUTHENTICATION_FAILED(ForbiddenException.class),
    /** A value that must be unique is already taken ({@link ConflictException}). */
    DUPLICATE(ConflictException.class),
    /** An identifier was erased at the person's request and is suppressed ({@link ConflictException}). */
    SUPPRESSED(ConflictException.class),
    /**
     * The contact's processing is restricted (Art. 18, DSR-07): it stays stored, and only a
     * rectification or an erasure at the person's request changes it ({@link ConflictException}).
     */
    RESTRICTED(ConflictException.class),
    /** The change would leave a workspace without an OWNER ({@link ConflictException}). */
    LAST_OWNER(ConflictException.class),
    /**
     * The resource cannot be deleted while the workspace depends on it: a pipeline's WON, LOST or
     * last OPEN stage, the default or the last pipeline ({@link ConflictException}).
     */
    IN_USE(ConflictException.class),
    /** The workspace holds as many of these as it may (pipelines, a pipeline's stages) ({@link ConflictException}). */
    LIMIT_REACHED(ConflictException.class),
    /**
     * Only the person can undo their refusal: a grant or restore after a withdrawal or objection (of
     * the contact, or of its address under any contact) needs their confirmed opt-in ({@link ConflictException}).
     */
    CONSENT_REQUIRED(ConflictException.class),
    /** The change does not apply to the current state (a grant on a basis other than consent, a restore without objection) ({@link ConflictException}). */
    INVALID_STATE(ConflictException.class),
    /** The workspace is cancelled: readable until its purge, but not writable (RET-02) ({@link ConflictException}). */
    WORKSPACE_CANCELLED(ConflictException.class),
    /** The version the caller saw is stale ({@link PreconditionFailedException}). */
    PRECONDITION_FAILED(PreconditionFailedException.class),
    /** The caller gave no version where one is required ({@link PreconditionFailedException}). */
    PRECONDITION_REQUIRED(PreconditionFailedException.class),
    /** Too many requests for one key (an address, a client IP) in the current window ({@link RateLimitedException}). */
    RATE_LIMITED(RateLimitedException.class),
    /** A resource the use case needs (the database) did not answer in time ({@link UnavailableException}). */
    UNAVAILABLE(UnavailableException.class),
    /** A bounded resource (e.g. password hashing) stayed taken too long ({@link BusyException}). */
    BUSY(BusyException.class);

    private final Class<? extends CrmException> exception;

    Kind(Class<? extends CrmException> exception) {
      this.exception = exception;
    }

    /** True for the kinds a {@link ConflictException} carries. */
    public boolean isConflict() {
      return exception == ConflictException.class;
    }

    /** True for the kinds a {@link ForbiddenException} carries. */
    public boolean isForbidden() {
      return exception == ForbiddenException.class;
    }
  }

  /** The system property that keeps stack traces: {@code true} or absent. */
  public static final String STACK_TRACES_PROPERTY = "custodian.crm.stackTraces";

  private static final boolean STACK_TRACES = Boolean.getBoolean(STACK_TRACES_PROPERTY);

  private final Kind kind;

  protected CrmException(Kind kind, String message) {
    super(message, null, false, STACK_TRACES);
    this.kind = java.util.Objects.requireNonNull(kind, "kind");
  }

  public Kind kind() {
    return kind;
  }
}
