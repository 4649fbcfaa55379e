package etl.transforms.io;

import com.google.auto.value.AutoValue;
import etl.transforms.record.DeadLetter;
import etl.transforms.record.SourceRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.util.List;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Files as byte ranges: the unit every read works on. A whole file is the range [0, end); a big
 * uncompressed file of lines read with {@link ReadFiles#splittable} is cut into several, and a
 * record belongs to the range its first byte is in, so every record is read exactly once whatever
 * the range boundaries.
 */
final class FileRanges {
  private FileRanges() {}

  /** Bytes [from, to) of one file; to is Long.MAX_VALUE up to the end of the file. */
  @AutoValue
  @DefaultSchema(AutoValueSchema.class)
  public abstract static class Range {
    public abstract String getUri();

    public abstract boolean getCompressed();

    public abstract long getFrom();

    public abstract long getTo();

    static Range of(String uri, boolean compressed, long from, long to) {
      return new AutoValue_FileRanges_Range(uri, compressed, from, to);
    }

    /** A whole file, as listed. */
    static Range whole(MatchResult.Metadata file) {
      return of(file.resourceId().toString(), isCompressed(file), 0, Long.MAX_VALUE);
    }
  }

  private static boolean isCompressed(MatchResult.Metadata file) {
    return Compression.detect(file.resourceId().getFilename()) != Compression.UNCOMPRESSED;
  }

  /**
   * Lists the files of a pattern (none is fine: inputs are checked before the run) into groups; or,
   * given a list, emits exactly those files.
   */
  static final class MatchFn extends DoFn<String, KV<Integer, MatchResult.Metadata>> {
    private final int groups;
    private final @Nullable List<MatchResult.Metadata> files;

    MatchFn(int groups, @Nullable List<MatchResult.Metadata> files) {
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

  /** Cuts every file into ranges; a compressed file (not seekable) is one range. */
  static final class SplitFn extends DoFn<KV<Integer, MatchResult.Metadata>, Range> {
    private final long bytesPerRange;

    SplitFn(long bytesPerRange) {
      this.bytesPerRange = bytesPerRange;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, MatchResult.Metadata> file, OutputReceiver<Range> out) {
      MatchResult.Metadata m = file.getValue();
      long size = m.sizeBytes();
      if (isCompressed(m) || size <= bytesPerRange) {
        out.output(Range.whole(m));
        return;
      }
      String uri = m.resourceId().toString();
      for (long from = 0; from < size; from += bytesPerRange) {
        long to = from + bytesPerRange >= size ? Long.MAX_VALUE : from + bytesPerRange;
        out.output(Range.of(uri, false, from, to));
      }
    }
  }

  /**
   * Opens a range and reads it with the {@link LineReader}'s rules, adding to the step's counters
   * ({@code files}, {@code records}, {@code dead_letters}, {@code filtered_blank_line}, {@code
   * filtered_header}) once per range: a counter update per line was a measurable share of reading
   * 26 M lines. A file that cannot be read is one dead letter {@code unreadable_file} at the
   * range's first byte. Used by {@link ReadFiles} and by {@link BulkLoad}'s loading DoFn.
   */
  static final class Reader implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String step;
    private final LineReader lines;
    private final Counter files;
    private final Counter records;
    private final Counter deadLetters;
    private final Counter blankLines;
    private final Counter headers;

    Reader(String step, LineReader lines) {
      this.step = step;
      this.lines = lines;
      this.files = Metrics.counter(step, "files");
      this.records = Metrics.counter(step, "records");
      this.deadLetters = Metrics.counter(step, "dead_letters");
      this.blankLines = Metrics.counter(step, "filtered_blank_line");
      this.headers = Metrics.counter(step, "filtered_header");
    }

    void read(Range range, LineReader.Emitter out) {
      if (range.getFrom() == 0) {
        files.inc();
      }
      LineReader.Counts counts = new LineReader.Counts();
      try {
        if (range.getFrom() > 0 && lines.hasHeader()) {
          try (InputStream start = open(range, 0)) {
            if (!lines.startsWithHeader(start)) {
              return; // the range at byte 0 dead-lettered the header: the file is not read
            }
          }
        }
        try (InputStream in = open(range, range.getFrom() == 0 ? 0 : range.getFrom() - 1)) {
          lines.read(range.getUri(), in, range.getFrom(), range.getTo(), counts, out);
        }
      } catch (IOException e) {
        counts.records++;
        counts.deadLetters++;
        out.failed(
            DeadLetter.create(
                step,
                range.getUri(),
                range.getFrom(),
                "unreadable_file",
                "cannot read file: " + e,
                ""));
      } finally {
        add(records, counts.records);
        add(deadLetters, counts.deadLetters);
        add(blankLines, counts.blankLines);
        add(headers, counts.headers);
      }
    }

    /** A counter that never counted stays unreported (the run summary lists what happened). */
    private static void add(Counter counter, long n) {
      if (n > 0) {
        counter.inc(n);
      }
    }

    /** The file's bytes from {@code position}, decompressed when the file is compressed. */
    private static InputStream open(Range range, long position) throws IOException {
      ReadableByteChannel channel =
          FileSystems.open(FileSystems.matchNewResource(range.getUri(), false));
      if (range.getCompressed()) {
        return Channels.newInputStream(
            Compression.detect(range.getUri()).readDecompressed(channel));
      }
      if (position > 0) {
        ((SeekableByteChannel) channel).position(position);
      }
      return Channels.newInputStream(channel);
    }
  }

  /** Reads each file of a group whole (the range [0, end)). */
  static final class ReadFilesFn
      extends DoFn<KV<Integer, Iterable<MatchResult.Metadata>>, SourceRecord> {
    private final FileRanges.Reader reader;
    private final TupleTag<SourceRecord> good;
    private final TupleTag<DeadLetter> failed;

    ReadFilesFn(
        FileRanges.Reader reader, TupleTag<SourceRecord> good, TupleTag<DeadLetter> failed) {
      this.reader = reader;
      this.good = good;
      this.failed = failed;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<MatchResult.Metadata>> group, MultiOutputReceiver out) {
      for (MatchResult.Metadata file : group.getValue()) {
        reader.read(FileRanges.Range.whole(file), emitter(out, good, failed));
      }
    }
  }

  /** Reads the records that start inside a range. */
  static final class ReadRangesFn extends DoFn<FileRanges.Range, SourceRecord> {
    private final FileRanges.Reader reader;
    private final TupleTag<SourceRecord> good;
    private final TupleTag<DeadLetter> failed;

    ReadRangesFn(
        FileRanges.Reader reader, TupleTag<SourceRecord> good, TupleTag<DeadLetter> failed) {
      this.reader = reader;
      this.good = good;
      this.failed = failed;
    }

    @ProcessElement
    public void process(@Element FileRanges.Range range, MultiOutputReceiver out) {
      reader.read(range, emitter(out, good, failed));
    }
  }

  private static LineReader.Emitter emitter(
      DoFn.MultiOutputReceiver out, TupleTag<SourceRecord> good, TupleTag<DeadLetter> failed) {
    return new LineReader.Emitter() {
      @Override
      public void record(SourceRecord record) {
        out.get(good).output(record);
      }

      @Override
      public void failed(DeadLetter deadLetter) {
        out.get(failed).output(deadLetter);
      }
    };
  }
}
