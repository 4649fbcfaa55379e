package etl.pipelines.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.values.PCollection;

/**
 * Everything that makes one warehouse: its inputs, tables and wiring. The run package's load does
 * the rest (database, DDL, staging, dead letters, MERGE, checks, run record, summary) the same way
 * for every warehouse.
 *
 * <p>Tables are listed by name only: each table's key, foreign keys, custom checks, DDL and MERGE
 * are in its folder {@code sql/<name>/tables/<table>/} (see {@link
 * etl.transforms.check.TableDef#load}).
 */
public interface WarehouseJob<O extends WarehouseOptions> {
  /** Lowercase name, also the folder of its SQL files and the pipeline name in etl_ tables. */
  String name();

  Class<O> optionsClass();

  /** What its load command says in {@code --help}: a line, then what it reads. */
  List<String> description();

  /** Command lines for its load command's {@code --help}. */
  List<String> examples();

  /**
   * Writes input files in the real formats at a scale, with injected defects (the {@code generate}
   * command); returns how many of each thing it wrote, defects included.
   */
  Map<String, Long> generate(Path dir, double scaleFactor, long seed, double defectRate)
      throws IOException;

  /**
   * Its inputs, each declared once: the load reads them in {@link #expand}, checks that every
   * required one matches files before it starts, and accounts for each one it read.
   */
  List<Source<O, ?>> sources();

  /** Checks options beyond what Beam checks; {@link ConfigException} with one clear line. */
  default void validate(O options) {}

  /** Staging tables by name, in DDL order. Each has a {@code run_id} column. */
  List<String> stagingTables();

  /** Final tables by name, in MERGE order (dimensions before facts). */
  List<String> finalTables();

  /**
   * Named summary queries (e.g. match rates): name → file under {@code sql/<name>/<dialect or
   * portable>/}.
   */
  Map<String, String> summaryQueries();

  /**
   * Whether this run publishes the table (merges and checks it). A table fed only by an optional
   * source that is absent is created but neither merged nor checked.
   */
  default boolean publishes(String table, O options) {
    return true;
  }

  /** The business questions this warehouse answers (run after a load and by {@code answers}). */
  default List<Answer> answers() {
    return List.of();
  }

  /** The report's charts, in order: which answers it draws and how. */
  default List<Chart> charts() {
    return List.of();
  }

  /** Parameters of the answer queries. */
  default Map<String, Object> answerParameters(AnswerOptions options) {
    return Map.of();
  }

  /**
   * Reads, parses and stages; returns the staging writes' completion signals. Dead letters go to
   * {@link JobContext#deadLetters}.
   */
  List<PCollection<?>> expand(Pipeline pipeline, O options, JobContext context);
}
