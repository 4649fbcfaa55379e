package etl.transforms.io;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MetadataCoderV2;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
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

/**
 * Reads files from any Beam file system (local paths, {@code s3://} URIs; globs including {@code
 * **}) into {@link SourceRecord}s, in one of three layouts ({@link #csvRecords} is the third:
 * lines, but quote-aware):
 *
 * <ul>
 *   <li>{@link #lines}: one record per line (JSON lines, CSV without multi-line fields). The
 *       position is the 1-based line number. CRLF and LF both end a line; a UTF-8 byte-order mark
 *       on the first line is dropped; blank lines are skipped and counted as {@code
 *       filtered_blank_line}.
 *   <li>{@link #wholeFiles}: one record per file (one JSON object per file). Position 1.
 * </ul>
 *
 * <p>Compressed files ({@code .gz}, {@code .bz2}, …) are decompressed by extension.
 *
 * <p>Failures go to {@link WithFailures.Result#failures()}, never dropped: bytes that are not UTF-8
 * ({@code invalid_encoding}, raw text decoded with replacement characters), a record larger than
 * the limit ({@code record_too_large}), an empty file ({@code empty_file}) and a file that cannot
 * be read ({@code unreadable_file}). Reading has no side effects, so a retried bundle is harmless.
 *
 * <p>Metrics, in the namespace of the step name: {@code files}, {@code records} (every record
 * emitted or dead-lettered; an unreadable or empty file counts as one), {@code dead_letters},
 * {@code filtered_blank_line}, {@code filtered_header}. So {@code records + filtered_*} is what the
 * step read, and {@code records = good + dead_letters}.
 */
