package etl.transforms.io;

import etl.transforms.parse.ApplyRule;
import etl.transforms.parse.KnownKeys;
import etl.transforms.record.DeadLetter;
import etl.transforms.record.Origin;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.WithFailures;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;

public class DeduplicateAndJoinTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  /** A keyed record that remembers where it was read. */
  @DefaultSchema(JavaFieldSchema.class)
  public static final class Item implements Origin, Serializable {
    public final String file;
    public final long line;
    public final long id;
    public final String name;

    @SchemaCreate
    public Item(String file, long line, long id, String name) {
      this.file = file;
      this.line = line;
      this.id = id;
      this.name = name;
    }

    @Override
    public String getSource() {
      return file;
    }

    @Override
    public long getLine() {
      return line;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Item i
          && i.file.equals(file)
          && i.line == line
          && i.id == id
          && i.name.equals(name);
    }

    @Override
    public int hashCode() {
      return Objects.hash(file, line, id, name);
    }

    @Override
    public String toString() {
      return id + "," + name;
    }
  }

  @Test
  public void keepsTheFirstReadRecordPerKeyCountsRepeatsAndDeadLettersConflicts() {
    WithFailures.Result<PCollection<Item>, DeadLetter> deduped =
        p.apply(
                Create.of(
                    new Item(
                        "b.csv", 1, 7, "seven"), // same content as a.csv:9 but read later: a repeat
                    new Item("a.csv", 9, 7, "seven"),
                    new Item("a.csv", 12, 7, "SEVEN"), // other content: a conflict
                    new Item("a.csv", 2, 8, "eight")))
            .apply(
                DeduplicateByKey.<Item, Long>of(i -> i.id, TypeDescriptors.longs(), i -> i.name)
                    .named("Dedup"));

    PAssert.that(deduped.output())
        .containsInAnyOrder(new Item("a.csv", 9, 7, "seven"), new Item("a.csv", 2, 8, "eight"));
    PAssert.that(deduped.failures())
        .containsInAnyOrder(
            DeadLetter.create(
                "Dedup",
                "a.csv",
                12,
                "duplicate_key",
                "key 7 was already read at a.csv:9 with other content; the first is kept",
                "7,SEVEN"));
    p.run();
  }

  @Test
  public void passesRecordsWithAKnownKeyAndDeadLettersTheRest() {
    PCollectionView<Map<Long, Boolean>> known =
        p.apply("Known", Create.of(KV.of(1L, true), KV.of(2L, true))).apply(View.asMap());

    WithFailures.Result<PCollection<Item>, DeadLetter> joined =
        p.apply(
                "Items",
                Create.of(new Item("c.csv", 1, 1, "one"), new Item("c.csv", 2, 3, "three")))
            .apply(
                ApplyRule.of(
                    KnownKeys.<Item, Long>of(i -> i.id, known, "unknown_thing", "thing id"),
                    "Join"));

    PAssert.that(joined.output()).containsInAnyOrder(new Item("c.csv", 1, 1, "one"));
    PAssert.that(joined.failures())
        .containsInAnyOrder(
            DeadLetter.create(
                "Join", "c.csv", 2, "unknown_thing", "thing id 3 is not loaded", "3,three"));
    p.run();
  }
}
