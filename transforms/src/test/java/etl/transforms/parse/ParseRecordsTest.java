package etl.transforms.parse;

import etl.transforms.record.DeadLetter;
import etl.transforms.record.SourceRecord;
import java.io.Serializable;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.WithFailures;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Rule;
import org.junit.Test;

public class ParseRecordsTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  /** A tiny schema type for the test: a number read from a line. */
  @DefaultSchema(JavaFieldSchema.class)
  public static final class Num implements Serializable {
    public final long value;

    @SchemaCreate
    public Num(long value) {
      this.value = value;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Num && ((Num) o).value == value;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(value);
    }
  }

  private static Num parse(SourceRecord r) throws Rejected {
    if (r.getText().equals("boom")) {
      throw new IllegalStateException("parser bug");
    }
    try {
      return new Num(Long.parseLong(r.getText()));
    } catch (NumberFormatException e) {
      throw new Rejected("not_a_number", "\"" + r.getText() + "\" is not a number");
    }
  }

  @Test
  public void routesGoodRecordsOnAndRejectedOnesToDeadLettersWithReasonAndRawText() {
    WithFailures.Result<PCollection<Num>, DeadLetter> parsed =
        p.apply(
                Create.of(
                    SourceRecord.create("f.txt", 1, "41"),
                    SourceRecord.create("f.txt", 2, "forty-two"),
                    SourceRecord.create("f.txt", 3, "43")))
            .apply(ParseRecords.with(ParseRecordsTest::parse, Num.class).named("ParseNumbers"));

    PAssert.that(parsed.output()).containsInAnyOrder(new Num(41), new Num(43));
    PAssert.that(parsed.failures())
        .containsInAnyOrder(
            DeadLetter.create(
                "ParseNumbers",
                "f.txt",
                2,
                "not_a_number",
                "\"forty-two\" is not a number",
                "forty-two"));
    p.run();
  }

  @Test
  public void turnsAnUnexpectedParserExceptionIntoADeadLetterInsteadOfFailingTheRun() {
    WithFailures.Result<PCollection<Num>, DeadLetter> parsed =
        p.apply(
                Create.of(
                    SourceRecord.create("f.txt", 7, "boom"), SourceRecord.create("f.txt", 8, "1")))
            .apply(ParseRecords.with(ParseRecordsTest::parse, Num.class).named("ParseNumbers"));

    PAssert.that(parsed.output()).containsInAnyOrder(new Num(1));
    PAssert.that(parsed.failures())
        .containsInAnyOrder(
            DeadLetter.create(
                "ParseNumbers",
                "f.txt",
                7,
                "parser_error",
                "java.lang.IllegalStateException: parser bug",
                "boom"));
    p.run();
  }
}