public final class ReadFiles
    extends PTransform<PBegin, WithFailures.Result<PCollection<SourceRecord>, DeadLetter>> {
  /**
   * Default upper bound for one record; a longer one is dead-lettered instead of exhausting memory.
   */
  public static final int DEFAULT_MAX_RECORD_BYTES = 64 * 1024 * 1024;

  /** Files are read in this many groups: enough to keep a cluster busy, few enough to batch. */
  static final int DEFAULT_FILE_GROUPS = 64;

  private enum Layout {
    LINES,
    CSV_RECORDS,
    WHOLE_FILES
  }

  private final Layout layout;
  private final String filepattern;
  private final int maxRecordBytes;
  private final String header;
  private final transient List<PCollection<?>> after = new ArrayList<>();
  private final int fileGroups = DEFAULT_FILE_GROUPS;
  private long rangeBytes;
  private List<MatchResult.Metadata> files;

  private ReadFiles(
      String name, Layout layout, String filepattern, int maxRecordBytes, String header) {
    super(name);
    this.layout = layout;
    this.filepattern = filepattern;
    this.maxRecordBytes = maxRecordBytes;
    this.header = header;
  }

  /** One record per line of every file matching {@code filepattern}. */
  public static ReadFiles lines(String filepattern) {
    return new ReadFiles(
        "ReadLines", Layout.LINES, checkPattern(filepattern), DEFAULT_MAX_RECORD_BYTES, null);
  }

  /** One record per file matching {@code filepattern}. */
  public static ReadFiles wholeFiles(String filepattern) {
    return new ReadFiles(
        "ReadWholeFiles",
        Layout.WHOLE_FILES,
        checkPattern(filepattern),
        DEFAULT_MAX_RECORD_BYTES,
        null);
  }

  /**
   * One record per CSV record of every file matching {@code filepattern}: like {@link #lines}, but
   * a line break inside a double-quoted field does not end the record (RFC 4180 quoting), so a
   * quoted multi-line field stays in one record. The position is the line the record starts on.
   * Fields are split later, by a CSV library, in the parser.
   */
  public static ReadFiles csvRecords(String filepattern) {
    return new ReadFiles(
        "ReadCsvRecords",
        Layout.CSV_RECORDS,
        checkPattern(filepattern),
        DEFAULT_MAX_RECORD_BYTES,
        null);
  }

  /**
   * The first record of every file must be exactly this header (a UTF-8 byte-order mark and the
   * line end aside); it is counted as {@code filtered_header}, not emitted. A file with another
   * first record gets one dead letter {@code unexpected_header} and is not read further: its
   * columns cannot be trusted.
   */
  public ReadFiles withHeader(String header) {
    ReadFiles r =
        new ReadFiles(
            getName(), layout, filepattern, maxRecordBytes, requireNonNull(header, "header"));
    r.copyStateOf(this);
    return r;
  }

  public ReadFiles withMaxRecordBytes(int maxRecordBytes) {
    if (maxRecordBytes < 1) {
      throw new IllegalArgumentException("maxRecordBytes must be positive, was " + maxRecordBytes);
    }
    ReadFiles r = new ReadFiles(getName(), layout, filepattern, maxRecordBytes, header);
    r.copyStateOf(this);
    return r;
  }

  /**
   * Reads each uncompressed file in byte ranges of about {@code bytesPerRange}, spread over the
   * workers — for one big file of lines (ratings.csv) that would otherwise be read by one worker.
   * Lines only (a quoted multi-line CSV field cannot be split safely). The position of a record is
   * then the byte offset of its first byte in the file, not its line number (which a range cannot
   * know). Compressed files are read whole.
   */
  public ReadFiles splittable(long bytesPerRange) {
    if (layout != Layout.LINES) {
      throw new IllegalArgumentException("only line-oriented files can be read in ranges");
    }
    if (bytesPerRange < 1) {
      throw new IllegalArgumentException("bytesPerRange must be positive, was " + bytesPerRange);
    }
    ReadFiles r = new ReadFiles(getName(), layout, filepattern, maxRecordBytes, header);
    r.copyStateOf(this);
    r.rangeBytes = bytesPerRange;
    return r;
  }

  /**
   * Starts reading only once these PCollections are complete. A source that is joined against side
   * inputs should wait for them: a runner otherwise holds back ("pushes back") every record until
   * the side input is ready, which the Direct runner does at great cost.
   */
  public ReadFiles after(List<? extends PCollection<?>> signals) {
    ReadFiles r = new ReadFiles(getName(), layout, filepattern, maxRecordBytes, header);
    r.copyStateOf(this);
    r.after.addAll(signals);
    return r;
  }

  /**
   * The step name: the name this transform is applied under ({@code input.apply(read)}), and the
   * {@code step} of its dead letters and the namespace of its metrics.
   */
  public ReadFiles named(String stepName) {
    ReadFiles r =
        new ReadFiles(
            requireNonNull(stepName, "stepName"), layout, filepattern, maxRecordBytes, header);
    r.copyStateOf(this);
    return r;
  }

  /**
   * Reads exactly these files (as listed by {@link FileSystems#match}) instead of listing the
   * pattern when the pipeline runs: an incremental load reads only the files that are new or
   * changed since the last load. The pattern still names the input in messages.
   */
  public ReadFiles onlyFiles(List<MatchResult.Metadata> files) {
    ReadFiles r = new ReadFiles(getName(), layout, filepattern, maxRecordBytes, header);
    r.copyStateOf(this);
    r.files = List.copyOf(requireNonNull(files, "files"));
    return r;
  }

  /** The file pattern this reads (or that names the files of {@link #onlyFiles}). */
  public String filepattern() {
    return filepattern;
  }

  private void copyStateOf(ReadFiles other) {
    after.addAll(other.after);
    rangeBytes = other.rangeBytes;
    files = other.files;
  }

  private static String checkPattern(String filepattern) {
    requireNonNull(filepattern, "filepattern");
    if (filepattern.isBlank()) {
      throw new IllegalArgumentException("filepattern must not be blank");
    }
    return filepattern;
  }

  @Override
  public WithFailures.Result<PCollection<SourceRecord>, DeadLetter> expand(PBegin input) {
    TupleTag<SourceRecord> good = new TupleTag<>();
    TupleTag<DeadLetter> failed = new TupleTag<>();
    String step = getName();
    if (rangeBytes > 0) {
      PCollectionTuple ranged =
          ranges(input)
              .apply(
                  "ReadRanges",
                  ParDo.of(new LineRanges.ReadFn(step, maxRecordBytes, header, good, failed))
                      .withOutputTags(good, TupleTagList.of(failed)));
      return WithFailures.Result.of(
          ranged.get(good).setCoder(schemaCoder(input, SourceRecord.class)),
          ranged.get(failed).setCoder(schemaCoder(input, DeadLetter.class)));
    }
    PCollectionTuple out =
        listFiles(input)
            // Groups of files, not single files, become the unit of work: with thousands of small
            // files (one song per file) a bundle per file costs far more than reading the file.
            .apply("ShuffleGroups", GroupByKey.create())
            .apply(
                layout == Layout.WHOLE_FILES ? "ReadWholeFiles" : "SplitRecords",
                ParDo.of(new ReadFn(layout, step, maxRecordBytes, header, good, failed))
                    .withOutputTags(good, TupleTagList.of(failed)));
    return WithFailures.Result.of(
        out.get(good).setCoder(schemaCoder(input, SourceRecord.class)),
        out.get(failed).setCoder(schemaCoder(input, DeadLetter.class)));
  }

  /** Whether this reads lines in byte ranges ({@link #lines} with {@link #splittable}). */
  boolean isSplittableLines() {
    return layout == Layout.LINES && rangeBytes > 0;
  }

  /** The byte ranges of every file to read, spread over workers (also for {@link BulkLoad}). */
  PCollection<LineRanges.Range> ranges(PBegin input) {
    return listFiles(input)
        .apply("SplitIntoRanges", ParDo.of(new LineRanges.SplitFn(rangeBytes)))
        .setCoder(schemaCoder(input, LineRanges.Range.class))
        .apply("ShuffleRanges", Reshuffle.viaRandomKey());
  }

  /**
   * The files to read, each keyed by its group: the pattern listed when the pipeline runs, or the
   * files given to {@link #onlyFiles}; either waits for {@link #after}.
   */
  private PCollection<KV<Integer, MatchResult.Metadata>> listFiles(PBegin input) {
    PCollection<String> pattern = input.apply("FilePattern", Create.of(filepattern));
    if (!after.isEmpty()) {
      pattern = pattern.apply("WaitForInputs", Wait.on(after.toArray(new PCollection<?>[0])));
    }
    return pattern
        .apply("MatchFiles", ParDo.of(new MatchFn(fileGroups, files)))
        .setCoder(KvCoder.of(VarIntCoder.of(), MetadataCoderV2.of()));
  }

  /** The reader of one range, with this step's name and counters. */
  LineRanges.RangeReader rangeReader() {
    return new LineRanges.RangeReader(getName(), maxRecordBytes, header);
  }

  static <T> Coder<T> schemaCoder(PBegin input, Class<T> type) {
    try {
      return input.getPipeline().getSchemaRegistry().getSchemaCoder(type);
    } catch (NoSuchSchemaException e) {
      throw new IllegalStateException("No schema for " + type.getName(), e);
    }
  }

  /**
   * Lists the files of a pattern (none is fine: inputs are checked before the run) into groups; or,
   * given a list, emits exactly those files.
   */
  private static final class MatchFn extends DoFn<String, KV<Integer, MatchResult.Metadata>> {
    private final int groups;
    private final List<MatchResult.Metadata> files;

    MatchFn(int groups, List<MatchResult.Metadata> files) {
      this.groups = groups;
      this.files = files;
    }

    @ProcessElement
    public void process(
        @Element String pattern, OutputReceiver<KV<Integer, MatchResult.Metadata>> out)
        throws IOException {
      List<MatchResult.Metadata> listed = files;
      if (listed == null) {
        MatchResult match = FileSystems.match(pattern, EmptyMatchTreatment.ALLOW_IF_WILDCARD);
        listed = match.status() == MatchResult.Status.NOT_FOUND ? List.of() : match.metadata();
      }
      for (MatchResult.Metadata m : listed) {
        if (!m.resourceId().isDirectory()) {
          out.output(KV.of(Math.floorMod(m.resourceId().toString().hashCode(), groups), m));
        }
      }
    }
  }

  private static final class ReadFn
      extends DoFn<KV<Integer, Iterable<MatchResult.Metadata>>, SourceRecord> {
    private final Layout layout;
    private final String step;
    private final int maxRecordBytes;
    private final String header;
    private final TupleTag<SourceRecord> good;
    private final TupleTag<DeadLetter> failed;
    private final Counter files;
    private final Counter records;
    private final Counter deadLetters;
    private final Counter blankLines;
    private final Counter headers;

    ReadFn(
        Layout layout,
        String step,
        int maxRecordBytes,
        String header,
        TupleTag<SourceRecord> good,
        TupleTag<DeadLetter> failed) {
      this.layout = layout;
      this.header = header;
      this.good = good;
      this.step = step;
      this.maxRecordBytes = maxRecordBytes;
      this.failed = failed;
      this.files = Metrics.counter(step, "files");
      this.records = Metrics.counter(step, "records");
      this.deadLetters = Metrics.counter(step, "dead_letters");
      this.blankLines = Metrics.counter(step, "filtered_blank_line");
      this.headers = Metrics.counter(step, "filtered_header");
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<MatchResult.Metadata>> group, MultiOutputReceiver out) {
      for (MatchResult.Metadata file : group.getValue()) {
        read(file, out);
      }
    }

    private void read(MatchResult.Metadata file, MultiOutputReceiver out) {
      String source = file.resourceId().toString();
      files.inc();
      Emitter emit = new Emitter(source, out);
      Compression compression = Compression.detect(file.resourceId().getFilename());
      try (InputStream in =
          Channels.newInputStream(
              compression.readDecompressed(FileSystems.open(file.resourceId())))) {
        if (layout != Layout.WHOLE_FILES) {
          readLines(in, emit, layout == Layout.CSV_RECORDS);
        } else {
          readWhole(in, emit);
        }
      } catch (IOException e) {
        emit.failure(0, "unreadable_file", "cannot read file: " + e, "");
      }
    }

    private void readWhole(InputStream in, Emitter emit) throws IOException {
      byte[] bytes = in.readNBytes(maxRecordBytes + 1);
      if (bytes.length == 0) {
        emit.failure(0, "empty_file", "the file is empty", "");
      } else if (bytes.length > maxRecordBytes) {
        emit.failure(
            1, "record_too_large", "file exceeds " + maxRecordBytes + " bytes", lossy(bytes, 8192));
      } else {
        emit.record(1, bytes, bytes.length);
      }
    }

    /**
     * Splits a stream into records at line ends; with {@code quoteAware}, line ends inside double
     * quotes do not count. A record's position is the line it starts on.
     */
    private void readLines(InputStream in, Emitter emit, boolean quoteAware) throws IOException {
      byte[] chunk = new byte[1 << 16];
      byte[] line = new byte[8192];
      int len = 0;
      long physicalLine = 1;
      long recordStart = 1;
      boolean inQuotes = false;
      boolean tooLong = false;
      boolean sawAnyByte = false;
      int n;
      while ((n = in.read(chunk)) != -1) {
        sawAnyByte |= n > 0;
        int from = 0;
        for (int i = 0; i < n; i++) {
          byte b = chunk[i];
          if (quoteAware && b == '"') {
            inQuotes = !inQuotes;
          }
          if (b != '\n') {
            continue;
          }
          physicalLine++;
          if (inQuotes) {
            continue;
          }
          if (!tooLong) {
            int take = i - from;
            if ((long) len + take > maxRecordBytes) {
              tooLong = true;
            } else {
              line = append(line, len, chunk, from, take);
              len += take;
            }
          }
          if (!endLine(recordStart, line, len, tooLong, emit)) {
            return;
          }
          len = 0;
          tooLong = false;
          from = i + 1;
          recordStart = physicalLine;
        }
        if (!tooLong && from < n) {
          int take = n - from;
          if ((long) len + take > maxRecordBytes) {
            tooLong = true;
          } else {
            line = append(line, len, chunk, from, take);
            len += take;
          }
        }
      }
      if (len > 0 || tooLong) {
        // The last record of a file without a trailing newline is a record like any other.
        endLine(recordStart, line, len, tooLong, emit);
      }
      if (!sawAnyByte) {
        emit.failure(0, "empty_file", "the file is empty", "");
      }
    }

    private static byte[] append(byte[] line, int len, byte[] src, int from, int take) {
      if (len + take > line.length) {
        line = Arrays.copyOf(line, Math.max(len + take, line.length * 2));
      }
      System.arraycopy(src, from, line, len, take);
      return line;
    }

    /** Emits one record; returns false when the rest of the file must not be read. */
    private boolean endLine(long lineNo, byte[] line, int len, boolean tooLong, Emitter emit) {
      int end = len > 0 && line[len - 1] == '\r' ? len - 1 : len;
      if (tooLong) {
        emit.failure(
            lineNo,
            "record_too_large",
            "record exceeds " + maxRecordBytes + " bytes",
            lossy(line, Math.min(end, 8192)));
        return true;
      }
      int start = lineNo == 1 ? bomLength(line, end) : 0;
      if (header != null && lineNo == 1) {
        String found = new String(line, start, end - start, StandardCharsets.UTF_8);
        if (found.equals(header)) {
          headers.inc();
          return true;
        }
        emit.failure(
            1,
            "unexpected_header",
            "expected the header \"" + header + "\"; the file was not read",
            found);
        return false;
      }
      if (isBlank(line, start, end)) {
        blankLines.inc();
      } else {
        emit.record(lineNo, Arrays.copyOfRange(line, start, end), end - start);
      }
      return true;
    }

    private static int bomLength(byte[] buf, int end) {
      return end >= 3
              && (buf[0] & 0xFF) == 0xEF
              && (buf[1] & 0xFF) == 0xBB
              && (buf[2] & 0xFF) == 0xBF
          ? 3
          : 0;
    }

    private static boolean isBlank(byte[] buf, int start, int end) {
      for (int i = start; i < end; i++) {
        if (buf[i] != ' ' && buf[i] != '\t' && buf[i] != '\r') {
          return false;
        }
      }
      return true;
    }

    private static String lossy(byte[] bytes, int len) {
      return new String(bytes, 0, Math.min(len, bytes.length), StandardCharsets.UTF_8);
    }

    /** Decodes strictly and routes each record to the good or the failed output. */
    private final class Emitter {
      private final String source;
      private final MultiOutputReceiver out;
      private final CharsetDecoder decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);

      Emitter(String source, MultiOutputReceiver out) {
        this.source = source;
        this.out = out;
      }

      void record(long position, byte[] bytes, int len) {
        String text;
        try {
          text = decoder.reset().decode(ByteBuffer.wrap(bytes, 0, len)).toString();
        } catch (CharacterCodingException e) {
          failure(position, "invalid_encoding", "bytes are not valid UTF-8", lossy(bytes, len));
          return;
        }
        records.inc();
        out.get(good).output(new SourceRecord(source, position, text));
      }

      /** A failed record; a file that could not be read at all (position 0) counts as one. */
      void failure(long position, String reason, String message, String raw) {
        records.inc();
        deadLetters.inc();
        out.get(failed).output(new DeadLetter(step, source, position, reason, message, raw));
      }
    }
  }
}
