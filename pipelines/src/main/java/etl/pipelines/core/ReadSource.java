package etl.pipelines.core;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import etl.transforms.io.DeduplicateByKey;
import etl.transforms.io.ReadFiles;
import etl.transforms.parse.ApplyRule;
import etl.transforms.parse.KnownKeys;
import etl.transforms.parse.ParseRecords;
import etl.transforms.record.DeadLetter;
import etl.transforms.record.Origin;
import etl.transforms.record.SourceRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.WithFailures;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * A {@link Source} read: its files read, parsed, de-duplicated, looked up and checked as declared,
 * giving the good records and, flattened, every step's dead letters.
 */
public final class ReadSource<T extends Origin>
    extends PTransform<PBegin, WithFailures.Result<PCollection<T>, DeadLetter>> {
  private final Source<?, T> source;
  private final ReadFiles read;
  private final Join<T> join;

  /**
   * @param read the declaration's reader ({@link #reader}), possibly narrowed to the files this run
   *     reads
   */
  ReadSource(Source<?, T> source, ReadFiles read, Join<T> join) {
    super(source.step());
    this.source = source;
    this.read = read;
    this.join = join;
  }

  /** The reader a source declares, over the files of {@code pattern}. */
  static ReadFiles reader(Source<?, ?> source, String pattern, Join<?> join) {
    ReadFiles read =
        switch (source.format()) {
          case CSV -> ReadFiles.csvRecords(pattern).withHeader(source.header());
          case WHOLE_FILE -> ReadFiles.wholeFiles(pattern);
          case LINES -> {
            ReadFiles lines = ReadFiles.lines(pattern);
            lines = source.header() == null ? lines : lines.withHeader(source.header());
            yield source.bytesPerRange() > 0 ? lines.splittable(source.bytesPerRange()) : lines;
          }
        };
    read = join.after().isEmpty() ? read : read.after(join.after());
    return read.named("Read" + source.step());
  }

  @Override
  public WithFailures.Result<PCollection<T>, DeadLetter> expand(PBegin input) {
    List<PCollection<DeadLetter>> failures = new ArrayList<>();
    PCollection<SourceRecord> lines = input.apply(read).failuresTo(failures);
    PCollection<T> records =
        lines
            .apply(ParseRecords.with(source.parser(), source.type()).named("Parse" + source.step()))
            .failuresTo(failures);
    Source.Deduplication<T> dedup = source.deduplication();
    if (dedup != null) {
      records =
          records
              .apply(
                  DeduplicateByKey.<T, Long>of(
                          dedup.key(), TypeDescriptors.longs(), dedup.content())
                      .named(dedup.step()))
              .failuresTo(failures);
    }
    Source.KnownKeys<T> known = source.knownKeys();
    if (known != null) {
      checkArgument(join.known() != null, "%s: give Join.known(keys)", known.step());
      records =
          records
              .apply(
                  ApplyRule.of(
                      KnownKeys.of(known.key(), join.known(), known.reason(), known.what()),
                      known.step()))
              .failuresTo(failures);
    }
    if (source.check() != null) {
      checkArgument(join.rule() != null, "%s: give Join.rule(rule)", source.check());
      records = records.apply(ApplyRule.of(join.rule(), source.check())).failuresTo(failures);
    }
    return WithFailures.Result.of(
        records,
        PCollectionList.of(failures)
            .apply("Collect" + source.step() + "Failures", Flatten.pCollections()));
  }
}
