package dev.custodian.crm.app;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The crm-app suite's two lanes (set in {@code junit-platform.properties}): the test classes run
 * one after another, but for the few that mostly wait (a 60 s window, the mail dispatcher's rounds,
 * a retention job's rounds) and are annotated {@code @Execution(CONCURRENT)}; those run one after
 * another beside the others, each on its own database and server.
 *
 * <p>A class that watches what the whole test JVM or its shared PostgreSQL does (every log line,
 * the SMTP server's total, the temporary directory, the server's settings or its availability)
 * holds {@link #SHARED_OBSERVERS}; so does each waiting class, which keeps it from running beside a
 * watching class or another waiting one, and its own tests one after another. This orderer runs
 * the classes that hold it last, once the waiting ones are done, so that neither lane waits for
 * the other.
 */
public final class SuiteLanes implements ClassOrderer {

  /** What the whole test JVM and its PostgreSQL do, as some classes watch it. */
  public static final String SHARED_OBSERVERS = "dev.custodian.crm.app.shared-observers";

  @Override
  public void orderClasses(ClassOrdererContext context) {
    // stable: the others keep their order; the waiting classes start at once wherever they are
    context.getClassDescriptors().sort(Comparator.comparing(SuiteLanes::holdsTheSharedObservers));
  }

  private static boolean holdsTheSharedObservers(ClassDescriptor type) {
    return type.findRepeatableAnnotations(ResourceLock.class).stream()
        .anyMatch(lock -> lock.value().equals(SHARED_OBSERVERS));
  }
}
