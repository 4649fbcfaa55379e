package etl.pipelines.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.rules.ExternalResource;

/**
 * Processes a test starts (a Spark master and worker, a spark-submit …), each logging to its own
 * file under {@code target/process-logs/}. Every one of them, and everything they started in turn
 * (executors), is stopped after the test class, also when it failed, and by a shutdown hook if the
 * test JVM itself is stopped.
 */
public final class LocalProcesses extends ExternalResource {
  private final Path logs;
  private final List<Process> started = new ArrayList<>();
  private final Thread hook = new Thread(this::stopAll, "stop-test-processes");

  public LocalProcesses(String name) {
    this.logs = Path.of("target", "process-logs", name).toAbsolutePath();
  }

  @Override
  protected void before() throws IOException {
    Files.createDirectories(logs);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  @Override
  protected void after() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running already
    }
  }

  public Path logDir() {
    return logs;
  }

  /** Starts {@code command} with {@code env} added to this JVM's environment; output → name.log. */
  public synchronized Process start(String name, List<String> command, Map<String, String> env) {
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(name).toFile());
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      started.add(p);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0), e);
    }
  }

  /** Runs {@code command} to its end (or kills it after {@code timeout}); returns its exit code. */
  public int run(String name, List<String> command, Map<String, String> env, Duration timeout) {
    Process p = start(name, command, env);
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        stop(p);
        throw new AssertionError(
            name + " did not finish within " + timeout + "; its log ends:\n" + tail(name, 60));
      }
      return p.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits until {@code name}'s log has a line matching {@code pattern}. */
  public void awaitLog(String name, String pattern, Duration timeout) {
    Pattern p = Pattern.compile(pattern);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (p.matcher(read(name)).find()) {
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError(
        name
            + " never logged /"
            + pattern
            + "/ within "
            + timeout
            + "; its log ends:\n"
            + tail(name, 60));
  }

  /** The last {@code lines} lines of {@code name}'s log. */
  public String tail(String name, int lines) {
    List<String> all = read(name).lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /** A TCP port free on the loopback address right now. */
  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The java executable of this JVM. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private Path log(String name) {
    return logs.resolve(name + ".log");
  }

  private String read(String name) {
    try {
      return Files.exists(log(name)) ? Files.readString(log(name), StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private synchronized void stopAll() {
    for (int i = started.size() - 1; i >= 0; i--) {
      stop(started.get(i));
    }
    started.clear();
  }

  /** Stops a process and its descendants: politely, then by force after 10 s. */
  private static void stop(Process p) {
    List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
    all.add(p.toHandle());
    all.forEach(ProcessHandle::destroy);
    for (ProcessHandle h : all) {
      try {
        h.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception notYet) {
        h.destroyForcibly();
      }
    }
  }
}
