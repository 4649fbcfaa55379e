package etl.transforms.io;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auto.value.AutoValue;
import etl.transforms.record.DeadLetter;
import etl.transforms.record.SourceRecord;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MetadataCoderV2;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.transforms.WithFailures;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads files from any Beam file system (local paths, {@code s3://} URIs; globs including {@code
 * **}) into {@link SourceRecord}s: {@link #lines} (JSON lines, CSV without multi-line fields),
 * {@link #csvRecords} (lines, but quote-aware) or {@link #wholeFiles} (one JSON object per file).
 * Compressed files ({@code .gz}, {@code .bz2}, …) are decompressed by extension.
 *
 * <p>Every format is read by one mechanism with one set of rules ({@link LineReader}: byte-order
 * mark, CRLF, header check, blank lines, record size, encoding, positions); a whole file is the
 * byte range [0, end), and {@link #splittable} cuts big line files into several ranges.
 *
 * <p>Failures go to {@link WithFailures.Result#failures()}, never dropped: {@code
 * invalid_encoding}, {@code record_too_large}, {@code unexpected_header}, {@code empty_file},
 * {@code unreadable_file}. Reading has no side effects, so a retried bundle is harmless.
 *
 * <p>Metrics, in the namespace of the step name: {@code files}, {@code records} (every record
 * emitted or dead-lettered; an unreadable or empty file counts as one), {@code dead_letters},
 * {@code filtered_blank_line}, {@code filtered_header}. So {@code records + filtered_*} is what the
 * step read, and {@code records = good + dead_letters}.
 */
@AutoValue
public abstract class ReadFiles
    extends PTransform<PBegin, WithFailures.Result<PCollection<SourceRecord>, DeadLetter>> {
  /**
   * Default upper bound for one record; a longer one is dead-lettered instead of exhausting memory.
   */
  public static final int DEFAULT_MAX_RECORD_BYTES = 64 * 1024 * 1024;

  /** Files are read in this many groups: enough to keep a cluster busy, few enough to batch. */
  static final int DEFAULT_FILE_GROUPS = 64;

  abstract String getStepName();

  abstract LineReader.Format getFormat();

  abstract String getFilepattern();

  abstract int getMaxRecordBytes();

  abstract @Nullable String getHeader();

  abstract long getRangeBytes();

  abstract List<PCollection<?>> getAfter();

  abstract @Nullable List<MatchResult.Metadata> getFiles();

  abstract Builder toBuilder();

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setStepName(String stepName);

    abstract Builder setFormat(LineReader.Format format);

    abstract Builder setFilepattern(String filepattern);

    abstract Builder setMaxRecordBytes(int maxRecordBytes);

    abstract Builder setHeader(@Nullable String header);

    abstract Builder setRangeBytes(long rangeBytes);

    abstract Builder setAfter(List<PCollection<?>> after);

    abstract Builder setFiles(@Nullable List<MatchResult.Metadata> files);

    abstract ReadFiles build();
  }

  private static ReadFiles of(String stepName, LineReader.Format format, String filepattern) {
    checkArgument(
        filepattern != null && !filepattern.isBlank(), "filepattern must not be null or blank");
    return new AutoValue_ReadFiles.Builder()
        .setStepName(stepName)
        .setFormat(format)
        .setFilepattern(filepattern)
        .setMaxRecordBytes(DEFAULT_MAX_RECORD_BYTES)
        .setRangeBytes(0)
        .setAfter(List.of())
        .build();
  }

  /** One record per line of every file matching {@code filepattern}; position: line number. */
  public static ReadFiles lines(String filepattern) {
    return of("ReadLines", LineReader.Format.LINES, filepattern);
  }

  /** One record per file matching {@code filepattern}; position 1. */
  public static ReadFiles wholeFiles(String filepattern) {
    return of("ReadWholeFiles", LineReader.Format.WHOLE_FILE, filepattern);
  }

  /**
   * One record per CSV record of every file matching {@code filepattern}: like {@link #lines}, but
   * a line break inside a double-quoted field does not end the record (RFC 4180 quoting). The
   * position is the line the record starts on. Fields are split later, in the parser.
   */
  public static ReadFiles csvRecords(String filepattern) {
    return of("ReadCsvRecords", LineReader.Format.CSV_RECORDS, filepattern);
  }

  /**
   * The first record of every file must be exactly this header (a UTF-8 byte-order mark and the
   * line end aside); it is counted as {@code filtered_header}, not emitted. A file with another
   * first record gets one dead letter {@code unexpected_header} and is not read further (in no
   * range): its columns cannot be trusted.
   */
  public ReadFiles withHeader(String header) {
    checkArgument(header != null, "withHeader(header) called with null header");
    return toBuilder().setHeader(header).build();
  }

  public ReadFiles withMaxRecordBytes(int maxRecordBytes) {
    checkArgument(maxRecordBytes > 0, "maxRecordBytes must be positive, was %s", maxRecordBytes);
    return toBuilder().setMaxRecordBytes(maxRecordBytes).build();
  }

  /**
   * Reads each uncompressed file in byte ranges of about {@code bytesPerRange}, spread over the
   * workers — for one big file of lines (ratings.csv) that would otherwise be read by one worker.
   * Lines only (a quoted multi-line CSV field cannot be split safely). The position of a record is
   * then the byte offset of its first byte in the file, not its line number (which a range cannot
   * know). Compressed files are read whole.
   */
  public ReadFiles splittable(long bytesPerRange) {
    checkArgument(
        getFormat() == LineReader.Format.LINES, "only line-oriented files can be read in ranges");
    checkArgument(bytesPerRange > 0, "bytesPerRange must be positive, was %s", bytesPerRange);
    return toBuilder().setRangeBytes(bytesPerRange).build();
  }

  /**
   * Starts reading only once these PCollections are complete. A source that is joined against side
   * inputs should wait for them: a runner otherwise holds back ("pushes back") every record until
   * the side input is ready, which the Direct runner does at great cost.
   */
  public ReadFiles after(List<? extends PCollection<?>> signals) {
    checkArgument(signals != null, "after(signals) called with null signals");
    List<PCollection<?>> all = new java.util.ArrayList<>(getAfter());
    all.addAll(signals);
    return toBuilder().setAfter(List.copyOf(all)).build();
  }

  /**
   * The step name: the name this transform is applied under ({@code input.apply(read)}), and the
   * {@code step} of its dead letters and the namespace of its metrics.
   */
  public ReadFiles named(String stepName) {
    checkArgument(stepName != null, "named(stepName) called with null stepName");
    return toBuilder().setStepName(stepName).build();
  }

  /**
   * Reads exactly these files (as listed by {@link FileSystems#match}) instead of listing the
   * pattern when the pipeline runs: an incremental load reads only the files that are new or
   * changed since the last load. The pattern still names the input in messages.
   */
  public ReadFiles onlyFiles(List<MatchResult.Metadata> files) {
    checkArgument(files != null, "onlyFiles(files) called with null files");
    return toBuilder().setFiles(List.copyOf(files)).build();
  }

  /** The file pattern this reads (or that names the files of {@link #onlyFiles}). */
  public String filepattern() {
    return getFilepattern();
  }

  @Override
  public String getName() {
    return getStepName();
  }

  @Override
  public WithFailures.Result<PCollection<SourceRecord>, DeadLetter> expand(PBegin input) {
    checkArgument(
        getHeader() == null || getFormat() != LineReader.Format.WHOLE_FILE,
        "withHeader() applies to lines and CSV records, not to whole files");
    TupleTag<SourceRecord> good = new TupleTag<>();
    TupleTag<DeadLetter> failed = new TupleTag<>();
    FileRanges.Reader reader = rangeReader();
    PCollectionTuple out;
    if (getRangeBytes() > 0) {
      out =
          ranges(input)
              .apply(
                  "ReadRanges",
                  ParDo.of(new FileRanges.ReadRangesFn(reader, good, failed))
                      .withOutputTags(good, TupleTagList.of(failed)));
    } else {
      out =
          listFiles(input)
              // Groups of files, not single files, become the unit of work: with thousands of small
              // files (one song per file) a bundle per file costs far more than reading the file.
              .apply("ShuffleGroups", GroupByKey.create())
              .apply(
                  getFormat() == LineReader.Format.WHOLE_FILE ? "ReadWholeFiles" : "SplitRecords",
                  ParDo.of(new FileRanges.ReadFilesFn(reader, good, failed))
                      .withOutputTags(good, TupleTagList.of(failed)));
    }
    return WithFailures.Result.of(
        out.get(good).setCoder(schemaCoder(input, SourceRecord.class)),
        out.get(failed).setCoder(schemaCoder(input, DeadLetter.class)));
  }

  /** Whether this reads lines in byte ranges ({@link #lines} with {@link #splittable}). */
  boolean isSplittableLines() {
    return getFormat() == LineReader.Format.LINES && getRangeBytes() > 0;
  }

  /** The byte ranges of every file to read, spread over workers (also for {@link BulkLoad}). */
  PCollection<FileRanges.Range> ranges(PBegin input) {
    return listFiles(input)
        .apply("SplitIntoRanges", ParDo.of(new FileRanges.SplitFn(getRangeBytes())))
        .setCoder(schemaCoder(input, FileRanges.Range.class))
        .apply("ShuffleRanges", Reshuffle.viaRandomKey());
  }

  /** The reader of one range, with this step's name, rules and counters (also for BulkLoad). */
  FileRanges.Reader rangeReader() {
    LineReader.Positions positions =
        getRangeBytes() > 0 ? LineReader.Positions.BYTE_OFFSETS : LineReader.Positions.LINE_NUMBERS;
    return new FileRanges.Reader(
        getStepName(),
        new LineReader(getStepName(), getFormat(), positions, getMaxRecordBytes(), getHeader()));
  }

  /**
   * The files to read, each keyed by its group: the pattern listed when the pipeline runs, or the
   * files given to {@link #onlyFiles}; either waits for {@link #after}.
   */
  private PCollection<KV<Integer, MatchResult.Metadata>> listFiles(PBegin input) {
    PCollection<String> pattern = input.apply("FilePattern", Create.of(getFilepattern()));
    if (!getAfter().isEmpty()) {
      pattern = pattern.apply("WaitForInputs", Wait.on(getAfter().toArray(new PCollection<?>[0])));
    }
    return pattern
        .apply("MatchFiles", ParDo.of(new FileRanges.MatchFn(DEFAULT_FILE_GROUPS, getFiles())))
        .setCoder(KvCoder.of(VarIntCoder.of(), MetadataCoderV2.of()));
  }

  static <T> Coder<T> schemaCoder(PBegin input, Class<T> type) {
    try {
      return input.getPipeline().getSchemaRegistry().getSchemaCoder(type);
    } catch (NoSuchSchemaException e) {
      throw new IllegalStateException("No schema for " + type.getName(), e);
    }
  }
}
