package etl.transforms.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts records out of a stream read in 64 KiB blocks (a call into the stream per byte dominated
 * reading). A record longer than the limit keeps its first {@code maxRecordBytes} and is flagged
 * {@link #tooLong}; its line end excluded from {@link #bytes}.
 */
final class RecordScanner {
  private final InputStream in;
  private final LineReader.Format format;
  private final int maxRecordBytes;
  private final byte[] block = new byte[1 << 16];
  private int blockLength;
  private int at;
  final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  byte[] bytes = new byte[256];
  int length;
  boolean tooLong;
  boolean endedWithNewline;

  /** Byte offset (in the file) and line number of the next unread byte. */
  long offset;

  long line = 1;

  /** Byte offset and line number of the current record's first byte. */
  long start;

  long startLine;

  RecordScanner(InputStream in, long offset, LineReader.Format format, int maxRecordBytes) {
    this.in = in;
    this.offset = offset;
    this.format = format;
    this.maxRecordBytes = maxRecordBytes;
  }

  /** Reads the next record; false at the end of the input when no byte is left. */
  boolean next() throws IOException {
    length = 0;
    tooLong = false;
    endedWithNewline = false;
    start = offset;
    startLine = line;
    boolean inQuotes = false;
    boolean any = false;
    while (true) {
      if (at == blockLength) {
        int n = in.read(block, 0, block.length);
        if (n <= 0) {
          blockLength = at = 0;
          return any;
        }
        blockLength = n;
        at = 0;
      }
      int begin = at;
      if (format == LineReader.Format.LINES) {
        while (at < blockLength && block[at] != '\n') {
          at++;
        }
      } else if (format == LineReader.Format.CSV_RECORDS) {
        for (; at < blockLength; at++) {
          byte b = block[at];
          if (b == '"') {
            inQuotes = !inQuotes;
          } else if (b == '\n') {
            if (!inQuotes) {
              break;
            }
            line++;
          }
        }
      } else {
        at = blockLength;
      }
      any |= at > begin;
      append(begin, at - begin);
      offset += at - begin;
      if (at < blockLength) {
        at++;
        offset++;
        line++;
        endedWithNewline = true;
        return true;
      }
      if (format == LineReader.Format.WHOLE_FILE && tooLong) {
        return true; // the rest of an oversized file is not needed
      }
    }
  }

  private void append(int begin, int n) {
    int room = maxRecordBytes - length;
    if (n > room) {
      tooLong = true;
      n = Math.max(0, room);
    }
    if (length + n > bytes.length) {
      bytes =
          Arrays.copyOf(bytes, Math.max(length + n, Math.min(maxRecordBytes, bytes.length * 2)));
    }
    System.arraycopy(block, begin, bytes, length, n);
    length += n;
  }
}
