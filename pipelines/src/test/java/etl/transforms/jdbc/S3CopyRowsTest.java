package etl.transforms.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import etl.pipelines.testing.TestS3Server;
import etl.transforms.sql.SqlScript;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.joda.time.Instant;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * Redshift's staging path up to the COPY: gzip CSV files and their manifest in a real S3 API
 * (s3proxy on 127.0.0.1), and the exact COPY statement. Running that COPY needs a Redshift cluster,
 * which is not reachable here.
 */
public class S3CopyRowsTest {
  @ClassRule public static final TestS3Server S3 = new TestS3Server();

  private static final Schema SCHEMA =
      Schema.builder()
          .addInt64Field("id")
          .addNullableField("name", Schema.FieldType.STRING)
          .addNullableField("at", Schema.FieldType.DATETIME)
          .build();
  private static final S3Staging STAGING =
      S3Staging.of(
          "s3://redshift-scratch/staging",
          "arn:aws:iam::123456789012:role/warehouse-copy",
          "us-east-1");

  /** Collects the files of all bundles, writes the manifest and outputs its URI (no COPY). */
  static final class ManifestOnlyFn extends DoFn<KV<String, Iterable<KV<String, Long>>>, String> {
    private final String folder;

    ManifestOnlyFn(String folder) {
      this.folder = folder;
    }

    @ProcessElement
    public void process(
        @Element KV<String, Iterable<KV<String, Long>>> files, OutputReceiver<String> out)
        throws IOException {
      out.output(S3CopyRows.writeManifest(folder, files.getValue()));
    }
  }

  @Test
  public void stagedFilesHoldEveryRowAsRedshiftCsvAndTheManifestListsEveryFile() throws Exception {
    S3.createBucket("redshift-scratch");
    List<Row> rows = new ArrayList<>();
    String hostile =
        "it's \"quoted\", with a comma,\nnew line, back\\slash and '; drop table x; --";
    for (long i = 0; i < 1000; i++) {
      rows.add(
          Row.withSchema(SCHEMA)
              .addValues(
                  i,
                  i % 3 == 0 ? null : i % 3 == 1 ? hostile : "",
                  i % 5 == 0 ? null : new Instant(1_000_000L * i))
              .build());
    }
    String folder = STAGING.folder("run-1", "s_test");
    S3Options options = PipelineOptionsFactory.fromArgs(S3.beamOptions()).as(S3Options.class);
    org.apache.beam.sdk.Pipeline p = org.apache.beam.sdk.Pipeline.create(options);
    p.apply(Create.of(rows).withRowSchema(SCHEMA))
        .apply(ParDo.of(new S3CopyRows.WriteFilesFn(folder, List.of("run-1"))))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
        .apply(WithKeys.of("s_test"))
        .setCoder(
            KvCoder.of(StringUtf8Coder.of(), KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())))
        .apply(GroupByKey.create())
        .apply(ParDo.of(new ManifestOnlyFn(folder)));
    p.run().waitUntilFinish();

    FileSystems.setDefaultPipelineOptions(options);
    JsonNode manifest = new ObjectMapper().readTree(read(folder + "manifest.json", false));
    assertThat(manifest.get("entries")).isNotEmpty();
    List<CSVRecord> records = new ArrayList<>();
    for (JsonNode entry : manifest.get("entries")) {
      assertThat(entry.get("mandatory").asBoolean()).isTrue();
      assertThat(entry.get("url").asText()).startsWith(folder + "part-").endsWith(".csv.gz");
      String csv = read(entry.get("url").asText(), true);
      records.addAll(CSVFormat.DEFAULT.parse(new java.io.StringReader(csv)).getRecords());
    }
    // exactly the files written: every part file under the folder, none missing, none extra
    List<String> written = new ArrayList<>();
    for (org.apache.beam.sdk.io.fs.MatchResult.Metadata m :
        FileSystems.match(folder + "part-*").metadata()) {
      written.add(m.resourceId().toString());
    }
    List<String> listed = new ArrayList<>();
    manifest.get("entries").forEach(e -> listed.add(e.get("url").asText()));
    assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(written);
    assertThat(records).hasSize(1000);
    records.sort(java.util.Comparator.comparingLong(r -> Long.parseLong(r.get(1))));
    for (int i = 0; i < 1000; i++) {
      CSVRecord r = records.get(i);
      assertThat(r.get(0)).isEqualTo("run-1");
      assertThat(r.get(1)).isEqualTo(Long.toString(i));
      assertThat(r.get(2)).isEqualTo(i % 3 == 0 ? "\\N" : i % 3 == 1 ? hostile : "");
      assertThat(r.get(3))
          .isEqualTo(
              i % 5 == 0
                  ? "\\N"
                  : new java.text.SimpleDateFormat("yyyy-MM-dd HH:mm:ss.SSS") {
                    {
                      setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
                    }
                  }.format(new java.util.Date(1_000_000L * i)));
    }
  }

  @Test
  public void theCopyStatementNamesTheManifestRoleAndRegionAsLiteralsAndNothingElse() {
    String manifest =
        STAGING.folder("movalytics-20261121T000000Z-0a1b2c3d", "s_rating") + "manifest.json";
    List<SqlScript.Statement> statements =
        S3CopyRows.statement("s_rating", List.of("run_id", "user_id", "rating"), manifest, STAGING)
            .statements();

    assertThat(statements).hasSize(1);
    assertThat(statements.get(0).parameters()).isEmpty();
    assertThat(statements.get(0).sql().replaceAll("\\s+", " "))
        .isEqualTo(
            "copy s_rating (run_id, user_id, rating) from"
                + " 's3://redshift-scratch/staging/movalytics-20261121T000000Z-0a1b2c3d/s_rating/manifest.json'"
                + " iam_role 'arn:aws:iam::123456789012:role/warehouse-copy' region 'us-east-1'"
                + " format as csv gzip manifest timeformat 'auto' dateformat 'auto'");
  }

  @Test
  public void stagingSettingsThatCouldLeaveTheirQuotesAreRefused() {
    assertThatThrownBy(
            () ->
                S3Staging.of(
                    "s3://bucket/x'; drop table f_rating; --", STAGING.iamRole(), "us-east-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("S3 staging prefix");
    assertThatThrownBy(
            () -> S3Staging.of("s3://bucket/x", "arn:aws:iam::123456789012:role/a' b", "us-east-1"))
        .hasMessageContaining("IAM role");
    assertThatThrownBy(() -> S3Staging.of("s3://bucket/x", STAGING.iamRole(), "us-east-1'"))
        .hasMessageContaining("region");
    assertThatThrownBy(
            () ->
                SqlScript.of("t", "copy t from '[[manifest]]'")
                    .withLiterals(Map.of("manifest", "s3://b/it's")))
        .hasMessageContaining("may only hold");
  }

  private static String read(String uri, boolean gzip) throws IOException {
    try (InputStream raw =
            Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(uri, false)));
        InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
