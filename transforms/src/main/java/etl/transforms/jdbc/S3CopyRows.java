package etl.transforms.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import etl.transforms.sql.SqlRunner;
import etl.transforms.sql.SqlScript;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;

/**
 * Redshift's bulk path ({@link StageRows.LoadMethod#S3_COPY}): every bundle's rows become one
 * gzip-compressed CSV file in S3; once all are written, a manifest lists them and one {@code COPY …
 * MANIFEST} loads them all in a single statement (Redshift then reads the files in parallel on
 * every slice). A retried bundle writes a second file with a new name that the manifest may list
 * too; the MERGE's de-duplication on the key absorbs the repeat, as for the other load methods.
 */
final class S3CopyRows {
  /** Written for NULL: Redshift's default {@code NULL AS} string. Strings are always quoted. */
  static final String NULL_MARKER = "\\N";

  private S3CopyRows() {}

  /** Writes one file per bundle; outputs its URI and row count. */
  static final class WriteFilesFn extends DoFn<Row, KV<String, Long>> {
    private final String folder;
    private final List<Object> constants;
    private transient Writer writer;
    private transient String uri;
    private transient long rows;
    private transient StringBuilder line;
    private transient String constantPrefix;

    WriteFilesFn(String folder, List<Object> constants) {
      this.folder = folder;
      this.constants = constants;
    }

    @Setup
    public void setup() {
      line = new StringBuilder(1024);
      constantPrefix = CopyRows.constantPrefix(constants);
    }

    @StartBundle
    public void startBundle() {
      writer = null;
      rows = 0;
    }

    @ProcessElement
    public void process(@Element Row row) throws IOException {
      if (writer == null) {
        uri = folder + "part-" + UUID.randomUUID() + ".csv.gz";
        WritableByteChannel channel =
            FileSystems.create(FileSystems.matchNewResource(uri, false), MimeTypes.BINARY);
        writer =
            new OutputStreamWriter(
                new GZIPOutputStream(Channels.newOutputStream(channel), 1 << 16),
                StandardCharsets.UTF_8);
      }
      line.setLength(0);
      CopyRows.appendLine(line, constantPrefix, row, NULL_MARKER);
      writer.write(line.toString());
      rows++;
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) throws IOException {
      if (writer != null) {
        writer.close();
        writer = null;
        c.output(KV.of(uri, rows), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
      }
    }
  }

  /** Writes the manifest of all files, then loads them with one COPY. */
  static final class CopyManifestFn extends DoFn<KV<String, Iterable<KV<String, Long>>>, Void> {
    private final Warehouse warehouse;
    private final String table;
    private final List<String> columns;
    private final String folder;
    private final S3Staging staging;
    private final Counter rowsCopied;

    CopyManifestFn(
        Warehouse warehouse, String table, List<String> columns, String folder, S3Staging staging) {
      this.warehouse = warehouse;
      this.table = table;
      this.columns = columns;
      this.folder = folder;
      this.staging = staging;
      this.rowsCopied = Metrics.counter("StageRows", table + "_rows");
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<KV<String, Long>>> files)
        throws IOException, SQLException {
      String manifest = writeManifest(folder, files.getValue());
      try (Connection c = warehouse.connect()) {
        c.setAutoCommit(true);
        rowsCopied.inc(
            SqlRunner.execute(c, statement(table, columns, manifest, staging), Map.of()));
      }
    }
  }

  /** The manifest ({@code <folder>manifest.json}): every file, each mandatory. Returns its URI. */
  static String writeManifest(String folder, Iterable<KV<String, Long>> files) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    ArrayNode entries = root.putArray("entries");
    for (KV<String, Long> f : files) {
      entries.addObject().put("url", f.getKey()).put("mandatory", true);
    }
    String uri = folder + "manifest.json";
    try (WritableByteChannel channel =
        FileSystems.create(FileSystems.matchNewResource(uri, false), MimeTypes.TEXT)) {
      channel.write(
          java.nio.ByteBuffer.wrap(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root)));
    }
    return uri;
  }

  /** The COPY statement for a manifest (sql/common/redshift/copy_staging_s3.sql). */
  static SqlScript statement(
      String table, List<String> columns, String manifest, S3Staging staging) {
    return SqlScript.load("common/redshift/copy_staging_s3.sql")
        .withIdentifiers(Map.of("table", table, "columns", columns))
        .withLiterals(
            Map.of(
                "manifest", manifest, "iam_role", staging.iamRole(), "region", staging.region()));
  }
}
