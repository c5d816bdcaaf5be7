package dev.custodian.crm.http.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantTest {

  @Test
  void writesWhatInstantToStringWrites_atTheEdgesAndForRandomInstantsOfEachPrecision() {
    for (String edge : new String[] {"1970-01-01T00:00:00Z", "1970-01-01T00:00:00.000001Z", "2000-02-29T23:59:59.999Z",
        "2026-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59.100Z", "1969-12-31T23:59:59.999999Z",
        "+10000-01-01T00:00:00Z", "-0001-06-15T12:00:00Z"}) {
      Instant instant = Instant.parse(edge);
      assertThat(IsoInstant.format(instant)).isEqualTo(instant.toString()).isEqualTo(edge);
    }
    SplittableRandom random = new SplittableRandom(7);
    long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 200_000; i++) {
      Instant instant = Instant.ofEpochSecond(random.nextLong(-last, last + 1), random.nextInt(1_000_000_000));
      ChronoUnit unit = new ChronoUnit[] {ChronoUnit.SECONDS, ChronoUnit.MILLIS, ChronoUnit.MICROS, ChronoUnit.NANOS}[i % 4];
      Instant truncated = instant.truncatedTo(unit);
      assertThat(IsoInstant.format(truncated)).isEqualTo(truncated.toString());
    }
  }
}
