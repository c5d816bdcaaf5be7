package dev.custodian.crm.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** {@code GET /health} follows the readiness port's liveness: 200 while alive, else a 503 problem. */
class HealthRoutesTest {

  @Test
  void givenReadinessNotAlive_whenHealthAsked_then503NotReadyProblem_andBackTo200WhenAlive()
      throws Exception {
    AtomicBoolean alive = new AtomicBoolean(true);
    HttpApi.Readiness readiness = new HttpApi.Readiness() {
      @Override
      public Optional<String> notReadyReason() {
        return Optional.empty();
      }

      @Override
      public boolean isAlive() {
        return alive.get();
      }
    };
    Javalin http = HttpApi.create(List.of(), TestSessions.credentials(), readiness, HttpApi.Settings.loopback(1000),
        java.time.Clock.systemUTC()).start("127.0.0.1", 0);
    try {
      HttpClient client = HttpClient.newHttpClient();
      HttpRequest health = HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + http.port() + "/health")).build();

      assertThat(client.send(health, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

      alive.set(false);
      HttpResponse<String> down = client.send(health, HttpResponse.BodyHandlers.ofString());
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(down.body()).contains("\"type\":\"/problems/not-ready\"");

      alive.set(true);
      assertThat(client.send(health, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    } finally {
      http.stop();
    }
  }
}
