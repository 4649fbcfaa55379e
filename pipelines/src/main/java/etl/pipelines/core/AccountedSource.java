package etl.pipelines.core;

import java.util.ArrayList;
import java.util.List;

/**
 * How one source's records are accounted for: its read step, the steps after it that may
 * dead-letter or filter records, and where its loaded records are counted.
 */
public record AccountedSource(
    String name, String readStep, List<String> steps, AccountedSource.Loaded loaded) {
  public static AccountedSource of(
      String name, String readStep, List<String> steps, Loaded loaded) {
    return new AccountedSource(name, readStep, List.copyOf(steps), loaded);
  }

  /** The read step, then the others. */
  public List<String> allSteps() {
    List<String> all = new ArrayList<>(List.of(readStep));
    all.addAll(steps);
    return all;
  }

  /** Where the count of loaded records comes from. */
  public sealed interface Loaded {}

  /** Distinct values of {@code columns} in {@code table} for this run. */
  public record Staged(String table, List<String> columns) implements Loaded {}

  /**
   * A counter ({@code step}/{@code name}): for records kept as a lookup or fanned out to many rows.
   */
  public record Counted(String step, String name) implements Loaded {}
}
