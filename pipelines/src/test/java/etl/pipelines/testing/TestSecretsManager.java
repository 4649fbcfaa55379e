package etl.pipelines.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.rules.ExternalResource;

/**
 * The GetSecretValue action of AWS Secrets Manager's JSON 1.1 protocol, served on 127.0.0.1 for the
 * AWS SDK's real client (no Secrets Manager emulator runs on this machine: no Docker, no pip). It
 * answers as the service does — the secret, or a {@code ResourceNotFoundException} — and keeps the
 * requests, so a test can see they were signed. Credentials for the SDK come from system properties
 * set while the rule is active.
 */
public final class TestSecretsManager extends ExternalResource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, String> secrets = new ConcurrentHashMap<>();
  private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @Override
  protected void before() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
    System.setProperty("aws.accessKeyId", "test-access-key");
    System.setProperty("aws.secretAccessKey", "test-secret-key");
  }

  @Override
  protected void after() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    if (server != null) {
      server.stop(0);
    }
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public void put(String name, String secretString) {
    secrets.put(name, secretString);
  }

  /** Each request's X-Amz-Target and Authorization headers. */
  public List<Map<String, String>> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
    requests.add(
        Map.of(
            "target",
            target,
            "authorization",
            String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))));
    JsonNode body = JSON.readTree(exchange.getRequestBody());
    String id = body.path("SecretId").asText();
    if (!target.equals("secretsmanager.GetSecretValue")) {
      respond(
          exchange,
          400,
          Map.of("__type", "InvalidRequestException", "message", "unsupported: " + target));
    } else if (!secrets.containsKey(id)) {
      respond(
          exchange,
          400,
          Map.of(
              "__type",
              "ResourceNotFoundException",
              "message",
              "Secrets Manager can't find the specified secret."));
    } else {
      respond(
          exchange,
          200,
          Map.of(
              "ARN",
              "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + id,
              "Name",
              id,
              "SecretString",
              secrets.get(id),
              "VersionId",
              "v1"));
    }
  }

  private static void respond(HttpExchange exchange, int status, Map<String, String> body)
      throws IOException {
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
