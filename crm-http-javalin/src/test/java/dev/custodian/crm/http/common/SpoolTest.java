package dev.custodian.crm.http.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SpoolTest {

  private static List<Path> spoolFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(f -> f.getFileName().toString().startsWith("crm-spool-")).toList();
    }
  }

  @Test
  void whatIsWrittenIsSentBack_theFileHoldsItOnlyEncrypted_andIsGoneOnceSending() throws IOException {
    List<Path> before = spoolFiles();
    String line = "{\"email\":\"ada.spool@example.org\"}\n";
    try (Spool spool = Spool.create()) {
      for (int i = 0; i < 10_000; i++) {
        spool.out().write(line.getBytes(StandardCharsets.UTF_8));
      }
      spool.out().flush();
      List<Path> created = spoolFiles().stream().filter(f -> !before.contains(f)).toList();
      assertThat(created).hasSize(1);
      assertThat(new String(Files.readAllBytes(created.get(0)), StandardCharsets.ISO_8859_1))
          .as("encrypted on disk").isNotEmpty().doesNotContain("ada.spool");
      try (InputStream in = spool.sending()) {
        assertThat(created.get(0)).as("unlinked once opened for sending").doesNotExist();
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(line.repeat(10_000));
      }
    }
  }

  @Test
  void aSpoolNeverSentIsDeletedOnClose() throws IOException {
    List<Path> before = spoolFiles();
    try (Spool spool = Spool.create()) {
      spool.out().write(1);
    }
    assertThat(spoolFiles()).containsExactlyInAnyOrderElementsOf(before);
  }
}
