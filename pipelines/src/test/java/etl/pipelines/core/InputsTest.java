package etl.pipelines.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.Test;

public class InputsTest {
  @Test
  public void aRelativeLocalInputBecomesAbsoluteSoClusterWorkersFindIt() {
    String cwd = Path.of("").toAbsolutePath().toString();

    assertThat(Inputs.under("samples/sparkify/", "song_data/**/*.json"))
        .isEqualTo(cwd + "/samples/sparkify/song_data/**/*.json");
    assertThat(Inputs.absolute("./in/../logs/*.json")).isEqualTo(cwd + "/logs/*.json");
  }

  @Test
  public void uriInputsAndAbsolutePathsStayAsGiven() {
    assertThat(Inputs.under("s3://bucket/landing", "ratings.csv"))
        .isEqualTo("s3://bucket/landing/ratings.csv");
    assertThat(Inputs.absolute("file:///data/x.csv")).isEqualTo("file:///data/x.csv");
    assertThat(Inputs.absolute("/data/**/*.json")).isEqualTo("/data/**/*.json");
  }
}
