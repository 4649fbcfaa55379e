package etl.transforms.io;

import etl.transforms.jdbc.CopyStream;
import etl.transforms.parse.RecordParser;
import etl.transforms.parse.RecordRule;
import etl.transforms.parse.Rejected;
import etl.transforms.record.DeadLetter;
import etl.transforms.record.SourceRecord;
import java.sql.SQLException;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.Row;

/**
 * The DoFn of {@link BulkLoad}: reads a range, parses, checks and stages each line; outputs only
 * dead letters. Counters are summed per bundle and added in FinishBundle, with the COPY.
 */
final class BulkLoadFn<T> extends DoFn<FileRanges.Range, DeadLetter> {
  private final FileRanges.Reader reader;
  private final RecordParser<T> parser;
  private final String parseStep;
  private final RecordRule<T> rule;
  private final String ruleStep;
  private final SerializableFunction<T, Row> toRow;
  private final CopyStream.Spec staging;
  private final Counter parsed;
  private final Counter parseDeadLetters;
  private final Counter kept;
  private final Counter ruleDeadLetters;
  private final Counter staged;
  private transient CopyStream stream;
  private transient RecordRule.SideInputs sideInputs;
  private transient long parsedCount;
  private transient long parseDeadLetterCount;
  private transient long keptCount;
  private transient long ruleDeadLetterCount;

  BulkLoadFn(
      FileRanges.Reader reader,
      RecordParser<T> parser,
      String parseStep,
      RecordRule<T> rule,
      String ruleStep,
      SerializableFunction<T, Row> toRow,
      CopyStream.Spec staging) {
    this.reader = reader;
    this.parser = parser;
    this.parseStep = parseStep;
    this.rule = rule;
    this.ruleStep = ruleStep;
    this.toRow = toRow;
    this.staging = staging;
    this.parsed = Metrics.counter(parseStep, "parsed");
    this.parseDeadLetters = Metrics.counter(parseStep, "dead_letters");
    this.kept = rule == null ? null : Metrics.counter(ruleStep, rule.keptCounter());
    this.ruleDeadLetters = rule == null ? null : Metrics.counter(ruleStep, "dead_letters");
    this.staged = Metrics.counter("StageRows", staging.table() + "_rows");
  }

  @Setup
  public void setup() throws SQLException {
    stream = staging.open();
  }

  @StartBundle
  public void startBundle() {
    parsedCount = parseDeadLetterCount = keptCount = ruleDeadLetterCount = 0;
  }

  @ProcessElement
  public void process(ProcessContext c) {
    if (rule != null && sideInputs == null) {
      sideInputs = RecordRule.SideInputs.materialize(rule.sideInputs(), view -> c.sideInput(view));
    }
    reader.read(
        c.element(),
        new LineReader.Emitter() {
          @Override
          public void record(SourceRecord record) {
            load(record, c);
          }

          @Override
          public void failed(DeadLetter deadLetter) {
            c.output(deadLetter);
          }
        });
  }

  private void load(SourceRecord record, ProcessContext c) {
    T value;
    try {
      value = parser.parse(record);
    } catch (Rejected r) {
      parseDeadLetterCount++;
      c.output(DeadLetter.of(parseStep, record, r.reason(), r.getMessage()));
      return;
    } catch (RuntimeException e) {
      parseDeadLetterCount++;
      c.output(DeadLetter.of(parseStep, record, "parser_error", e.toString()));
      return;
    }
    parsedCount++;
    if (rule != null) {
      try {
        value = rule.apply(value, sideInputs);
      } catch (Rejected r) {
        ruleDeadLetterCount++;
        c.output(DeadLetter.of(ruleStep, record, r.reason(), r.getMessage()));
        return;
      }
      keptCount++;
    }
    try {
      stream.write(toRow.apply(value));
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Staging into " + staging.table() + " failed: " + e.getMessage(), e);
    }
  }

  @FinishBundle
  public void finishBundle() throws SQLException {
    staged.inc(stream.finish());
    parsed.inc(parsedCount);
    parseDeadLetters.inc(parseDeadLetterCount);
    if (rule != null) {
      kept.inc(keptCount);
      ruleDeadLetters.inc(ruleDeadLetterCount);
    }
  }

  @Teardown
  public void teardown() throws SQLException {
    if (stream != null) {
      stream.close();
    }
  }
}
