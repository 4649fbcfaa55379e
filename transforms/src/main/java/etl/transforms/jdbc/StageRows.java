package etl.transforms.jdbc;

import static java.util.Objects.requireNonNull;

import etl.transforms.sql.Identifiers;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
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
import org.joda.time.ReadableInstant;

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
public final class StageRows<T> extends PTransform<PCollection<T>, PCollection<Void>> {
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

  private final Warehouse warehouse;
  private final String table;
  private final Map<String, Object> constants;
  private final int batchSize;
  private final LoadMethod method;
  private final S3Staging s3;

  private StageRows(
      Warehouse warehouse,
      String table,
      Map<String, Object> constants,
      int batchSize,
      LoadMethod method,
      S3Staging s3) {
    this.warehouse = warehouse;
    this.table = table;
    this.constants = constants;
    this.batchSize = batchSize;
    this.method = method;
    this.s3 = s3;
  }

  public static <T> StageRows<T> into(Warehouse warehouse, String table) {
    return new StageRows<>(
        requireNonNull(warehouse, "warehouse"),
        Identifiers.check(table),
        new LinkedHashMap<>(),
        DEFAULT_BATCH_SIZE,
        LoadMethod.JDBC,
        null);
  }

  /** Adds a column with the same value on every row (e.g. the run id). */
  public StageRows<T> withConstant(String column, Object value) {
    Map<String, Object> c = new LinkedHashMap<>(constants);
    c.put(Identifiers.check(column), requireNonNull(value, column));
    return new StageRows<>(warehouse, table, c, batchSize, method, s3);
  }

  public StageRows<T> withBatchSize(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
    }
    return new StageRows<>(warehouse, table, constants, batchSize, method, s3);
  }

  public StageRows<T> withLoadMethod(LoadMethod method) {
    return new StageRows<>(
        warehouse, table, constants, batchSize, requireNonNull(method, "method"), s3);
  }

  /** Where {@link LoadMethod#S3_COPY} writes its files and how Redshift reads them. */
  public StageRows<T> withS3Staging(S3Staging staging) {
    return new StageRows<>(
        warehouse, table, constants, batchSize, method, requireNonNull(staging, "staging"));
  }

  @Override
  public PCollection<Void> expand(PCollection<T> input) {
    if (!input.hasSchema()) {
      throw new IllegalArgumentException(
          "StageRows into " + table + " needs a PCollection with a Beam schema");
    }
    Schema schema = input.getSchema();
    List<String> columns = columns(schema);
    PCollection<Row> rows = input.apply("ToRows", Convert.toRows());
    switch (method) {
      case COPY:
        return rows.apply("CopyBundles", ParDo.of(new CopyRows(copySpec(columns))))
            .setCoder(VoidCoder.of());
      case S3_COPY:
        if (s3 == null) {
          throw new IllegalArgumentException(
              "StageRows into " + table + ": S3_COPY needs withS3Staging");
        }
        Object runId = constants.getOrDefault("run_id", UUID.randomUUID().toString());
        String folder = s3.folder(String.valueOf(runId), table);
        return rows.apply(
                "WriteS3Files",
                ParDo.of(new S3CopyRows.WriteFilesFn(folder, new ArrayList<>(constants.values()))))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
            .apply("OneGroup", WithKeys.of(table))
            .setCoder(
                KvCoder.of(
                    StringUtf8Coder.of(), KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())))
            .apply("AllFiles", GroupByKey.create())
            .apply(
                "CopyFromManifest",
                ParDo.of(new S3CopyRows.CopyManifestFn(warehouse, table, columns, folder, s3)))
            .setCoder(VoidCoder.of());
      case JDBC:
      default:
        return rows.apply(
            "InsertBatches",
            JdbcIO.<Row>write()
                .withDataSourceConfiguration(warehouse.dataSource())
                .withStatement(Identifiers.insertStatement(table, columns))
                .withPreparedStatementSetter(new RowSetter(new ArrayList<>(constants.values())))
                .withBatchSize(batchSize)
                .withResults());
    }
  }

  private List<String> columns(Schema schema) {
    List<String> columns = new ArrayList<>(constants.keySet());
    for (Schema.Field f : schema.getFields()) {
      columns.add(Identifiers.check(f.getName()));
    }
    return columns;
  }

  private CopyStream.Spec copySpec(List<String> columns) {
    return new CopyStream.Spec(
        warehouse,
        warehouse
            .dialect()
            .script("common", "copy_staging.sql")
            .withIdentifiers(Map.of("table", table, "columns", columns))
            .text(),
        new ArrayList<>(constants.values()),
        table);
  }

  /**
   * For bulk loads that stage rows from inside their own DoFn (no PCollection of rows in between):
   * the COPY stream of this table for rows of {@code schema}, or null when this writer's load
   * method is not {@link LoadMethod#COPY} (the caller then takes the element-by-element path).
   */
  public CopyStream.Spec bulkWriter(Schema schema) {
    return method == LoadMethod.COPY ? copySpec(columns(schema)) : null;
  }

  public LoadMethod loadMethod() {
    return method;
  }

  /** The table this writer stages into. */
  public String table() {
    return table;
  }

  /** Binds constants first, then every schema field by its type; nulls keep their SQL type. */
  static final class RowSetter implements JdbcIO.PreparedStatementSetter<Row> {
    private static final long serialVersionUID = 1L;
    private final List<Object> constants;
    private transient Calendar utc;

    RowSetter(List<Object> constants) {
      this.constants = constants;
    }

    @Override
    public void setParameters(Row row, PreparedStatement ps) throws SQLException {
      if (utc == null) {
        utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
      }
      int p = 1;
      for (Object c : constants) {
        ps.setObject(p++, c);
      }
      List<Schema.Field> fields = row.getSchema().getFields();
      for (int i = 0; i < fields.size(); i++, p++) {
        set(ps, p, fields.get(i).getType(), row.getValue(i));
      }
    }

    private void set(PreparedStatement ps, int p, Schema.FieldType type, Object v)
        throws SQLException {
      switch (type.getTypeName()) {
        case STRING:
          if (v == null) ps.setNull(p, Types.VARCHAR);
          else ps.setString(p, (String) v);
          break;
        case INT16:
          if (v == null) ps.setNull(p, Types.SMALLINT);
          else ps.setShort(p, (Short) v);
          break;
        case INT32:
          if (v == null) ps.setNull(p, Types.INTEGER);
          else ps.setInt(p, (Integer) v);
          break;
        case INT64:
          if (v == null) ps.setNull(p, Types.BIGINT);
          else ps.setLong(p, (Long) v);
          break;
        case DOUBLE:
          if (v == null) ps.setNull(p, Types.DOUBLE);
          else ps.setDouble(p, (Double) v);
          break;
        case DECIMAL:
          if (v == null) ps.setNull(p, Types.NUMERIC);
          else ps.setBigDecimal(p, (BigDecimal) v);
          break;
        case BOOLEAN:
          if (v == null) ps.setNull(p, Types.BOOLEAN);
          else ps.setBoolean(p, (Boolean) v);
          break;
        case DATETIME:
          if (v == null) {
            ps.setNull(p, Types.TIMESTAMP);
          } else {
            ps.setTimestamp(p, new Timestamp(((ReadableInstant) v).getMillis()), utc);
          }
          break;
        case LOGICAL_TYPE:
          if (v == null) ps.setNull(p, Types.OTHER);
          else ps.setObject(p, v);
          break;
        default:
          throw new SQLException("Unsupported staging column type " + type);
      }
    }
  }
}
