package etl.pipelines.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code --loadMethod}: how rows reach the staging tables. Written in lower case on the CLI. */
public enum LoadMethodOption {
  /** copy on PostgreSQL; on Redshift s3copy when --s3StagingPrefix is given, else jdbc. */
  AUTO,
  /** PostgreSQL COPY FROM STDIN. */
  COPY,
  /** Batched INSERTs, any database. */
  JDBC,
  /** Redshift: gzip CSV files in S3, one COPY per table. */
  S3COPY;

  /** Beam reads option values with Jackson: accept any case, and name the choices when wrong. */
  @JsonCreator
  public static LoadMethodOption parse(String value) {
    for (LoadMethodOption m : values()) {
      if (m.name().equalsIgnoreCase(value)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "--loadMethod must be "
            + Arrays.stream(values())
                .map(m -> m.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "))
            + ", was "
            + value);
  }
}
