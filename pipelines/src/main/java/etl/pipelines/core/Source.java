package etl.pipelines.core;

import com.google.auto.value.AutoValue;
import etl.transforms.parse.RecordParser;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One input of a warehouse, declared once: where its files are, how they are read and parsed, how
 * its records are de-duplicated and what they join against, and where its loaded records are
 * counted. {@link ReadSource} turns it into good records plus dead letters; the accounting derives
 * every step name from it ({@link #accounted}), so none is typed twice.
 *
 * <p>Step names: {@code Read<step>}, {@code Parse<step>}, then the names given to {@link
 * Builder#deduplicate}, {@link Builder#keepKnown} and {@link Builder#check}.
 *
 * @param <O> the warehouse's options (an option may name the files instead of {@code --input})
 * @param <T> the element type its parser makes
 */
@AutoValue
public abstract class Source<O extends WarehouseOptions, T> {
  /** How a file becomes records. */
  public enum Format {
    /** CSV records (a quoted field may span lines), with a header checked. */
    CSV,
    /** One record per line (JSON lines, or CSV without multi-line fields, read in byte ranges). */
    LINES,
    /** One record per file (one JSON object per file). */
    WHOLE_FILE
  }

  /** The accounting's name for it, e.g. "movies". */
  public abstract String name();

  /** How a missing input is named ("No movie metadata found at …"). */
  public abstract String inputName();

  /** The step names' stem: ReadMovies, ParseMovies. */
  public abstract String step();

  /** Its files under {@code --input}: a file name or a glob. */
  public abstract String file();

  /** The option naming its files instead, when given. */
  @Nullable
  public abstract Function<O, String> option();

  public abstract Format format();

  @Nullable
  public abstract String header();

  /** Read line files in byte ranges of this size (0: each file whole). */
  public abstract long bytesPerRange();

  public abstract RecordParser<T> parser();

  public abstract Class<T> type();

  /** Read only the files new or changed since the warehouse loaded them (etl_loaded_file). */
  public abstract boolean incremental();

  /** Read only when its files are there (the tables it feeds are then not published). */
  public abstract boolean optional();

  @Nullable
  public abstract Deduplication<T> deduplication();

  @Nullable
  public abstract KnownKeys<T> knownKeys();

  /** A rule's step name (e.g. ResolveRatedMovies): the rule itself is given at read time. */
  @Nullable
  public abstract String check();

  /** The staging table its records are loaded into; null when counted by its last step. */
  @Nullable
  public abstract String stagedIn();

  public static <O extends WarehouseOptions, T> Builder<O, T> builder() {
    return new AutoValue_Source.Builder<O, T>()
        .setFormat(Format.LINES)
        .setBytesPerRange(0)
        .setIncremental(false)
        .setOptional(false);
  }

  /** Records with the same key: kept once; a conflicting duplicate is a dead letter. */
  public record Deduplication<T>(
      String step, SerializableFunction<T, Long> key, SerializableFunction<T, ?> content) {}

  /** Records whose key is not among the known keys (a side input given at read time). */
  public record KnownKeys<T>(
      String step, SerializableFunction<T, Long> key, String reason, String what) {}

  /** The files to read: the option when given, else {@link #file} under {@code --input}. */
  public String pattern(O options) {
    String given = option() == null ? null : option().apply(options);
    return given != null ? Inputs.absolute(given) : Inputs.under(options.getInput(), file());
  }

  /** The steps after the read, in order. */
  public List<String> steps() {
    List<String> steps = new ArrayList<>(List.of("Parse" + step()));
    if (deduplication() != null) {
      steps.add(deduplication().step());
    }
    if (knownKeys() != null) {
      steps.add(knownKeys().step());
    }
    if (check() != null) {
      steps.add(check());
    }
    return steps;
  }

  /**
   * How its records are accounted for: staged rows, each (file, line) or (file) once; or, where a
   * record is kept as a lookup or fans out to many rows, the records its last step kept.
   */
  public AccountedSource accounted() {
    List<String> steps = steps();
    AccountedSource.Loaded loaded =
        stagedIn() != null
            ? new AccountedSource.Staged(
                stagedIn(),
                format() == Format.WHOLE_FILE ? List.of("source") : List.of("source", "line"))
            : new AccountedSource.Counted(steps.get(steps.size() - 1), "kept");
    return AccountedSource.of(name(), "Read" + step(), steps, loaded);
  }

  /** Declares a source; {@link #build} checks it is whole. */
  @AutoValue.Builder
  public abstract static class Builder<O extends WarehouseOptions, T> {
    public abstract Builder<O, T> setName(String name);

    public abstract Builder<O, T> setInputName(String inputName);

    public abstract Builder<O, T> setStep(String step);

    public abstract Builder<O, T> setFile(String file);

    public abstract Builder<O, T> setOption(Function<O, String> option);

    public abstract Builder<O, T> setFormat(Format format);

    public abstract Builder<O, T> setHeader(String header);

    public abstract Builder<O, T> setBytesPerRange(long bytes);

    public abstract Builder<O, T> setParser(RecordParser<T> parser);

    public abstract Builder<O, T> setType(Class<T> type);

    public abstract Builder<O, T> setIncremental(boolean incremental);

    public abstract Builder<O, T> setOptional(boolean optional);

    abstract Builder<O, T> setDeduplication(Deduplication<T> deduplication);

    abstract Builder<O, T> setKnownKeys(KnownKeys<T> knownKeys);

    public abstract Builder<O, T> setCheck(String step);

    public abstract Builder<O, T> setStagedIn(String table);

    /** CSV records with this header. */
    public Builder<O, T> csv(String header) {
      return setFormat(Format.CSV).setHeader(header);
    }

    public Builder<O, T> deduplicate(
        String step, SerializableFunction<T, Long> key, SerializableFunction<T, ?> content) {
      return setDeduplication(new Deduplication<>(step, key, content));
    }

    public Builder<O, T> keepKnown(
        String step, SerializableFunction<T, Long> key, String reason, String what) {
      return setKnownKeys(new KnownKeys<>(step, key, reason, what));
    }

    abstract Source<O, T> autoBuild();

    public Source<O, T> build() {
      Source<O, T> source = autoBuild();
      if (source.format() == Format.CSV && source.header() == null) {
        throw new IllegalArgumentException(source.name() + ": a CSV source needs csv(header)");
      }
      if (source.bytesPerRange() > 0 && source.format() != Format.LINES) {
        throw new IllegalArgumentException(source.name() + ": only LINES are read in ranges");
      }
      return source;
    }
  }
}
