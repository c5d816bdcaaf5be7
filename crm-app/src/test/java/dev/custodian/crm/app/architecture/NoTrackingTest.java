package dev.custodian.crm.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * No advertising or tracking in the build (TRN-02, TEL-04): no class of a known ad, analytics or
 * attribution SDK on the runtime class path, and no known ad or analytics host named anywhere in
 * the modules' main sources and resources. Deny-lists, so the scanner is shown to find what it
 * looks for.
 */
class NoTrackingTest {

  /** Packages of ad, analytics and attribution SDKs (as class file paths). */
  static final List<String> SDK_PACKAGES = List.of("com/google/android/gms/ads/", "com/google/ads/",
      "com/google/api/ads/", "com/google/analytics/", "com/google/firebase/analytics/", "com/facebook/",
      "com/segment/", "com/mixpanel/", "com/amplitude/", "com/appsflyer/", "com/adjust/sdk/", "io/branch/",
      "com/hotjar/", "com/braze/", "com/adobe/marketing/", "com/heap/", "com/posthog/", "com/kochava/",
      "com/criteo/", "com/taboola/", "com/outbrain/", "com/tiktok/");

  /** Hosts of ad networks, tag managers, pixels and third-party analytics. */
  static final List<String> TRACKING_HOSTS = List.of("google-analytics.com", "googletagmanager.com",
      "doubleclick.net", "googlesyndication.com", "googleadservices.com", "connect.facebook.net", "facebook.com/tr",
      "analytics.tiktok.com", "hotjar.com", "segment.com", "segment.io", "mixpanel.com", "amplitude.com",
      "bat.bing.com", "ads.linkedin.com", "snap.licdn.com", "ads-twitter.com", "analytics.twitter.com",
      "criteo.com", "taboola.com", "outbrain.com", "adnxs.com", "heapanalytics.com", "posthog.com",
      "clarity.ms", "fullstory.com", "mouseflow.com", "quantserve.com", "scorecardresearch.com");

  @Test
  @DisplayName("TRN-02, TEL-04: no class of an ad, analytics or attribution SDK is on the runtime class path")
  void noTrackingSdkOnTheClassPath() throws IOException {
    List<String> found = new ArrayList<>();
    int read = 0;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (Files.isDirectory(path)) {
        try (Stream<Path> files = Files.walk(path)) {
          for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
            found.addAll(sdkClasses(path.relativize(file).toString().replace(File.separatorChar, '/')));
            read++;
          }
        }
      } else if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
        try (ZipFile jar = new ZipFile(path.toFile())) {
          for (var e = jar.entries(); e.hasMoreElements(); ) {
            found.addAll(sdkClasses(e.nextElement().getName()));
            read++;
          }
        }
      }
    }
    assertThat(read).as("entries read from the class path").isGreaterThan(10_000);
    assertThat(found).isEmpty();
    assertThat(sdkClasses("com/facebook/appevents/AppEventsLogger.class")).as("the scanner finds what it seeks").isNotEmpty();
  }

  @Test
  @DisplayName("TRN-02, TEL-04: no main source or resource of any module names an ad or analytics host")
  void noTrackingHostInTheSources() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    assertThat(root.resolve("crm-core/pom.xml")).as("run from a module of the build").exists();
    List<String> found = new ArrayList<>();
    int read = 0;
    try (Stream<Path> modules = Files.list(root)) {
      for (Path main : modules.map(m -> m.resolve("src/main")).filter(Files::isDirectory).toList()) {
        try (Stream<Path> files = Files.walk(main)) {
          for (Path file : files.filter(Files::isRegularFile).toList()) {
            found.addAll(trackingHosts(root.relativize(file) + "", Files.readString(file, StandardCharsets.ISO_8859_1)));
            read++;
          }
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    assertThat(read).as("files read").isGreaterThan(500);
    assertThat(found).isEmpty();
    assertThat(trackingHosts("x", "<script src=\"https://www.GoogleTagManager.com/gtag/js\">")).isNotEmpty();
  }

  private static List<String> sdkClasses(String name) {
    return SDK_PACKAGES.stream().filter(name::startsWith).map(p -> name).toList();
  }

  private static List<String> trackingHosts(String file, String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return TRACKING_HOSTS.stream().filter(lower::contains).map(host -> file + ": " + host).toList();
  }
}
