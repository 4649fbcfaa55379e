package etl.transforms.jdbc;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auto.value.AutoValue;
import etl.transforms.sql.Identifiers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.coders.VoidCoder;
import org.apache.beam.sdk.io.jdbc.JdbcIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.transforms.Convert;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The one staging writer: puts any schema-aware PCollection into a table whose columns are named
 * like the schema's fields (plus constant columns such as {@code run_id}).
 *
 * <p>The element type is the table description: a Beam schema field {@code song_id} lands in the
 * column {@code song_id}. Input: {@code PCollection<T>} with a schema. Output: a completion signal
 * for {@link org.apache.beam.sdk.transforms.Wait#on} — the MERGE step waits for it.
 *
 * <p>Idempotency: rows carry the run id, and every MERGE de-duplicates staging on its key, so a
 * bundle that a runner retries (and so writes twice) changes nothing downstream. Transient errors
 * such as deadlocks are retried by JdbcIO; any other error fails the run (staged rows are never
 * silently lost).
 *
 * <p>Load methods are pluggable: {@link LoadMethod#JDBC} (batched INSERTs) is the portable one;
 * {@link LoadMethod#COPY} streams each bundle through PostgreSQL's {@code COPY … FROM STDIN} (CSV),
 * several times faster.
 */
@AutoValue
public abstract class StageRows<T> extends PTransform<PCollection<T>, PCollection<Void>> {
  /** How rows reach the staging table. */
  public enum LoadMethod {
    JDBC,
    COPY,
    /**
     * Redshift: gzip CSV files in S3 and one COPY per table from a manifest (needs {@link
     * #withS3Staging}).
     */
    S3_COPY
  }

  private static final int DEFAULT_BATCH_SIZE = 5_000;

  abstract Warehouse getWarehouse();

  abstract String getTable();

  /** Constant columns in the order they were added (the staged column order). */
  abstract Map<String, Object> getConstants();

  abstract int getBatchSize();

  abstract LoadMethod getMethod();

  abstract @Nullable S3Staging getS3();

  abstract Builder<T> toBuilder();

  @AutoValue.Builder
  abstract static class Builder<T> {
    abstract Builder<T> setWarehouse(Warehouse warehouse);

    abstract Builder<T> setTable(String table);

    abstract Builder<T> setConstants(Map<String, Object> constants);

    abstract Builder<T> setBatchSize(int batchSize);

    abstract Builder<T> setMethod(LoadMethod method);

    abstract Builder<T> setS3(@Nullable S3Staging s3);

    abstract StageRows<T> build();
  }

  public static <T> StageRows<T> into(Warehouse warehouse, String table) {
    checkArgument(warehouse != null, "into(warehouse, table) called with null warehouse");
    return new AutoValue_StageRows.Builder<T>()
        .setWarehouse(warehouse)
        .setTable(Identifiers.check(table))
        .setConstants(Map.of())
        .setBatchSize(DEFAULT_BATCH_SIZE)
        .setMethod(LoadMethod.JDBC)
        .build();
  }

  /** Adds a column with the same value on every row (e.g. the run id). */
  public StageRows<T> withConstant(String column, Object value) {
    checkArgument(value != null, "withConstant(%s, value) called with null value", column);
    Map<String, Object> c = new LinkedHashMap<>(getConstants());
    c.put(Identifiers.check(column), value);
    return toBuilder().setConstants(Collections.unmodifiableMap(c)).build();
  }

  public StageRows<T> withBatchSize(int batchSize) {
    checkArgument(batchSize > 0, "batchSize must be positive, was %s", batchSize);
    return toBuilder().setBatchSize(batchSize).build();
  }

  public StageRows<T> withLoadMethod(LoadMethod method) {
    checkArgument(method != null, "withLoadMethod(method) called with null method");
    return toBuilder().setMethod(method).build();
  }

  /** Where {@link LoadMethod#S3_COPY} writes its files and how Redshift reads them. */
  public StageRows<T> withS3Staging(S3Staging staging) {
    checkArgument(staging != null, "withS3Staging(staging) called with null staging");
    return toBuilder().setS3(staging).build();
  }

  @Override
  public PCollection<Void> expand(PCollection<T> input) {
    if (!input.hasSchema()) {
      throw new IllegalArgumentException(
          "StageRows into " + getTable() + " needs a PCollection with a Beam schema");
    }
    Schema schema = input.getSchema();
    List<String> columns = columns(schema);
    PCollection<Row> rows = input.apply("ToRows", Convert.toRows());
    switch (getMethod()) {
      case COPY:
        return rows.apply("CopyBundles", ParDo.of(new CopyRows(copySpec(columns))))
            .setCoder(VoidCoder.of());
      case S3_COPY:
        checkArgument(
            getS3() != null, "StageRows into %s: S3_COPY needs withS3Staging()", getTable());
        Object runId = getConstants().getOrDefault("run_id", UUID.randomUUID().toString());
        String folder = getS3().folder(String.valueOf(runId), getTable());
        return rows.apply(
                "WriteS3Files",
                ParDo.of(
                    new S3CopyRows.WriteFilesFn(folder, new ArrayList<>(getConstants().values()))))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
            .apply("OneGroup", WithKeys.of(getTable()))
            .setCoder(
                KvCoder.of(
                    StringUtf8Coder.of(), KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())))
            .apply("AllFiles", GroupByKey.create())
            .apply(
                "CopyFromManifest",
                ParDo.of(
                    new S3CopyRows.CopyManifestFn(
                        getWarehouse(), getTable(), columns, folder, getS3())))
            .setCoder(VoidCoder.of());
      case JDBC:
      default:
        return rows.apply(
            "InsertBatches",
            JdbcIO.<Row>write()
                .withDataSourceConfiguration(getWarehouse().dataSource())
                .withStatement(Identifiers.insertStatement(getTable(), columns))
                .withPreparedStatementSetter(
                    new RowSetter(new ArrayList<>(getConstants().values())))
                .withBatchSize(getBatchSize())
                .withResults());
    }
  }

  private List<String> columns(Schema schema) {
    List<String> columns = new ArrayList<>(getConstants().keySet());
    for (Schema.Field f : schema.getFields()) {
      columns.add(Identifiers.check(f.getName()));
    }
    return columns;
  }

  private CopyStream.Spec copySpec(List<String> columns) {
    return new CopyStream.Spec(
        getWarehouse(),
        getWarehouse()
            .dialect()
            .script("common", "copy_staging.sql")
            .withIdentifiers(Map.of("table", getTable(), "columns", columns))
            .text(),
        new ArrayList<>(getConstants().values()),
        getTable());
  }

  /**
   * For bulk loads that stage rows from inside their own DoFn (no PCollection of rows in between):
   * the COPY stream of this table for rows of {@code schema}, or null when this writer's load
   * method is not {@link LoadMethod#COPY} (the caller then takes the element-by-element path).
   */
  public CopyStream.Spec bulkWriter(Schema schema) {
    return getMethod() == LoadMethod.COPY ? copySpec(columns(schema)) : null;
  }

  public LoadMethod loadMethod() {
    return getMethod();
  }

  /** The table this writer stages into. */
  public String table() {
    return getTable();
  }
}
