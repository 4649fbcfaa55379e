package etl.transforms.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Reading line files in byte ranges ({@link ReadFiles#splittable}): a line belongs to the range its
 * first byte is in, so every line is read exactly once whatever the range boundaries.
 */
final class LineRanges {
  private LineRanges() {}

  /** Bytes [from, to) of one file; to is Long.MAX_VALUE for a file read whole. */
  @DefaultSchema(JavaFieldSchema.class)
  public static final class Range {
    public final String uri;
    public final boolean compressed;
    public final long from;
    public final long to;

    @SchemaCreate
    public Range(String uri, boolean compressed, long from, long to) {
      this.uri = uri;
      this.compressed = compressed;
      this.from = from;
      this.to = to;
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
      String uri = m.resourceId().toString();
      boolean compressed =
          Compression.detect(m.resourceId().getFilename()) != Compression.UNCOMPRESSED;
      long size = m.sizeBytes();
      if (compressed || size <= bytesPerRange) {
        out.output(new Range(uri, compressed, 0, Long.MAX_VALUE));
        return;
      }
      for (long from = 0; from < size; from += bytesPerRange) {
        out.output(
            new Range(
                uri,
                false,
                from,
                from + bytesPerRange >= size ? Long.MAX_VALUE : from + bytesPerRange));
      }
    }
  }

  /** Where a range's lines go: good records, and failures (never dropped). */
  interface Emitter {
    void record(SourceRecord record);

    void failed(DeadLetter deadLetter);
  }

  /**
   * Reads the lines that start inside a range: the header, blank lines and the reading failures are
   * handled here, every other line goes to the emitter. Used by {@link ReadFn} (lines become
   * elements) and by {@link BulkLoad}'s loading DoFn (lines are parsed and staged in place).
   */
  static final class RangeReader implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final String step;
    private final int maxRecordBytes;
    private final String header;
    private final Counter files;
    private final Counter records;
    private final Counter deadLetters;
    private final Counter blankLines;
    private final Counter headers;
    // Counted locally and added to the Beam counters once per range: a counter update per line
    // was a measurable share of reading 26 M lines.
    private transient long recordCount;
    private transient long deadLetterCount;
    private transient long blankLineCount;
    private transient long headerCount;

    RangeReader(String step, int maxRecordBytes, String header) {
      this.step = step;
      this.maxRecordBytes = maxRecordBytes;
      this.header = header;
      this.files = Metrics.counter(step, "files");
      this.records = Metrics.counter(step, "records");
      this.deadLetters = Metrics.counter(step, "dead_letters");
      this.blankLines = Metrics.counter(step, "filtered_blank_line");
      this.headers = Metrics.counter(step, "filtered_header");
    }

    void read(Range range, Emitter out) {
      if (range.from == 0) {
        files.inc();
      }
      recordCount = deadLetterCount = blankLineCount = headerCount = 0;
      CharsetDecoder decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      try (ReadableByteChannel channel =
          FileSystems.open(FileSystems.matchNewResource(range.uri, false))) {
        long pos = range.from;
        InputStream in;
        if (range.compressed) {
          in = Channels.newInputStream(Compression.detect(range.uri).readDecompressed(channel));
        } else {
          SeekableByteChannel seekable = (SeekableByteChannel) channel;
          if (pos > 0) {
            seekable.position(pos - 1);
          }
          in = Channels.newInputStream(seekable);
        }
        LineReader lines = new LineReader(in, maxRecordBytes);
        if (pos > 0) {
          // Skip the rest of the line that started in the previous range (that range reads it).
          if (!lines.next() || !lines.endedWithNewline) {
            return;
          }
          pos = pos - 1 + lines.consumed;
        }
        boolean sawAnyByte = false;
        while (pos < range.to && lines.next()) {
          long start = pos;
          pos += lines.consumed;
          sawAnyByte = true;
          emit(range.uri, start, lines, decoder, out);
          if (!lines.endedWithNewline) {
            break;
          }
        }
        if (range.from == 0 && !sawAnyByte) {
          recordCount++; // the file is the one record accounted for
          deadLetterCount++;
          out.failed(new DeadLetter(step, range.uri, 0, "empty_file", "the file is empty", ""));
        }
      } catch (IOException e) {
        recordCount++;
        deadLetterCount++;
        out.failed(
            new DeadLetter(
                step, range.uri, range.from, "unreadable_file", "cannot read file: " + e, ""));
      } finally {
        records.inc(recordCount);
        deadLetters.inc(deadLetterCount);
        blankLines.inc(blankLineCount);
        headers.inc(headerCount);
      }
    }

    private void emit(
        String uri, long start, LineReader line, CharsetDecoder decoder, Emitter out) {
      byte[] bytes = line.bytes;
      int len = line.length;
      if (len > 0 && bytes[len - 1] == '\r' && !line.tooLong) {
        len--;
      }
      int from = 0;
      if (start == 0
          && len >= 3
          && (bytes[0] & 0xFF) == 0xEF
          && (bytes[1] & 0xFF) == 0xBB
          && (bytes[2] & 0xFF) == 0xBF) {
        from = 3;
      }
      if (line.tooLong) {
        recordCount++;
        deadLetterCount++;
        out.failed(
            new DeadLetter(
                step,
                uri,
                start,
                "record_too_large",
                "record exceeds " + maxRecordBytes + " bytes",
                new String(bytes, from, len - from, StandardCharsets.UTF_8)));
        return;
      }
      String text;
      try {
        text = decoder.reset().decode(ByteBuffer.wrap(bytes, from, len - from)).toString();
      } catch (CharacterCodingException e) {
        recordCount++;
        deadLetterCount++;
        out.failed(
            new DeadLetter(
                step,
                uri,
                start,
                "invalid_encoding",
                "bytes are not valid UTF-8",
                new String(bytes, from, len - from, StandardCharsets.UTF_8)));
        return;
      }
      if (start == 0 && header != null) {
        if (text.equals(header)) {
          headerCount++;
        } else {
          recordCount++;
          deadLetterCount++;
          out.failed(
              new DeadLetter(
                  step,
                  uri,
                  0,
                  "unexpected_header",
                  "expected the header \"" + header + "\"",
                  text));
        }
        return;
      }
      if (text.isBlank()) {
        blankLineCount++;
        return;
      }
      recordCount++;
      out.record(new SourceRecord(uri, start, text));
    }
  }

  /** Reads the lines that start inside a range into records. */
  static final class ReadFn extends DoFn<Range, SourceRecord> {
    private final RangeReader reader;
    private final TupleTag<SourceRecord> good;
    private final TupleTag<DeadLetter> failed;

    ReadFn(
        String step,
        int maxRecordBytes,
        String header,
        TupleTag<SourceRecord> good,
        TupleTag<DeadLetter> failed) {
      this.reader = new RangeReader(step, maxRecordBytes, header);
      this.good = good;
      this.failed = failed;
    }

    @ProcessElement
    public void process(@Element Range range, MultiOutputReceiver out) {
      reader.read(
          range,
          new Emitter() {
            @Override
            public void record(SourceRecord record) {
              out.get(good).output(record);
            }

            @Override
            public void failed(DeadLetter deadLetter) {
              out.get(failed).output(deadLetter);
            }
          });
    }
  }

  /**
   * Lines as bytes, read from the stream in 64 KiB blocks (a call into the stream per byte, as
   * BufferedInputStream.read() does, dominated reading). A line longer than {@code maxBytes} keeps
   * its first {@code maxBytes} and is flagged {@link #tooLong}.
   */
  static final class LineReader {
    private final InputStream in;
    private final int maxBytes;
    private final byte[] block = new byte[1 << 16];
    private int blockLength;
    private int at;
    byte[] bytes = new byte[256];
    int length;
    boolean tooLong;
    boolean endedWithNewline;

    /** Bytes the last line took in the input, its newline included. */
    long consumed;

    LineReader(InputStream in, int maxBytes) {
      this.in = in;
      this.maxBytes = maxBytes;
    }

    /** Reads the next line; false at the end of the input when no byte is left. */
    boolean next() throws IOException {
      length = 0;
      tooLong = false;
      endedWithNewline = false;
      consumed = 0;
      while (true) {
        if (at == blockLength) {
          int n = in.read(block, 0, block.length);
          if (n <= 0) {
            blockLength = at = 0;
            return consumed > 0;
          }
          blockLength = n;
          at = 0;
        }
        int begin = at;
        while (at < blockLength && block[at] != '\n') {
          at++;
        }
        append(begin, at - begin);
        consumed += at - begin;
        if (at < blockLength) {
          at++;
          consumed++;
          endedWithNewline = true;
          return true;
        }
      }
    }

    private void append(int begin, int n) {
      int room = maxBytes - length;
      if (n > room) {
        tooLong = true;
        n = Math.max(0, room);
      }
      if (length + n > bytes.length) {
        bytes =
            java.util.Arrays.copyOf(
                bytes, Math.max(length + n, Math.min(maxBytes, bytes.length * 2)));
      }
      System.arraycopy(block, begin, bytes, length, n);
      length += n;
    }
  }
}
