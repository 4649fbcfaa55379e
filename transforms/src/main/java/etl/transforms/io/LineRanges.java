package etl.transforms.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
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
 * Reading line files in byte ranges ({@link ReadFiles#splittable}): a line belongs to the range
 * its first byte is in, so every line is read exactly once whatever the range boundaries.
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
    public void process(@Element KV<Integer, MatchResult.Metadata> file, OutputReceiver<Range> out) {
      MatchResult.Metadata m = file.getValue();
      String uri = m.resourceId().toString();
      boolean compressed = Compression.detect(m.resourceId().getFilename()) != Compression.UNCOMPRESSED;
      long size = m.sizeBytes();
      if (compressed || size <= bytesPerRange) {
        out.output(new Range(uri, compressed, 0, Long.MAX_VALUE));
        return;
      }
      for (long from = 0; from < size; from += bytesPerRange) {
        out.output(new Range(uri, false, from, from + bytesPerRange >= size ? Long.MAX_VALUE : from + bytesPerRange));
      }
    }
  }

  /** Reads the lines that start inside a range. */
  static final class ReadFn extends DoFn<Range, SourceRecord> {
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

    ReadFn(String step, int maxRecordBytes, String header, TupleTag<SourceRecord> good, TupleTag<DeadLetter> failed) {
      this.step = step;
      this.maxRecordBytes = maxRecordBytes;
      this.header = header;
      this.good = good;
      this.failed = failed;
      this.files = Metrics.counter(step, "files");
      this.records = Metrics.counter(step, "records");
      this.deadLetters = Metrics.counter(step, "dead_letters");
      this.blankLines = Metrics.counter(step, "filtered_blank_line");
      this.headers = Metrics.counter(step, "filtered_header");
    }

    @ProcessElement
    public void process(@Element Range range, MultiOutputReceiver out) {
      if (range.from == 0) {
        files.inc();
      }
      CharsetDecoder decoder =
          StandardCharsets.UTF_8.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      try (ReadableByteChannel channel = FileSystems.open(FileSystems.matchNewResource(range.uri, false))) {
        long pos = range.from;
        InputStream in;
        if (range.compressed) {
          in = new BufferedInputStream(
              Channels.newInputStream(Compression.detect(range.uri).readDecompressed(channel)), 1 << 16);
        } else {
          SeekableByteChannel seekable = (SeekableByteChannel) channel;
          if (pos > 0) {
            seekable.position(pos - 1);
          }
          in = new BufferedInputStream(Channels.newInputStream(seekable), 1 << 16);
          if (pos > 0) {
            // Skip the rest of the line that started in the previous range (it reads it).
            int b;
            long skipped = 0;
            while ((b = in.read()) != -1 && b != '\n') {
              skipped++;
            }
            pos = pos - 1 + skipped + 1;
            if (b == -1) {
              return;
            }
          }
        }
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        boolean sawAnyByte = false;
        while (pos < range.to) {
          line.reset();
          long start = pos;
          boolean tooLong = false;
          int b;
          while ((b = in.read()) != -1 && b != '\n') {
            pos++;
            if (line.size() < maxRecordBytes) {
              line.write(b);
            } else {
              tooLong = true;
            }
          }
          if (b == '\n') {
            pos++;
          }
          if (b == -1 && pos == start) {
            break;
          }
          sawAnyByte = true;
          emit(range.uri, start, line.toByteArray(), tooLong, decoder, out);
          if (b == -1) {
            break;
          }
        }
        if (range.from == 0 && !sawAnyByte) {
          deadLetters.inc();
          out.get(failed).output(new DeadLetter(step, range.uri, 0, "empty_file", "the file is empty", ""));
        }
      } catch (IOException e) {
        deadLetters.inc();
        out.get(failed)
            .output(new DeadLetter(step, range.uri, range.from, "unreadable_file", "cannot read file: " + e, ""));
      }
    }

    private void emit(
        String uri, long start, byte[] bytes, boolean tooLong, CharsetDecoder decoder, MultiOutputReceiver out) {
      int len = bytes.length;
      if (len > 0 && bytes[len - 1] == '\r') {
        len--;
      }
      int from = 0;
      if (start == 0 && len >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
        from = 3;
      }
      String lossy = new String(bytes, from, len - from, StandardCharsets.UTF_8);
      if (tooLong) {
        records.inc();
        deadLetters.inc();
        out.get(failed)
            .output(new DeadLetter(step, uri, start, "record_too_large", "record exceeds " + maxRecordBytes + " bytes", lossy));
        return;
      }
      String text;
      try {
        text = decoder.reset().decode(ByteBuffer.wrap(bytes, from, len - from)).toString();
      } catch (CharacterCodingException e) {
        records.inc();
        deadLetters.inc();
        out.get(failed).output(new DeadLetter(step, uri, start, "invalid_encoding", "bytes are not valid UTF-8", lossy));
        return;
      }
      if (start == 0 && header != null) {
        if (text.equals(header)) {
          headers.inc();
        } else {
          records.inc();
          deadLetters.inc();
          out.get(failed)
              .output(new DeadLetter(step, uri, 0, "unexpected_header", "expected the header \"" + header + "\"", text));
        }
        return;
      }
      if (text.isBlank()) {
        blankLines.inc();
        return;
      }
      records.inc();
      out.get(good).output(new SourceRecord(uri, start, text));
    }
  }
}
