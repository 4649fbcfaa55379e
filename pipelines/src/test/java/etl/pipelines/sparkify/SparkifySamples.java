package etl.pipelines.sparkify;

import java.nio.file.Path;
import java.util.List;

/** The sample data shipped in pipelines/samples/sparkify (also what the README's command loads). */
final class SparkifySamples {
  static final Path DIR = Path.of("samples", "sparkify").toAbsolutePath();
  static final List<String> FINAL_TABLES =
      List.of("d_artist", "d_song", "d_user", "d_time", "f_songplay");

  private SparkifySamples() {}
}
