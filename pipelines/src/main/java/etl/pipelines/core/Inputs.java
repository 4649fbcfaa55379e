package etl.pipelines.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds file patterns under an input folder or {@code s3://} prefix, and lists their files. */
public final class Inputs {
  private static final Logger LOG = LoggerFactory.getLogger(Inputs.class);

  private Inputs() {}

  public static String under(String input, String relative) {
    if (input == null || input.isBlank()) {
      throw new ConfigException("--input is required: a folder or s3:// prefix");
    }
    String base = input.endsWith("/") ? input.substring(0, input.length() - 1) : input;
    return absolute(base + "/" + relative);
  }

  /**
   * A local pattern made absolute against the directory the program was started in; URIs ({@code
   * s3://…}, {@code file://…}) unchanged. Workers on a cluster run in directories of their own,
   * where a relative path would match nothing.
   */
  public static String absolute(String pattern) {
    if (pattern == null || pattern.contains("://")) {
      return pattern;
    }
    return Path.of(pattern).toAbsolutePath().normalize().toString();
  }

  /**
   * The files (not folders) a pattern matches, none when nothing does; a file system that cannot
   * list (an unreachable S3 endpoint, a bucket without access) is a configuration error naming
   * {@code what}.
   */
  public static List<MatchResult.Metadata> list(String what, String pattern) {
    try {
      MatchResult match = FileSystems.match(pattern, EmptyMatchTreatment.ALLOW_IF_WILDCARD);
      if (match.status() == MatchResult.Status.NOT_FOUND) {
        return List.of();
      }
      return match.metadata().stream().filter(m -> !m.resourceId().isDirectory()).toList();
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(
          "Cannot list " + what + " at " + pattern + ": " + Errors.rootMessage(e), e);
    }
  }

  /**
   * Each required input (description → pattern) matches files, or one clear line says which not.
   */
  public static void check(Map<String, String> inputs) {
    for (Map.Entry<String, String> input : inputs.entrySet()) {
      List<MatchResult.Metadata> files = list(input.getKey(), input.getValue());
      if (files.isEmpty()) {
        throw new ConfigException(
            "No " + input.getKey() + " found at " + input.getValue() + " (check --input)");
      }
      LOG.info("{}: {} files match {}", input.getKey(), files.size(), input.getValue());
    }
  }
}
