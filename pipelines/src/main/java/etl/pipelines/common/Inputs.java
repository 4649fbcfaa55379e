package etl.pipelines.common;

/** Builds file patterns under an input folder or {@code s3://} prefix. */
public final class Inputs {
  private Inputs() {}

  public static String under(String input, String relative) {
    if (input == null || input.isBlank()) {
      throw new ConfigException("--input is required: a folder or s3:// prefix");
    }
    String base = input.endsWith("/") ? input.substring(0, input.length() - 1) : input;
    return base + "/" + relative;
  }
}
