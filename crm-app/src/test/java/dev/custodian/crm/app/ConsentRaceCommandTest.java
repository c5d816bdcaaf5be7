package dev.custodian.crm.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.app.bench.ConsentRace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A tiny {@code consent-race} run through the command line, so the command cannot rot: scratch
 * server, loopback SMTP, sign-up through the SMTP mail, the rounds and the table. The full
 * size (50 rounds of 200 mails) is the command's default, run by hand (README).
 */
class ConsentRaceCommandTest {

  @Test
  @DisplayName("CON-02: consent-race --rounds 2 --mails 20 prints its table: every mail delivered but the unsubscriber's, none after its answer")
  void aTinyRacePrintsItsTable_andNoMailArrivesAfterTheAnswer() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = Main.run(new String[] {"consent-race", "--rounds", "2", "--mails", "20"},
        Map.of("CRM_DATA_DIR", "/nonexistent/real-data"), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    String table = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as("exit code; stderr: %s", err.toString(StandardCharsets.UTF_8)).isZero();
    List<String> lines = table.lines().toList();
    assertThat(lines.get(0).split("\\s+")).containsExactly("rounds", "mails", "delivered", "to-it-before",
        "to-it-after", "seconds");
    String[] cells = lines.get(1).trim().split("\\s+");
    assertThat(cells[0]).isEqualTo("2");
    assertThat(cells[1]).isEqualTo("20");
    long delivered = Long.parseLong(cells[2]);
    long before = Long.parseLong(cells[3]);
    assertThat(cells[4]).as("mails to the unsubscriber after its answer").isEqualTo("0");
    assertThat(delivered).as("each round reaches everyone but, maybe, the unsubscriber")
        .isEqualTo(2 * 19 + before);
  }

  @Test
  void givenBadArguments_thenUsageAndExitTwo() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);

    assertThat(Main.run(new String[] {"consent-race", "--rounds"}, Map.of(), stream)).isEqualTo(2);
    assertThat(Main.run(new String[] {"consent-race", "--mails", "1"}, Map.of(), stream)).isEqualTo(2);
    assertThat(Main.run(new String[] {"consent-race", "--speed", "9"}, Map.of(), stream)).isEqualTo(2);
    String usage = "usage: java -jar crm-app.jar " + ConsentRace.USAGE;
    assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "crm-app consent-race: --rounds needs a value", usage,
        "crm-app consent-race: --mails must be a whole number from 2 to 10000", usage,
        "crm-app consent-race: unknown option --speed", usage);
  }
}
