package etl.pipelines.common;

import java.nio.file.Path;

/** Builds file patterns under an input folder or {@code s3://} prefix. */
public final class Inputs {
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
   * s3://…}, {@code file://…}) unchanged. Workers on a cluster run in directories of their own, where
   * a relative path would match nothing.
   */
  public static String absolute(String pattern) {
    if (pattern == null || pattern.contains("://")) {
      return pattern;
    }
    return Path.of(pattern).toAbsolutePath().normalize().toString();
  }
}
