package etl.pipelines.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.rules.ExternalResource;

/**
 * An HTTP server on 127.0.0.1 for a test: each path answers by its query string; requests are kept.
 */
public final class TestHttpServer extends ExternalResource {
  private HttpServer server;
  private final List<String> queries = new CopyOnWriteArrayList<>();

  /** An answer: status and body. */
  public record Response(int status, String body) {}

  @Override
  protected void before() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.start();
  }

  @Override
  protected void after() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** Serves a path; {@code answer} gets the query string (or null). */
  public TestHttpServer serve(String path, Function<String, Response> answer) {
    server.createContext(
        path,
        exchange -> {
          String query = exchange.getRequestURI().getQuery();
          queries.add(String.valueOf(query));
          Response r = answer.apply(query);
          byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(r.status(), body.length);
          try (OutputStream o = exchange.getResponseBody()) {
            o.write(body);
          }
        });
    return this;
  }

  public String url(String pathAndQuery) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
  }

  /** The query strings received, in order. */
  public List<String> queries() {
    return List.copyOf(queries);
  }
}
